/**
 * Convenience API over composeConfig: the job config alone, resolved or not, as a plain object.
 */
import { withKeyOrigin } from "./key-origin.js";
import { ConfigDict, cloneValue, toPlainUnresolved, type PlainValue } from "../config/node.js";
import { resolveTree, type ResolveOptions } from "../config/interpolation/index.js";
import { composeConfig, type ComposeOptions, type ComposeResult } from "./compose.js";
import { composeResolvers } from "./resolvers.js";
import type { ConfigSchemaNode, InferConfig } from "../typed/index.js";

/** The composed config without its `hydra` node (a copy). */
export function jobConfig(result: ComposeResult): ConfigDict {
  const out = new ConfigDict(undefined, result.config.source);
  for (const [k, v] of result.config.entries) if (k !== "hydra") out.set(k, cloneValue(v));
  return out;
}

/**
 * The job config with every interpolation resolved, as OmegaConf.resolve leaves it: a value whose
 * interpolation reaches `???` is `???`. `${hydra:...}` reads this result's hydra node.
 */
export function resolveJobConfig(result: ComposeResult): ConfigDict {
  const job = jobConfig(result);
  // As Hydra's `--cfg job --resolve`: the hydra node is gone, `${hydra:...}` still reads it.
  return withKeyOrigin(result.keyOrigin, () => resolveTree(job, resolveOptions(result)));
}

/** The full config (hydra node included) resolved, as resolveJobConfig resolves. */
export function resolveFullConfig(result: ComposeResult): ConfigDict {
  return withKeyOrigin(result.keyOrigin, () => resolveTree(result.config, resolveOptions(result)));
}

function resolveOptions(result: ComposeResult): ResolveOptions {
  return { extraResolvers: composeResolvers(result), keepMissingInterpolations: true };
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
