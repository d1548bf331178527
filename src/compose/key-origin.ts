/**
 * Where a key of a composed config was set. Merging keeps values, not where they came from, so an error
 * found later (an interpolation that does not resolve, a `???` read) asks: which config of the defaults
 * list, merged last, set this key, and at which line? Only errors pay for the answer.
 */
import { ConfigDict, ConfigList, type ConfigValue } from "../config/node.js";
import { parseKeyPath } from "../config/path.js";
import { HydrantError, type SourcePosition } from "../errors.js";
import type { Override } from "../overrides/types.js";
import type { ResultDefault } from "./defaults/elements.js";
import type { ConfigRepository } from "./repository.js";

export type KeyOrigin = (key: string) => SourcePosition | undefined;

/** `overrides`: what the command line set; those keys' values come from there, not from a file. */
export function keyOriginFinder(defaults: readonly ResultDefault[], repo: ConfigRepository, overrides: readonly Override[]): KeyOrigin {
  return (key) => {
    const overridden = new Set(overrides.map((o) => o.keyOrGroup));
    let path: string[];
    try {
      path = parseKeyPath(key);
    } catch {
      return undefined;
    }
    if (path.some((_, i) => overridden.has(path.slice(0, i + 1).join(".")))) return undefined;
    for (let i = defaults.length - 1; i >= 0; i--) {
      const d = defaults[i];
      const pkg = d.package === "" ? [] : d.package.split(".");
      if (pkg.length > path.length || pkg.some((p, j) => p !== path[j])) continue;
      const loaded = repo.loadConfig(d.configPath);
      const at = loaded && positionIn(loaded.config, path.slice(pkg.length), loaded.file);
      if (at) return at;
    }
    return undefined;
  };
}

function positionIn(root: ConfigValue, path: readonly string[], file: string): SourcePosition | undefined {
  if (path.length === 0) return undefined;
  let node: ConfigValue = root;
  for (const part of path.slice(0, -1)) {
    const next = child(node, part);
    if (next === undefined) return undefined;
    node = next;
  }
  const last = path[path.length - 1];
  if (child(node, last) === undefined || !(node instanceof ConfigDict || node instanceof ConfigList)) return undefined;
  const at = node.source?.positions?.get(last);
  return { file: node.source?.file ?? file, line: at?.line, column: at?.column };
}

function child(node: ConfigValue, part: string): ConfigValue | undefined {
  if (node instanceof ConfigDict) return node.get(part);
  if (node instanceof ConfigList) return /^\d+$/.test(part) ? node.items[Number(part)] : undefined;
  return undefined;
}

/** Runs `fn`; an error about a key that names no file gets the file and line that set the key. */
export function withKeyOrigin<T>(origin: KeyOrigin | undefined, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw locateError(e, origin);
  }
}

export function locateError(e: unknown, origin: KeyOrigin | undefined): unknown {
  if (!origin || !(e instanceof HydrantError) || e.file !== undefined || e.key === undefined) return e;
  const at = origin(e.key);
  return at ? e.at(at) : e;
}
