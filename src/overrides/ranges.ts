/**
 * The values of a `range(start, stop, step)` sweep, as Hydra's `RangeSweep.range()` yields them: Python's
 * integer `range` when all three are ints, else Hydra's `FloatRange`, which steps with `decimal.Decimal`.
 */
import { Decimal } from "./decimal.js";
import { PyError } from "./pyvalues.js";
import { pyFloatRepr, pyIntStr } from "./pyformat.js";

export function* rangeValues(start: number, stop: number, step: number, isFloat: boolean): Generator<number> {
  if (isFloat || ![start, stop, step].every(Number.isInteger)) {
    yield* floatRange(start, stop, step);
    return;
  }
  if (step === 0) throw new PyError("ValueError", "range() arg 3 must not be zero");
  for (let v = start; step > 0 ? v < stop : v > stop; v += step) yield v;
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
  if (!isFloat && [start, stop, step].every(Number.isInteger) && step !== 0) {
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
