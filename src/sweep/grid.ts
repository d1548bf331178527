/**
 * A lazy cartesian product: the first dimension varies slowest (itertools.product order, as Hydra's
 * basic sweeper launches). Only one iterator per dimension is alive, so a 10⁶-job grid costs what a
 * 10-job grid costs; inner dimensions are re-iterated from their factory each time they wrap.
 */
export interface SweepDimension<T = string | readonly string[]> {
  /** The override key element (`+db@pkg`, `x.y`): dimensions are unique per key. */
  key: string;
  /**
   * Re-iterable: every call starts over and yields the same values: `key=value` override strings for
   * a multirun (a zipped dimension, several keys in lockstep, yields one array of overrides per step),
   * an experiment spec's rows of literal values.
   */
  overrides: () => Iterable<T>;
  /** How many values, when known without iterating (an integer range): keeps a huge sweep's start-up flat. */
  count?: () => number;
}

/** Dimensions up to this many values are kept as arrays: re-iterating them would rebuild every string. */
const KEEP_UP_TO = 4096;

/** A multirun's jobs: one override list per job, the steps of zipped dimensions spread in place. */
export function* cartesianProduct(allDims: readonly SweepDimension[]): Generator<string[]> {
  let zipped: boolean | undefined;
  for (const step of gridProduct(allDims)) {
    zipped ??= step.some((v) => typeof v !== "string");
    yield zipped ? step.flat() : (step as string[]);
  }
}

/** The product itself: one value of each dimension per step, the last dimension varying fastest. */
export function* gridProduct<T>(allDims: readonly SweepDimension<T>[]): Generator<T[]> {
  const dims = allDims.map(keptIfSmall);
  const iters = dims.map((d) => d.overrides()[Symbol.iterator]());
  const current: T[] = [];
  for (const it of iters) {
    const r = it.next();
    if (r.done) return; // an empty dimension means no jobs at all
    current.push(r.value);
  }
  for (;;) {
    yield current.slice();
    let i = dims.length - 1;
    for (; i >= 0; i--) {
      const r = iters[i].next();
      if (!r.done) {
        current[i] = r.value;
        break;
      }
      iters[i] = dims[i].overrides()[Symbol.iterator]();
      current[i] = iters[i].next().value as T;
    }
    if (i < 0) return;
  }
}

/**
 * A small dimension as an array (its strings built once and shared by every job), a large one as it is:
 * a 10⁶-value range must not sit in memory, a 100-value one is cheaper kept than rebuilt 10⁴ times.
 */
function keptIfSmall<T>(dim: SweepDimension<T>): SweepDimension<T> {
  if (dim.count !== undefined && dim.count() > KEEP_UP_TO) return dim;
  const kept: T[] = [];
  for (const v of dim.overrides()) {
    if (kept.length === KEEP_UP_TO) return dim;
    kept.push(v);
  }
  return { key: dim.key, overrides: () => kept };
}

/** Number of jobs of the product, counting each dimension by iterating it once (no storage). */
export function productSize(dims: readonly SweepDimension<unknown>[]): number {
  let total = 1;
  for (const d of dims) {
    total *= d.count ? d.count() : iterationCount(d.overrides());
    if (total === 0) return 0;
  }
  return total;
}

/** How many items an iterable yields, counted without keeping them. */
export function iterationCount(items: Iterable<unknown>): number {
  let n = 0;
  for (const _ of items) n++;
  return n;
}

/** Skips the first `n` items of an iterable without keeping them. */
export function* drop<T>(items: Iterable<T>, n: number): Generator<T> {
  let i = 0;
  for (const x of items) if (i++ >= n) yield x;
}
