/**
 * Where a field of a spec file is (line:column from parseYaml's positions) and how it was written
 * (the raw token), so that errors point at the spot and YAML 1.1's `yes`/`no`/`on`/`off` booleans
 * can be told apart from `true`/`false`.
 */
import { ConfigDict, ConfigList, type ConfigValue } from "../../config/node.js";
import { ExperimentSpecError } from "../../errors.js";
import type { SpecWarning } from "./types.js";

export interface Position {
  line: number;
  column: number;
}

export class SpecSource {
  private readonly lines: string[];

  constructor(
    readonly file: string,
    readonly text: string,
    readonly root: ConfigValue,
  ) {
    this.lines = text.split(/\r?\n/);
  }

  /** The position of the deepest part of `path` that exists (the root's when none does). */
  locate(path: readonly string[]): Position | undefined {
    let node: ConfigValue | undefined = this.root;
    let pos: Position | undefined = positionOf(node);
    for (const seg of path) {
      if (!(node instanceof ConfigDict || node instanceof ConfigList)) break;
      const p = node.source?.positions?.get(seg);
      if (!p) break;
      pos = p;
      node = node instanceof ConfigDict ? node.get(seg) : node.items[Number(seg)];
    }
    return pos;
  }

  /** "file:line:column" for a field. */
  where(path: readonly string[]): string {
    const p = this.locate(path);
    return p ? `${this.file}:${p.line}:${p.column}` : this.file;
  }

  error(path: readonly string[], message: string): ExperimentSpecError {
    const p = this.locate(path);
    return new ExperimentSpecError(`${this.where(path)}: ${message}`, { file: this.file, ...p, key: fieldName(path) || undefined });
  }

  warning(path: readonly string[], message: string): SpecWarning {
    return { message: `${this.where(path)}: ${message}`, file: this.file, ...this.locate(path), key: fieldName(path) || undefined };
  }

  /** How a list item (`[on, off]` or `- on`) or a mapping value (`key: on`) was written. */
  rawToken(path: readonly string[]): string | undefined {
    const parent = this.nodeAt(path.slice(0, -1));
    const p = this.locate(path);
    if (!p) return undefined;
    const rest = this.lines[p.line - 1]?.slice(p.column - 1) ?? "";
    // A list item's position is the item itself; a mapping entry's is its key.
    const value = parent instanceof ConfigList ? rest : /^(?:"[^"]*"|'[^']*'|[^:]+?)\s*:\s+(.*)$/.exec(rest)?.[1];
    return value === undefined ? undefined : /^[^\s,\]}#]+/.exec(value)?.[0];
  }

  private nodeAt(path: readonly string[]): ConfigValue | undefined {
    let node: ConfigValue | undefined = this.root;
    for (const seg of path) {
      if (node instanceof ConfigDict) node = node.get(seg);
      else if (node instanceof ConfigList) node = node.items[Number(seg)];
      else return undefined;
    }
    return node;
  }
}

function positionOf(v: ConfigValue | undefined): Position | undefined {
  const s = v instanceof ConfigDict || v instanceof ConfigList ? v.source : undefined;
  return s?.line === undefined ? undefined : { line: s.line, column: s.column ?? 1 };
}

/** `sweep.lr` / `configs[1]` for messages. */
export function fieldName(path: readonly string[]): string {
  let out = "";
  for (const seg of path) out += /^\d+$/.test(seg) ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

/** PyYAML's (and so OmegaConf's) YAML 1.1 booleans other than true/false. */
const YAML11_BOOLEAN_WORDS = /^(?:yes|no|on|off)$/i;

export function isYaml11BooleanWord(token: string | undefined): boolean {
  return token !== undefined && YAML11_BOOLEAN_WORDS.test(token);
}
