/**
 * Hydra's `sort()` and `shuffle()` grammar functions. Applied to a list they return a new list (an
 * element); applied to several values or to a sweep they return a sweep (sorted now, or marked to be
 * shuffled each time it is enumerated).
 */
import { ConfigFloat } from "../config/float.js";
import { QuotedString } from "./types.js";
import {
  PyChoice,
  PyDict,
  PyError,
  PyRange,
  isPrimitive,
  numValue,
  pyRepr,
  pySorted,
  type PyVal,
} from "./pyvalues.js";
import { listToSimpleChoice } from "./casts.js";
import { rangeExtent } from "./ranges.js";

export function shuffleFn(args: PyVal[], sweep: PyVal, list: PyVal): PyVal {
  if (list !== null) return shuffleFn([list], null, null);
  if (sweep !== null) return shuffleFn([sweep], null, null);
  if (args.length !== 1) {
    const choice = listToSimpleChoice(args);
    choice.shuffle = true;
    return choice;
  }
  const only = args[0] as PyVal;
  if (only instanceof PyChoice) return Object.assign(copyChoice(only), { shuffle: true });
  if (only instanceof PyRange) return Object.assign(copyRange(only), { shuffle: true });
  if (Array.isArray(only)) return shuffled(only);
  return [only];
}

/** Fisher–Yates on a copy (Python's `random.shuffle`). */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function sortFn(args: PyVal[], sweep: PyVal, list: PyVal, reverse: boolean): PyVal {
  if (list !== null) return sortFn([list], null, null, reverse);
  if (sweep !== null) return sortSweep(sweep as PyChoice | PyRange, reverse);
  if (args.length === 1) {
    const only = args[0] as PyVal;
    if (only instanceof PyChoice || only instanceof PyRange) return sortSweep(only, reverse);
    if (Array.isArray(only)) return pySorted(only, reverse);
    if (isElement(only)) return only;
    throw new PyError("TypeError", `Invalid arguments: ${tupleRepr(args)}`);
  }
  if (!args.every(isPrimitive)) throw new PyError("TypeError", `Invalid arguments: ${tupleRepr(args)}`);
  if (args.length === 0) throw new PyError("ValueError", "empty sort input");
  return sortSweep(listToSimpleChoice(args), reverse);
}

function isElement(v: PyVal): boolean {
  return isPrimitive(v) || v === null || v instanceof QuotedString || Array.isArray(v) || v instanceof PyDict;
}

function tupleRepr(args: PyVal[]): string {
  return args.length === 1 ? `(${pyRepr(args[0] as PyVal)},)` : `(${args.map(pyRepr).join(", ")})`;
}

function copyChoice(c: PyChoice): PyChoice {
  return new PyChoice(c.list, c.simpleForm, c.shuffle, c.tags);
}
function copyRange(r: PyRange): PyRange {
  return new PyRange(r.start, r.stop, r.step, r.shuffle, r.tags);
}

function sortSweep(sweep: PyChoice | PyRange, reverse: boolean): PyChoice | PyRange {
  if (sweep instanceof PyChoice) {
    const sorted = copyChoice(sweep);
    sorted.list = pySorted(sweep.list, reverse);
    return sorted;
  }
  return sortRange(copyRange(sweep), reverse);
}

/**
 * Flips a range whose direction is not the requested one, starting from its actual last value.
 * (Hydra 1.3 derived the new start from `stop`, which yields values outside the range when the range
 * does not land on `stop`, e.g. sort(range(0,5,2), reverse=true) gave 3,1,-1; later Hydra fixed it to
 * 4,2,0, which is what this does.)
 */
function sortRange(r: PyRange, reverse: boolean): PyRange {
  const step = numValue(r.step);
  if (step > 0 !== reverse) return r;
  const isFloat = [r.start, r.stop, r.step].some((v) => v instanceof ConfigFloat);
  let extent;
  try {
    extent = rangeExtent(numValue(r.start), numValue(r.stop), step, isFloat);
  } catch {
    return r; // a zero step fails when the sweep is enumerated, as in Hydra
  }
  if (extent.count > 1 && extent.last !== undefined) {
    const first = r.start;
    const wrap = (n: number): number | ConfigFloat => (isFloat ? new ConfigFloat(n) : n);
    r.start = wrap(extent.last);
    r.stop = wrap(numValue(first) - step);
    r.step = wrap(-step);
  }
  return r;
}
