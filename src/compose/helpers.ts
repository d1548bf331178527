/**
 * What the rest of hydrant reads from a composed config: where the configs are (an app's location
 * flags), the job config (no `hydra` node) and the hydra node alone, resolved or not, one value
 * resolved as a job sees it, and Hydra's `compose()` returning plain data.
 *
 * Functions of a ComposeResult answer `${now:…}` at the composition's instant; those of a bare config
 * (a job's, carried on after its composition, or read back from `.hydra/`) with the process's `now`.
 */
import path from "node:path";
import { withKeyOrigin } from "./key-origin.js";
import { ConfigDict, cloneValue, toPlainUnresolved, type ConfigValue, type PlainValue } from "../config/node.js";
import { resolveTree, resolveValue, splitKey, type ResolveOptions } from "../config/interpolation/index.js";
import { getPath } from "../config/path.js";
import { composeConfig, type ComposeOptions, type ComposeResult } from "./compose.js";
import { composeResolvers, hydraResolver } from "./hydra-resolvers.js";
import type { ConfigSchemaNode, InferConfig } from "../typed/index.js";

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

/** Where an app's configs are: the composition options its location flags decide. */
export type ConfigLocation = Pick<ComposeOptions, "configDir" | "searchPath" | "configName" | "jobName" | "schema">;

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

/** The config without its `hydra` node (what the task sees), still unresolved; its values are shared. */
export function withoutHydra(cfg: ConfigDict): ConfigDict {
  return new ConfigDict([...cfg.entries].filter(([k]) => k !== "hydra"), cfg.source);
}

/** `{hydra: …}` alone, as Hydra's hydra.yaml holds it. */
export function hydraOnly(cfg: ConfigDict): ConfigDict {
  const h = cfg.get("hydra");
  return new ConfigDict(h === undefined ? [] : [["hydra", h]]);
}

/** The composed config without its `hydra` node (a copy). */
export function jobConfig(result: ComposeResult): ConfigDict {
  return cloneValue(withoutHydra(result.config));
}

/**
 * The job config with every interpolation resolved, as OmegaConf.resolve leaves it: a value whose
 * interpolation reaches `???` is `???`. `${hydra:...}` reads this result's hydra node.
 */
export function resolveJobConfig(result: ComposeResult): ConfigDict {
  const job = jobConfig(result);
  // As Hydra's `--cfg job --resolve`: the hydra node is gone, `${hydra:...}` still reads it.
  return withKeyOrigin(result.keyOrigin, () => resolveTree(job, resultResolveOptions(result)));
}

/** The full config (hydra node included) resolved, as resolveJobConfig resolves. */
export function resolveFullConfig(result: ComposeResult): ConfigDict {
  return withKeyOrigin(result.keyOrigin, () => resolveTree(result.config, resultResolveOptions(result)));
}

function resultResolveOptions(result: ComposeResult): ResolveOptions {
  return { extraResolvers: composeResolvers(result), keepMissingInterpolations: true };
}

/** `${hydra:…}` reads this config's own hydra node, as in a Hydra job. */
function configResolveOptions(cfg: ConfigDict): ResolveOptions {
  return { extraResolvers: { hydra: hydraResolver(cfg) } };
}

/** The value at a plain dotted key of `cfg` (hydra node included), interpolations resolved against all of it. */
export function resolvePath(cfg: ConfigDict, dotted: string): ConfigValue | undefined {
  if (getPath(cfg, dotted) === undefined) return undefined;
  return resolveValue(cfg, splitKey(dotted), configResolveOptions(cfg));
}

/** resolvePath as text; undefined for a missing key or null. */
export function resolvePathString(cfg: ConfigDict, dotted: string): string | undefined {
  const v = resolvePath(cfg, dotted);
  if (v === undefined || v === null) return undefined;
  return String(v);
}

/**
 * The job config of `cfg` with every interpolation resolved, key order kept. Like Hydra's task
 * config, `${hydra:…}` works but `${hydra.x}` does not (the node is gone); `???` stays as is.
 */
export function resolveJobTree(cfg: ConfigDict, options: Pick<ResolveOptions, "keepMissingInterpolations"> = {}): ConfigDict {
  return resolveTree(withoutHydra(cfg), { ...configResolveOptions(cfg), ...options });
}

/** The job config as `--cfg job --resolve` prints it: OmegaConf.resolve turns values that reach `???` into `???`. */
export function resolveJobTreeForDisplay(cfg: ConfigDict): ConfigDict {
  return resolveJobTree(cfg, { keepMissingInterpolations: true });
}

/** The resolved job config as plain data (`???` stays the string), for callbacks that record it. */
export function resolveJobPlain(cfg: ConfigDict): { [key: string]: PlainValue } {
  return toPlainUnresolved(resolveJobTree(cfg)) as { [key: string]: PlainValue };
}

export interface ComposeHelperOptions extends ComposeOptions {
  /** Resolve interpolations (default false). */
  resolve?: boolean;
  /** Keep the `hydra` node (default false). */
  returnHydraConfig?: boolean;
}

/** Compose and return plain data (Hydra's `compose()`), typed by `options.schema` (a Standard Schema's output type). */
export function compose<S extends ConfigSchemaNode>(options: ComposeHelperOptions & { schema: S }): InferConfig<S>;
/** Compose and return plain data (Hydra's `compose()`), typed by the caller. */
export function compose<T = Record<string, PlainValue>>(options?: ComposeHelperOptions): T;
export function compose(options: ComposeHelperOptions = {}): unknown {
  const result = composeConfig(options);
  if (options.resolve) {
    return toPlainUnresolved(options.returnHydraConfig ? resolveFullConfig(result) : resolveJobConfig(result));
  }
  if (options.returnHydraConfig) return toPlainUnresolved(result.config);
  // The plain copy is already a copy: no need to copy the job config first.
  const out: Record<string, PlainValue> = {};
  for (const [k, v] of result.config.entries) if (k !== "hydra") out[k] = toPlainUnresolved(v);
  return out;
}
