/**
 * An app's only doorway into composition (the run engine's, `--cfg`/`--info`'s, completion's): where
 * the configs are (from AppArgs), composing a master config or one job's, listing config groups.
 * Each registers the built-in plugins first, so that `hydra/launcher=local` composes from any entry.
 */
import type { KeyOrigin } from "../compose/key-origin.js";
import path from "node:path";
import type { ConfigDict } from "../config/node.js";
import { composeConfig, listOptions as composeListOptions, loadConfigGroupsIndex, type ComposeOptions, type ComposeResult, type ConfigGroupInfo, type GroupsIndexOptions } from "../compose/index.js";
import { registerBuiltinPlugins } from "../plugins/registry.js";
import type { ConfigSchemaNode } from "../typed/index.js";
/** The location flags of an app command line. */
export interface LocationArgs {
  configDir?: string;
  configPath?: string;
  configName?: string;
  /** `hydra.job.name`: a `main()` app's script name; else derived from the config name. */
  jobName?: string;
  /** The job config's schema (`main({ schema })`). */
  schema?: ConfigSchemaNode;
}

export interface ConfigLocation {
  /** The primary config dir (absolute), if any. */
  configDir?: string;
  /** Extra search path entries (`--config-dir` when a config path is also given). */
  searchPath?: string[];
  configName?: string;
  jobName?: string;
  schema?: ConfigSchemaNode;
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
  const loc: ConfigLocation = { configDir: primary, searchPath: extra, configName: args.configName, jobName: args.jobName };
  if (args.schema !== undefined) loc.schema = args.schema;
  return loc;
}

/** `composeConfig` with the built-in plugins' config nodes registered. */
export function composeAppConfig(options: ComposeOptions): ComposeResult {
  registerBuiltinPlugins();
  return composeConfig(options);
}

/** The config groups and their options, the built-in plugins' included. */
export function appConfigGroups(options: GroupsIndexOptions): ConfigGroupInfo[] {
  registerBuiltinPlugins();
  return loadConfigGroupsIndex(options);
}

export function compose(loc: ConfigLocation, overrides: readonly string[], runMode: "RUN" | "MULTIRUN"): Composed {
  const r = composeAppConfig({ configDir: loc.configDir, searchPath: loc.searchPath, configName: loc.configName, jobName: loc.jobName, overrides: [...overrides], runMode, schema: loc.schema });
  return { config: r.config, taskOverrides: [...r.taskOverrides], hydraOverrides: [...r.hydraOverrides], choices: { ...r.choices }, keyOrigin: r.keyOrigin };
}

export function groupOptions(loc: ConfigLocation, group: string): string[] {
  registerBuiltinPlugins();
  return composeListOptions({ configDir: loc.configDir, searchPath: loc.searchPath, configName: loc.configName ?? null }, group);
}
