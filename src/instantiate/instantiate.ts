/**
 * Hydra's `instantiate` for JavaScript: builds the objects a config describes with `_target_` nodes.
 * Values reach targets as plain JavaScript data (a config tree is read through `toPlain` first).
 */
import { isContainer, type ConfigValue } from "../config/node.js";
import { toPlain } from "../config/interpolation/index.js";
import { InstantiationError } from "../errors.js";
import { appDir } from "./app-dir.js";
import { bindTarget, callTarget, isPlainObject } from "./call.js";
import { joinKey, keyPathOf } from "./key-paths.js";
import { loadTarget } from "./target.js";

/** How `instantiate` may find targets. */
export interface InstantiateOptions {
  /** `"registry"`: build only targets registered with `registerTarget`; never import a module. */
  only?: "registry";
  /** Where `./x.js:Y` and package targets resolve from; defaults to the app's directory (the
   * script that called `main()`), else the working directory. */
  baseDir?: string;
}

/** Call-time keyword overrides, merged over the node (`_args_`, `_partial_`, … included). */
export type InstantiateOverrides = Record<string, unknown>;

const CONTROL_KEYS = new Set(["_target_", "_args_", "_partial_", "_recursive_", "_convert_"]);
const CONVERT_MODES = new Set(["none", "partial", "object", "all"]);

interface Walk {
  recursive: boolean;
  lookup: { baseDir: string; only?: "registry" };
}

/**
 * Builds what `node` describes: a `_target_` node is constructed (a class) or called (a function)
 * with its `_args_` and its other keys as one trailing options object; nested `_target_` nodes are
 * built first unless `_recursive_: false`; `_partial_: true` returns the target with its arguments
 * bound. A node without `_target_` gives the same data with its nested targets built; a list, each item.
 *
 * @param node the config node: the plain data a task receives (`cfg.model`), or a config tree.
 * @param overrides keys merged over the node at call time (Hydra's `instantiate(cfg, lr=0.1)`).
 * @throws InstantiationError naming the key and the target when a target does not resolve or throws.
 */
export async function instantiate<T = unknown>(node: unknown, overrides: InstantiateOverrides = {}, options: InstantiateOptions = {}): Promise<T> {
  const plain = isContainer(node) ? toPlain(node as ConfigValue, { resolve: true, throwOnMissing: false }) : node;
  if (plain === null || plain === undefined) return plain as T;
  const key = keyPathOf(node);
  if (!isPlainObject(plain)) {
    if (Object.keys(overrides).length > 0) throw new InstantiationError(`Cannot instantiate${at(key)}: call-time overrides need a mapping node, not ${Array.isArray(plain) ? "a list" : typeof plain}.`, { key: key || undefined });
    return (await build(plain, key, { recursive: true, lookup: lookupOf(options) }, false)) as T;
  }
  const merged = mergeOverrides(plain, overrides);
  const walk: Walk = { recursive: merged._recursive_ !== false, lookup: lookupOf(options) };
  return (await build(merged, key, walk, merged._partial_ === true)) as T;
}

function lookupOf(options: InstantiateOptions): Walk["lookup"] {
  return { baseDir: options.baseDir ?? appDir(), ...(options.only ? { only: options.only } : {}) };
}

async function build(value: unknown, key: string, walk: Walk, partial: boolean): Promise<unknown> {
  if (Array.isArray(value)) return walk.recursive ? Promise.all(value.map((v, i) => build(v, joinKey(key, i), walk, false))) : value;
  if (!isPlainObject(value)) return value;
  const here: Walk = { ...walk, recursive: typeof value._recursive_ === "boolean" ? value._recursive_ : walk.recursive };
  checkConvert(value._convert_, key);
  if (!("_target_" in value)) return buildEntries(value, key, here, false);
  const isPartial = value._partial_ === true || partial;
  const target = await loadTarget(value._target_, { ...walk.lookup, key });
  const { _args_: args = [], ...kwargs } = await buildEntries(value, key, here, isPartial);
  if (!Array.isArray(args)) throw new InstantiationError(`Cannot instantiate${at(key)}: '_args_' must be a list of positional arguments.`, { key: key || undefined, target: targetName(value._target_) });
  try {
    return isPartial ? bindTarget(target, args, kwargs) : await callTarget(target, args, kwargs);
  } catch (e) {
    const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new InstantiationError(`Error in call to target '${targetName(value._target_)}'${at(key)}:\n${why}`, { key: key || undefined, target: targetName(value._target_), cause: e });
  }
}

/** The node's keys but the control keys, each built in turn when recursive; `???` skipped when partial. */
async function buildEntries(node: Record<string, unknown>, key: string, walk: Walk, partial: boolean): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (CONTROL_KEYS.has(k) && k !== "_args_") continue;
    if (v === "???") {
      if (partial) continue;
      throw new InstantiationError(`Cannot instantiate${at(key)}: '${joinKey(key, k)}' is missing (it is '???'); set it in the config or pass it at call time.`, { key: joinKey(key, k) });
    }
    out[k] = walk.recursive ? await build(v, joinKey(key, k), walk, false) : v;
  }
  return out;
}

/** Plain objects merge key by key; anything else (lists, class instances, functions) replaces. */
function mergeOverrides(node: Record<string, unknown>, overrides: InstantiateOverrides): Record<string, unknown> {
  const out: Record<string, unknown> = { ...node };
  for (const [k, v] of Object.entries(overrides)) out[k] = isPlainObject(v) && isPlainObject(out[k]) ? mergeOverrides(out[k] as Record<string, unknown>, v) : v;
  return out;
}

/** Hydra's `_convert_` picks DictConfig or dict for what targets receive; here it is always plain data. */
function checkConvert(mode: unknown, key: string): void {
  if (mode === undefined || (typeof mode === "string" && CONVERT_MODES.has(mode.toLowerCase()))) return;
  throw new InstantiationError(`Cannot instantiate${at(key)}: '_convert_' must be one of none, partial, object, all; got ${JSON.stringify(mode)}.`, { key: key || undefined });
}

function targetName(target: unknown): string {
  return typeof target === "function" ? target.name || "<anonymous function>" : String(target);
}

function at(key: string): string {
  return key === "" ? "" : ` (at '${key}')`;
}
