/**
 * Grids declared in files: a YAML `!sweep [a, b, c]` (or `!sweep {…}` of whole candidates) becomes a
 * DynamicValue, so one config file can declare what `expandConfigs` expands. Also turns a config
 * group's options into candidate configs, each composed as hydrant composes it.
 */
import { readFileSync } from "node:fs";
import { composeConfig, jobConfig, listOptions } from "../compose/index.js";
import { keyText } from "../config/dict-key.js";
import { ConfigDict, ConfigList, toPlainUnresolved, type ConfigValue } from "../config/node.js";
import { parseYaml } from "../config/yaml.js";
import { selectNode } from "../config/path.js";
import { resolveTree } from "../config/interpolation/index.js";
import { DynamicValueError } from "../errors.js";
import { DynamicValue } from "./dynamic-value.js";

/** A list marked `!sweep` in YAML: each item is one candidate. */
class SweepList extends ConfigList {}

/** A config as declared in YAML or code, before its {@link DynamicValue}s are expanded. */
export type DeclaredConfig = { [key: string]: unknown };

/** Parses YAML text where `!sweep [..]` marks the values to expand; returns data for expandConfigs. */
export function parseConfigsYaml(text: string, file = "<string>"): DeclaredConfig | DeclaredConfig[] {
  const tree = parseYaml(text, file, { customTags: { "!sweep": (v) => toSweep(v, file) } });
  const data = toDeclared(tree ?? new ConfigDict());
  if (Array.isArray(data)) return data as DeclaredConfig[];
  if (data instanceof DynamicValue || data === null || typeof data !== "object") {
    throw new DynamicValueError(`${file}: the top level must be a mapping (one config) or a list of configs.`, { file });
  }
  return data as DeclaredConfig;
}

/** Reads a YAML file where `!sweep [..]` marks the values to expand (see `parseConfigsYaml`). */
export function loadConfigsYaml(file: string): DeclaredConfig | DeclaredConfig[] {
  return parseConfigsYaml(readFileSync(file, "utf8"), file);
}

function toSweep(v: ConfigValue, file: string): ConfigValue {
  if (v instanceof ConfigList) return new SweepList(v.items, v.source);
  const where = v instanceof ConfigDict && v.source?.line ? `:${v.source.line}` : "";
  throw new DynamicValueError(`${file}${where}: !sweep takes a list of candidates, e.g. lr: !sweep [0.001, 0.01]`, { file });
}

/** Plain data for users (floats unboxed, typed keys as text), with `!sweep` lists as DynamicValues. */
function toDeclared(v: ConfigValue): unknown {
  if (v instanceof SweepList) return new DynamicValue(v.items.map(toDeclared));
  if (v instanceof ConfigList) return v.items.map(toDeclared);
  if (v instanceof ConfigDict) return Object.fromEntries([...v.entries].map(([k, x]) => [keyText(k), toDeclared(x)]));
  return toPlainUnresolved(v);
}

/** Options of `configsFromGroup`: the config dir, the group whose options become configs, and overrides for all. */
export interface GroupConfigsOptions {
  configDir: string;
  group: string;
  /** Overrides applied to every option's composition (e.g. ["+seed=1"]). */
  overrides?: string[];
}

/** Every option of a config group, composed (resolved, no `hydra` node): one candidate each. */
export function configsFromGroup(options: GroupConfigsOptions): DeclaredConfig[] {
  const names = listOptions({ configDir: options.configDir }, options.group);
  if (names.length === 0) {
    throw new DynamicValueError(`Config group '${options.group}' has no options in ${options.configDir}.`, { key: options.group });
  }
  const pkg = options.group.replaceAll("/", ".");
  return names.map((name) => {
    const result = composeConfig({ configDir: options.configDir, configName: null, overrides: [`+${options.group}=${name}`, ...(options.overrides ?? [])] });
    const found = selectNode(resolveTree(jobConfig(result)), pkg);
    const plain = toDeclared(found.value ?? new ConfigDict()) as DeclaredConfig;
    return { __config_id__: name, ...plain };
  });
}
