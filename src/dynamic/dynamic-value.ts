/**
 * `DynamicValue`: a config value that stands for "one config per item". The items are read once
 * and cached, so a generator (which can only be consumed once) still works in a cartesian
 * product, where every other key's items are revisited for each of its own.
 */
import { DynamicValueError } from "../errors.js";

/** A config value that stands for one config per item (`new DynamicValue([0, 0.5, 1])`, or a lazy `range(…)`); `expandConfigs` makes the cartesian product. */
export class DynamicValue<T = unknown> {
  #source: Iterable<T> | undefined;
  #items: readonly T[] | undefined;
  /** A Range stays lazy: a grid over range(1e6) must not allocate a million items. */
  readonly #range: Range | undefined;

  /** A plain object stands for its keys, as a Python dict iterates its keys. */
  constructor(items: Iterable<T>);
  constructor(items: Readonly<Record<T & string, unknown>>);
  constructor(items: Iterable<T> | Readonly<Record<string, unknown>>) {
    if (isPlainRecord(items)) items = Object.keys(items) as Iterable<T>;
    if (typeof items === "string") {
      // A string is iterable, but expanding "gpt-4" into its characters is never what was meant.
      throw new DynamicValueError(
        `DynamicValue got the string ${JSON.stringify(items)}; pass a list instead, e.g. new DynamicValue([${JSON.stringify(items)}])`,
      );
    }
    if (items == null || typeof (items as Partial<Iterable<T>>)[Symbol.iterator] !== "function") {
      throw new DynamicValueError(
        "DynamicValue needs an iterable (array, range(), Set, Map or generator) or a plain object (its keys) of candidate values",
      );
    }
    if (items instanceof Range) this.#range = items;
    else this.#source = items as Iterable<T>;
  }

  /** The candidate values, in iteration order; a Map gives its [key, value] entries. */
  get items(): readonly T[] {
    if (this.#items === undefined) {
      this.#items = Object.freeze(Array.from((this.#range ?? this.#source) as Iterable<T>));
      this.#source = undefined;
    }
    return this.#items;
  }

  /** The same as `items`: the name Python Spearmint's `DynamicValue.values` has. */
  get values(): readonly T[] {
    return this.items;
  }

  get size(): number {
    return this.#range ? this.#range.length : this.items.length;
  }

  /** The item at `index` (0-based), without materializing a range. */
  at(index: number): T {
    return (this.#range ? this.#range.at(index) : this.items[index]) as T;
  }

  /** True when the items are known to be plain numbers (a range), so no item needs inspecting. */
  get isRange(): boolean {
    return this.#range !== undefined;
  }

  [Symbol.iterator](): Iterator<T> {
    return (this.#range ?? this.items)[Symbol.iterator]() as Iterator<T>;
  }

  toString(): string {
    return `DynamicValue(${this.size} items)`;
  }
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Whether `value` is a {@link DynamicValue}. */
export function isDynamicValue(value: unknown): value is DynamicValue {
  return value instanceof DynamicValue;
}

/** A lazy integer sequence with Python's `range` semantics (stop excluded, any non-zero step). */
export class Range implements Iterable<number> {
  readonly length: number;

  constructor(
    readonly start: number,
    readonly stop: number,
    readonly step: number,
  ) {
    for (const [name, v] of [["start", start], ["stop", stop], ["step", step]] as const) {
      if (!Number.isSafeInteger(v)) {
        throw new DynamicValueError(`range() ${name} must be an integer, got ${v}`);
      }
    }
    if (step === 0) throw new DynamicValueError("range() step must not be zero");
    this.length = Math.max(0, Math.ceil((stop - start) / step));
  }

  at(index: number): number | undefined {
    if (index < 0) index += this.length;
    return index >= 0 && index < this.length ? this.start + index * this.step : undefined;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (let i = 0; i < this.length; i++) yield this.start + i * this.step;
  }
}

/** `range(stop)` or `range(start, stop, step = 1)`, as in Python. */
export function range(stop: number): Range;
export function range(start: number, stop: number, step?: number): Range;
export function range(a: number, b?: number, step = 1): Range {
  return b === undefined ? new Range(0, a, 1) : new Range(a, b, step);
}
