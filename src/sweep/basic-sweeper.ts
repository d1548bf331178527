/**
 * Hydra's basic sweeper: `hydra.sweeper.params` first, then the command line's task overrides,
 * one dimension per override key (a later override of the same key replaces the earlier one in
 * place), cartesian product with the first dimension varying slowest.
 */
import { ConfigFloat, isDict, type ConfigValue } from "../config/node.js";
import { OverrideApplyError } from "../errors.js";
import type { Override } from "../overrides/types.js";
import { isChoiceSweep, isGlob, isRangeSweep, isSweep, keyElement, parseOverrides, sweepStrings, formatOverrideValue } from "../overrides/index.js";
import { resolvePath } from "../compose/helpers.js";
import { cartesianProduct, productSize, type SweepDimension } from "./grid.js";
import { zipDimensions, type ZipMember } from "./zip.js";
import type { SweepContext, Sweeper, SweeperPlugin } from "../core/sweeper.js";

export const BASIC_SWEEPER_TARGET = "hydrant.sweeper.BasicSweeper";

export const basicSweeperPlugin: SweeperPlugin = {
  name: "basic",
  target: BASIC_SWEEPER_TARGET,
  configNode: { _target_: BASIC_SWEEPER_TARGET, max_batch_size: null, params: null },
  create: (ctx) => new BasicSweeper(sweepDimensions(ctx)),
};

export class BasicSweeper implements Sweeper {
  constructor(private readonly dims: readonly SweepDimension[]) {}
  jobs(): Iterable<string[]> {
    return { [Symbol.iterator]: () => cartesianProduct(this.dims) };
  }
  total(): number {
    return productSize(this.dims);
  }
}

/** The dimensions of the sweep, in Hydra's order. */
export function sweepDimensions(ctx: SweepContext): SweepDimension[] {
  const lines = [...paramsOverrides(ctx), ...ctx.taskOverrides];
  const byKey = new Map<string, ZipMember>();
  for (const o of parseOverrides(lines)) {
    const key = keyElement(o);
    byKey.set(key, { dim: dimensionOf(o, key, ctx), zip: zipOf(o) });
  }
  return zipDimensions([...byKey.values()]);
}

/** The zip group of a `zip(…)` sweep; undefined for an ordinary one. */
function zipOf(o: Override): string | undefined {
  return (isChoiceSweep(o) || isRangeSweep(o)) && "zip" in o.value ? o.value.zip : undefined;
}

/** `hydra.sweeper.params` as `key=value` lines (an experiment config can declare its sweep there). */
function paramsOverrides(ctx: SweepContext): string[] {
  const params = resolvePath(ctx.master, "hydra.sweeper.params");
  if (!isDict(params)) return [];
  return [...params.entries].map(([k, v]) => `${k}=${formatParam(v)}`);
}

function formatParam(v: ConfigValue): string {
  if (typeof v === "string") return v;
  if (v === null) return "null";
  if (typeof v === "number" || typeof v === "boolean" || v instanceof ConfigFloat) return String(v);
  throw new OverrideApplyError(`hydra.sweeper.params values must be override strings like 'a,b,c', got a ${isDict(v) ? "dict" : "list"}.`, { key: "hydra.sweeper.params" });
}

function dimensionOf(o: Override, key: string, ctx: SweepContext): SweepDimension {
  if (o.valueType === "interval_sweep") {
    throw new OverrideApplyError(`BasicSweeper does not support sweep type : INTERVAL_SWEEP (in '${o.inputLine}'). Use range() or a list, or a sweeper that samples intervals.`, { override: o.inputLine });
  }
  if (isGlob(o)) {
    const names = [...sweepStrings(o, ctx.listOptions(o.keyOrGroup))].map((v) => `${key}=${v}`);
    return { key, overrides: () => names };
  }
  if (isSweep(o)) return sweepDimension(o, key);
  const line = o.value === undefined ? key : `${key}=${formatOverrideValue(o)}`;
  return { key, overrides: () => [line] };
}

/** Ranges stay lazy (they can be huge); lists and shuffles are held once so every pass agrees. */
function sweepDimension(o: Override, key: string): SweepDimension {
  if (isRangeSweep(o) && !o.value.shuffle) {
    const { start, stop, step, isFloat } = o.value;
    // Float ranges count as Python's decimal steps do: iterate them rather than guess the last one.
    return { key, overrides: () => prefixed(key, sweepStrings(o)), count: isFloat ? undefined : () => Math.max(0, Math.ceil((stop - start) / step)) };
  }
  const values = [...sweepStrings(o)].map((s) => `${key}=${s}`);
  return { key, overrides: () => values };
}

function* prefixed(key: string, values: Iterable<string>): Generator<string> {
  for (const s of values) yield `${key}=${s}`;
}
