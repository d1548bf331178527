/**
 * The run engine's only doorway into composition: where the configs are (from AppArgs), composing a
 * master config or one job's, and listing a group's options for `glob()`.
 */
import type { KeyOrigin } from "../compose/key-origin.js";
import path from "node:path";
import type { ConfigDict } from "../config/node.js";
import { composeConfig, listOptions as composeListOptions } from "../compose/index.js";
/** The location flags of an app command line. */
export interface LocationArgs {
  configDir?: string;
  configPath?: string;
  configName?: string;
}

export interface ConfigLocation {
  /** The primary config dir (absolute), if any. */
  configDir?: string;
  /** Extra search path entries (`--config-dir` when a config path is also given). */
  searchPath?: string[];
  configName?: string;
}

export interface Composed {
  config: ConfigDict;
  taskOverrides: string[];
  hydraOverrides: string[];
  choices: Record<string, unknown>;
  keyOrigin: KeyOrigin;
}

/**
 * `--config-path` names the primary config dir; `--config-dir` adds one to the search path (Hydra's
 * meaning). Given alone, `--config-dir` serves as the primary dir. Relative paths are from `cwd`.
 */
export function configLocation(args: LocationArgs, cwd = process.cwd()): ConfigLocation {
  const abs = (p: string | undefined) => (p === undefined ? undefined : path.resolve(cwd, p));
  const primary = abs(args.configPath) ?? abs(args.configDir);
  const extra = args.configPath !== undefined && args.configDir !== undefined ? [abs(args.configDir) as string] : undefined;
  return { configDir: primary, searchPath: extra, configName: args.configName };
}

export function compose(loc: ConfigLocation, overrides: readonly string[], runMode: "RUN" | "MULTIRUN"): Composed {
  const r = composeConfig({ configDir: loc.configDir, searchPath: loc.searchPath, configName: loc.configName, overrides: [...overrides], runMode });
  return { config: r.config, taskOverrides: [...r.taskOverrides], hydraOverrides: [...r.hydraOverrides], choices: { ...r.choices }, keyOrigin: r.keyOrigin };
}

export function groupOptions(loc: ConfigLocation, group: string): string[] {
  return composeListOptions({ configDir: loc.configDir, searchPath: loc.searchPath, configName: loc.configName ?? null }, group);
}
