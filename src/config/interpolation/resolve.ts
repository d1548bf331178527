/**
 * Public resolution API: resolve one value, a whole tree, a selected key or an arbitrary string.
 * The engine itself is resolution.ts.
 */
import { ConfigKeyError, InterpolationError, MissingMandatoryValueError } from "../../errors.js";
import { ConfigDict, ConfigList, isContainer, MISSING, toPlainUnresolved, type ConfigContainer, type ConfigValue, type PlainValue } from "../node.js";
import { formatPath, splitKey } from "./keys.js";
import { Resolution } from "./resolution.js";
import type { ConfigPath, ResolveOptions } from "./types.js";

export type { ResolveOptions } from "./types.js";

/** Runs a resolution, turning a JS stack overflow (pathological nesting) into an InterpolationError. */
function run<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new InterpolationError("Interpolations nest too deeply to resolve (is there a cycle?)", { cause: e });
    }
    throw e;
  }
}

/**
 * The value at `path` with interpolations resolved: `${x}` alone yields x's value with its type (a
 * container comes back as a fully resolved copy), text mixing interpolations yields a string.
 * A `???` value is returned as is unless `throwOnMissing`; a path that does not exist throws.
 */
export function resolveValue(root: ConfigDict, path: ConfigPath, options: ResolveOptions = {}): ConfigValue {
  return run(() => new Resolution(root, options).valueAt(path));
}

/** A fully resolved deep copy of the tree (OmegaConf's `to_container(resolve=True)`). */
export function resolveTree(root: ConfigDict, options: ResolveOptions = {}): ConfigDict {
  return run(() => new Resolution(root, options).valueAt([])) as ConfigDict;
}

/**
 * Resolves an arbitrary string as if it were the value of `key` inside the container at `at`
 * (default: a key of the root), e.g. to resolve a value about to be assigned.
 */
export function resolveString(
  root: ConfigContainer,
  text: string,
  options: ResolveOptions & { at?: ConfigPath; key?: string | number } = {},
): ConfigValue {
  return run(() => new Resolution(root, options).textAt(text, options.at ?? [], options.key));
}

/**
 * OmegaConf.select: the resolved value at a dotted key (`a.b[0]`, or relative `.x` from the root),
 * `options.default` (or undefined) when it does not exist or is `???`.
 */
export function select(
  root: ConfigContainer,
  key: string,
  options: ResolveOptions & { default?: ConfigValue } = {},
): ConfigValue | undefined {
  const dots = /^\.*/.exec(key)?.[0].length ?? 0;
  if (dots > 1) return options.default;
  const keys = key.slice(dots) === "" ? [] : splitKey(key.slice(dots));
  try {
    const value = run(() => new Resolution(root, options).valueAt(keys));
    return value === MISSING && !options.throwOnMissing ? options.default : value;
  } catch (e) {
    const missing = e instanceof MissingMandatoryValueError;
    if (e instanceof ConfigKeyError && (!missing || !options.throwOnMissing)) return options.default;
    throw e;
  }
}

/** Plain data; resolved (like `to_container(resolve=True)`) or with interpolations kept as strings. */
export function toPlain(root: ConfigValue, options: ResolveOptions & { resolve: boolean }): PlainValue {
  if (!isContainer(root)) return toPlainUnresolved(root);
  if (!options.resolve) {
    if (options.throwOnMissing) assertNoMissing(root, []);
    return toPlainUnresolved(root);
  }
  return toPlainUnresolved(run(() => new Resolution(root, options).valueAt([])));
}

function assertNoMissing(value: ConfigValue, path: Array<string | number>): void {
  if (value === MISSING) {
    const where = formatPath(path);
    throw new MissingMandatoryValueError(`Missing mandatory value: ${where} (it is '???'; set it, e.g. with the override ${where}=...)`, { key: where });
  }
  if (value instanceof ConfigDict) for (const [k, v] of value.entries) assertNoMissing(v, [...path, k]);
  if (value instanceof ConfigList) value.items.forEach((v, i) => assertNoMissing(v, [...path, i]));
}
