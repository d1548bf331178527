/**
 * The values of a `range(start, stop, step)` sweep, as Hydra's `RangeSweep.range()` yields them: Python's
 * integer `range` when all three are ints, else Hydra's `FloatRange`, which steps with `decimal.Decimal`.
 */
import { Decimal } from "./decimal.js";
import { PyError } from "./pyvalues.js";
import { pyFloatRepr, pyIntStr } from "./pyformat.js";

/** Most values a float range may step through (each is an exact decimal addition). */
export const MAX_FLOAT_RANGE_VALUES = 1_000_000;
/** Most values `shuffle(range(...))` may hold in memory at once. */
export const MAX_SHUFFLE_VALUES = 1_000_000;

export function* rangeValues(start: number, stop: number, step: number, isFloat: boolean): Generator<number> {
  if (isFloat || ![start, stop, step].every(Number.isInteger)) {
    checkFloatRangeSize(start, stop, step);
    yield* floatRange(start, stop, step);
    return;
  }
  if (step === 0) throw new PyError("ValueError", "range() arg 3 must not be zero");
  // Past 2^53 `v + step` can equal `v`: the range would never advance.
  if (![start, stop, step].every(Number.isSafeInteger)) {
    throw new PyError("ValueError", `range() arguments must be integers between -(2^53-1) and 2^53-1, got range(${start}, ${stop}, ${step})`);
  }
  for (let v = start; step > 0 ? v < stop : v > stop; v += step) yield v;
}

/** A float range's size is known up front: refuse one that would step (nearly) forever. */
function checkFloatRangeSize(start: number, stop: number, step: number): void {
  if (step === 0 || ![start, stop, step].every(Number.isFinite)) return; // floatRange says why
  const estimate = (stop - start) / step;
  if ( estimate <= MAX_FLOAT_RANGE_VALUES) return;
  throw new PyError("ValueError", `range(${start}, ${stop}, ${step}) would step through about ${estimate.toPrecision(3)} values; a float range may have at most ${MAX_FLOAT_RANGE_VALUES} (use a larger step)`);
}

/** The values of a range to shuffle, refusing more than fit in memory comfortably. */
export function valuesToShuffle(start: number, stop: number, step: number, isFloat: boolean): number[] {
  const { count } = rangeExtent(start, stop, step, isFloat);
  if (count > MAX_SHUFFLE_VALUES) {
    throw new PyError("ValueError", `shuffle() of a range of ${count} values: at most ${MAX_SHUFFLE_VALUES} can be shuffled (sweep it in order, or shuffle a smaller range)`);
  }
  return [...rangeValues(start, stop, step, isFloat)];
}

function* floatRange(start: number, stop: number, step: number): Generator<number> {
  if (step === 0 || ![start, stop, step].every(Number.isFinite)) {
    const show = (n: number): string => (Number.isInteger(n) ? pyIntStr(n) : pyFloatRepr(n));
    throw new PyError("HydraException", `Invalid range values (start:${show(start)}, stop:${show(stop)}, step:${show(step)})`);
  }
  let current = Decimal.fromNumber(start);
  const end = Decimal.fromNumber(stop);
  const increment = Decimal.fromNumber(step);
  const ascending = increment.isPositive();
  while (ascending ? current.compare(end) < 0 : current.compare(end) > 0) {
    yield current.toNumber();
    current = current.add(increment);
  }
}

/** Number of values and the last one, without materializing an integer range. */
export function rangeExtent(
  start: number,
  stop: number,
  step: number,
  isFloat: boolean,
): { count: number; last: number | undefined } {
  if (!isFloat && [start, stop, step].every(Number.isSafeInteger) && step !== 0) {
    const span = step > 0 ? stop - start : start - stop;
    const count = span <= 0 ? 0 : Math.ceil(span / Math.abs(step));
    return { count, last: count > 0 ? start + step * (count - 1) : undefined };
  }
  let count = 0;
  let last: number | undefined;
  for (const v of rangeValues(start, stop, step, isFloat)) {
    count++;
    last = v;
  }
  return { count, last };
}
