/** Public types shared by the resolver registry and the resolution engine. */
import type { ConfigContainer, ConfigValue } from "../node.js";
import type { ResolverRegistry } from "./resolvers.js";

export type ConfigPath = ReadonlyArray<string | number>;

/**
 * What a resolver sees besides its arguments; the equivalent of OmegaConf's `_root_`, `_parent_`
 * and `_node_` special parameters.
 */
export interface ResolverContext {
  /** The config root the interpolation is resolved in (`_root_`). */
  readonly root: ConfigContainer;
  /** The container holding the key being resolved (`_parent_`). */
  readonly parent: ConfigContainer;
  /** The key being resolved within `parent`, if any. */
  readonly key: string | number | undefined;
  /** Full path of the key being resolved. */
  readonly path: ConfigPath;
  /** The raw (unresolved) value being resolved (`_node_`). */
  readonly node: ConfigValue | undefined;
  /** Source text of each argument, as written (OmegaConf's `args_str`). */
  readonly argTexts: readonly string[];
  /**
   * Looks a key up like `oc.select`: keys with leading dots are relative to `parent`, others start at
   * the root. Returns the fully resolved value, `options.default` when the key does not exist or is
   * `???` (or undefined without a default). With `throwOnMissing`, a `???` value throws instead.
   */
  select(key: string, options?: { default?: unknown; throwOnMissing?: boolean }): ConfigValue | undefined;
  /** Parses and evaluates `text` as one grammar element (what `oc.decode` does), in this context. */
  decode(text: string): unknown;
  /** Reports a non-fatal message (e.g. `oc.deprecated`) through ResolveOptions.onWarning. */
  warn(message: string): void;
}

/**
 * A resolver: `${name:a,b}` calls it with `[a, b]`. Arguments are typed as the grammar reads them
 * (numbers, booleans, null, strings, arrays and plain objects for `[..]` / `{..}` literals,
 * ConfigDict/ConfigList for `${node}` arguments that point at containers, already resolved).
 * Plain objects/arrays returned become config nodes placed at the key being resolved, so
 * interpolations inside them are resolved relative to it.
 */
export type Resolver = (args: unknown[], ctx: ResolverContext) => unknown;

export interface RegisterResolverOptions {
  /** Cache results by the arguments' source text for the registry's lifetime (OmegaConf `use_cache`, default false). */
  useCache?: boolean;
  /** Replace an existing resolver of the same name instead of failing. */
  replace?: boolean;
}

/** How interpolations are resolved: which resolvers, and what a `???` value does. */
export interface ResolveOptions {
  /**
   * Deep resolution only: a value whose interpolation reaches a `???` value resolves to `???` instead of
   * failing, as OmegaConf.resolve leaves it (Hydra's `--cfg job --resolve` prints it so). Default false:
   * InterpolationToMissingValueError.
   */
  keepMissingInterpolations?: boolean;
  /** Throw MissingMandatoryValueError on `???` values instead of keeping them (default false). */
  throwOnMissing?: boolean;
  /** Where resolvers are looked up (default: the global registry). */
  resolvers?: ResolverRegistry;
  /** Resolvers for this call only; they take precedence over the registry. */
  extraResolvers?: Record<string, Resolver>;
  /** Receives non-fatal messages such as `oc.deprecated` warnings (the library never prints). */
  onWarning?: (message: string) => void;
}
