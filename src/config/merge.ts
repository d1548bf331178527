/**
 * OmegaConf's merge (`BaseContainer._map_merge` / `_list_merge`) for untyped configs:
 * - dicts merge key by key: existing keys keep their position, new keys are appended in source order;
 * - lists are replaced wholesale by the source list;
 * - a `???` source value never overwrites an existing key (whatever its value), but is added when the
 *   key is new;
 * - anything else replaces: a dict over a scalar/null/interpolation, a scalar/null/interpolation over a dict;
 * - a dict and a list never merge into each other (OmegaConf raises "Cannot merge DictConfig with ListConfig").
 * Values taken from the source are cloned, so the result never shares structure with the source.
 */
import { ConfigKeyError } from "../errors.js";
import { cloneValue, ConfigDict, ConfigList, isInterpolation, isMissing, type ConfigValue } from "./node.js";

export interface MergeOptions {
  /** Hydra's struct mode: a source key the target lacks is an error instead of being added. */
  struct?: boolean;
  /** Dotted key of `target` inside its root, for error messages. */
  path?: string;
  /**
   * OmegaConf dereferences an interpolation in the target when a dict is merged onto it: if it points
   * to a dict, that dict (copied) is merged into. Supply this to do the same; return undefined when the
   * interpolation does not resolve to a dict (the source then simply replaces it).
   */
  dereference?: (interpolation: string, key: string) => ConfigDict | undefined;
}

/** The merge of `source` onto `target`, as a new value; neither input is modified. */
export function mergeConfigs(target: ConfigValue, source: ConfigValue, options: MergeOptions = {}): ConfigValue {
  return mergeValue(cloneValue(target), source, options.path ?? "", options);
}

/** Merge `source` into `target` in place (the fast path for composition). */
export function mergeInto(target: ConfigDict, source: ConfigDict, options: MergeOptions = {}): void {
  mergeDicts(target, source, options.path ?? "", options);
}

/** Merge onto a value the caller owns; returns what should now stand in its place. */
function mergeValue(target: ConfigValue, source: ConfigValue, path: string, options: MergeOptions): ConfigValue {
  if (isMissing(source)) return target;
  if (target instanceof ConfigDict && source instanceof ConfigDict) {
    mergeDicts(target, source, path, options);
    return target;
  }
  if ((target instanceof ConfigDict && source instanceof ConfigList) || (target instanceof ConfigList && source instanceof ConfigDict)) {
    throw new ConfigKeyError(
      `Cannot merge DictConfig with ListConfig${path ? ` at '${path}'` : ""}: ` +
        `a ${target instanceof ConfigDict ? "mapping" : "list"} cannot be merged with a ${source instanceof ConfigDict ? "mapping" : "list"}; ` +
        `set the value instead of merging into it`,
      { key: path || undefined },
    );
  }
  return cloneValue(source);
}

function mergeDicts(target: ConfigDict, source: ConfigDict, path: string, options: MergeOptions): void {
  for (const [key, value] of source.entries) {
    const childPath = path ? `${path}.${key}` : key;
    const current = target.entries.get(key);
    if (current === undefined) {
      if (options.struct) throw notInStruct(key, childPath);
      target.entries.set(key, cloneValue(value));
      continue;
    }
    const base = value instanceof ConfigDict ? dereferenced(current, childPath, options) : current;
    target.entries.set(key, mergeValue(base, value, childPath, options));
  }
}

function dereferenced(current: ConfigValue, path: string, options: MergeOptions): ConfigValue {
  if (!isInterpolation(current) || !options.dereference) return current;
  const target = options.dereference(current, path);
  return target ? cloneValue(target) : current;
}

/** OmegaConf's wording, which Hydra shows inside its own "Could not override" messages. */
export function notInStruct(key: string, fullKey: string): ConfigKeyError {
  return new ConfigKeyError(`Key '${key}' is not in struct\n    full_key: ${fullKey}\n    object_type=dict`, { key: fullKey });
}
