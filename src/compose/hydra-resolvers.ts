/**
 * Resolvers composition relies on. `now` is registered globally (live clock) so any resolution
 * understands `${now:%Y-%m-%d}`; `hydra` (`${hydra:job.name}`) reads one particular composed config.
 * For a composed config, `composeResolvers(result)` gives both bound to that composition: `now` then
 * always answers the composition's instant, as Hydra's cached `now` does for one run (and a sweep can
 * share its master's instant by passing `instant` to every job's composition).
 */
import type { ConfigDict } from "../config/node.js";
import { hasResolver, registerResolver, select, type Resolver } from "../config/interpolation/index.js";
import { strftime } from "./strftime.js";

export function ensureComposeResolvers(): void {
  if (!hasResolver("now")) registerResolver("now", (args) => strftime(String(args[0] ?? "")));
}

/** `${now:fmt}` answering a fixed instant. */
export function nowResolver(instant: Date): Resolver {
  return (args) => strftime(String(args[0] ?? ""), instant);
}

/**
 * `${hydra:key}` for one composed config: like Hydra, the value is selected under `hydra` and
 * resolved with the full config (hydra node included) as its root.
 */
export function hydraResolver(fullConfig: ConfigDict, instant?: Date): Resolver {
  const resolver: Resolver = (args) => {
    const key = String(args[0] ?? "");
    const extra: Record<string, Resolver> = { hydra: resolver };
    if (instant) extra.now = nowResolver(instant);
    const value = select(fullConfig, key === "" ? "hydra" : `hydra.${key}`, { extraResolvers: extra });
    return value === undefined ? null : value;
  };
  return resolver;
}

/** The per-composition resolvers to pass as `extraResolvers` when resolving a composed config. */
export function composeResolvers(result: { config: ConfigDict; instant: Date }): Record<string, Resolver> {
  return { hydra: hydraResolver(result.config, result.instant), now: nowResolver(result.instant) };
}
