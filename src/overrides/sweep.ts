/**
 * Questions about a parsed override and the values of its sweep, after Hydra's `Override` methods
 * (`is_sweep_override`, `get_key_element`, `sweep_iterator`, `sweep_string_iterator`, ...).
 */
import { OverrideApplyError } from "../errors.js";
import { ConfigFloat } from "../config/float.js";
import { filterGlob } from "./glob.js";
import { shuffled } from "./ordering.js";
import { pyFloatRepr, pyIntStr } from "./pyformat.js";
import { PyError } from "./pyvalues.js";
import { rangeValues, valuesToShuffle } from "./ranges.js";
import type { ChoiceSweep, Glob, ListEdit, IntervalSweep, Override, ParsedElement, RangeSweep } from "./types.js";
import { formatElement } from "./values.js";

export const isAdd = (o: Override): boolean => o.type === "add";
export const isForceAdd = (o: Override): boolean => o.type === "force_add";
export const isDelete = (o: Override): boolean => o.type === "delete";

/** Any value that is not a single element: choice, simple choice, glob, range, interval (a list edit is no sweep). */
export function isSweep(o: Override): boolean {
  return o.valueType !== undefined && o.valueType !== "element" && o.valueType !== "list_edit";
}
export function isListEditOverride(o: Override): o is Override & { value: ListEdit } {
  return o.valueType === "list_edit";
}
export function isGlob(o: Override): o is Override & { value: Glob } {
  return o.valueType === "glob_choice_sweep";
}
export function isChoiceSweep(o: Override): o is Override & { value: ChoiceSweep | Glob } {
  return o.valueType === "choice_sweep" || o.valueType === "simple_choice_sweep" || o.valueType === "glob_choice_sweep";
}
export function isRangeSweep(o: Override): o is Override & { value: RangeSweep } {
  return o.valueType === "range_sweep";
}
export function isIntervalSweep(o: Override): o is Override & { value: IntervalSweep } {
  return o.valueType === "interval_sweep";
}
/** A sweep whose values can be listed (all but interval). */
export function isDiscreteSweep(o: Override): boolean {
  return isChoiceSweep(o) || isRangeSweep(o);
}

/** Hydra's `is_hydra_override`: the key is under `hydra.` or the group under `hydra/`. */
export function isHydraOverride(o: Override): boolean {
  return o.keyOrGroup.startsWith("hydra.") || o.keyOrGroup.startsWith("hydra/");
}

/** Hydra's `get_key_element`: the override's prefix and key, `+db@backup`, `~x`, `a.b`. */
export function keyElement(o: Override): string {
  const prefix = { change: "", add: "+", force_add: "++", delete: "~" }[o.type];
  return `${prefix}${o.keyOrGroup}${o.pkg === undefined ? "" : `@${o.pkg}`}`;
}

/**
 * The values a discrete sweep takes, lazily, in order (shuffled anew on each call for `shuffle(...)`).
 * A glob needs the option names of its config group. Floats are `ConfigFloat` boxes, as in the config.
 */
export function sweepValues(o: Override, globOptions?: readonly string[]): Iterable<ParsedElement> {
  const rangeIsFloat = isRangeSweep(o) && (o.value.isFloat || ![o.value.start, o.value.stop, o.value.step].every(Number.isInteger));
  return mapSweep(o, globOptions, (el) => el, (n) => (rangeIsFloat ? new ConfigFloat(n) : n));
}

/** Hydra's `sweep_string_iterator`: each value of the sweep as override text (`1.0`, `'a b'`, `[1,2]`). */
export function sweepStrings(o: Override, globOptions?: readonly string[]): Iterable<string> {
  const rangeIsFloat = isRangeSweep(o) && (o.value.isFloat || ![o.value.start, o.value.stop, o.value.step].every(Number.isInteger));
  return mapSweep(
    o,
    globOptions,
    (el) => formatElement(el),
    (n) => (rangeIsFloat ? pyFloatRepr(n) : pyIntStr(n)),
  );
}

function mapSweep<T>(
  o: Override,
  globOptions: readonly string[] | undefined,
  fromElement: (el: ParsedElement) => T,
  fromNumber: (n: number) => T,
): Iterable<T> {
  if (isGlob(o)) {
    if (!globOptions) {
      throw new OverrideApplyError(`glob() in '${o.inputLine}' needs the options of config group '${o.keyOrGroup}'`, {
        override: o.inputLine,
      });
    }
    return filterGlob(o.value, globOptions) as T[];
  }
  if (isRangeSweep(o)) return rangeSweepValues(o, fromNumber);
  if (isChoiceSweep(o)) {
    const list = (o.value as ChoiceSweep).list;
    const indices = list.map((_, i) => i);
    return lazyMap(() => ((o.value as ChoiceSweep).shuffle ? shuffled(indices) : indices), (i) =>
      fromElement(list[i] as ParsedElement),
    );
  }
  throw new OverrideApplyError(
    `Can only enumerate CHOICE and RANGE sweeps, type is ValueType.${(o.valueType ?? "none").toUpperCase()} (override '${o.inputLine}')`,
    { override: o.inputLine },
  );
}

function rangeSweepValues<T>(o: Override & { value: RangeSweep }, fromNumber: (n: number) => T): Iterable<T> {
  const { start, stop, step, isFloat, shuffle } = o.value;
  const values = (): Iterable<number> => {
    return shuffle ? shuffled(valuesToShuffle(start, stop, step, isFloat)) : rangeValues(start, stop, step, isFloat);
  };
  return lazyMap(values, fromNumber, o.inputLine);
}

/** An iterable that recomputes its source on every pass and turns range errors into apply errors. */
function lazyMap<S, T>(source: () => Iterable<S>, f: (s: S) => T, inputLine?: string): Iterable<T> {
  return {
    *[Symbol.iterator]() {
      try {
        for (const s of source()) yield f(s);
      } catch (e) {
        if (e instanceof PyError) {
          throw new OverrideApplyError(`${e.message} (override '${inputLine ?? ""}')`, { override: inputLine, cause: e });
        }
        throw e;
      }
    },
  };
}
