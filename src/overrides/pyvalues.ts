/**
 * The values the grammar works with while it parses, modelled on the Python values Hydra's visitor
 * builds. Python tells `1` from `1.0`, and Hydra's functions depend on it (`range(1.0, 3)` yields floats,
 * `str(10.0)` is "10.0"), so floats are the config tree's boxes (`ConfigFloat`, src/config/float.ts); bare
 * JS numbers are Python ints. The parser exports values into the public `ParsedElement` shape, which keeps
 * the boxes: a float parsed from an override stays a float in the config.
 */
import type { ListEditOp } from "./types.js";
import { ConfigFloat } from "../config/float.js";
import { QuotedString } from "./types.js";
import { pyFloatRepr, pyIntStr } from "./pyformat.js";

/** A Python int (JS number holding an integer) or float. */
export type PyNum = number | ConfigFloat;
export type PyScalar = string | number | ConfigFloat | boolean | null;

/** A dict entry: Python keeps typed keys (`{1: a}` has an int key); `id` is the public string key. */
export interface PyEntry {
  key: PyScalar;
  value: PyVal;
}

export class PyDict {
  constructor(readonly entries: Map<string, PyEntry> = new Map()) {}
}

export class PyChoice {
  /** Set by hydrant's `zip()`: the name of the zip group this sweep moves in lockstep with. */
  zip: string | undefined;
  constructor(
    public list: PyVal[],
    public simpleForm = false,
    public shuffle = false,
    public tags: Set<string> = new Set(),
  ) {}
}

export class PyRange {
  /** Set by hydrant's `zip()`: the name of the zip group this sweep moves in lockstep with. */
  zip: string | undefined;
  constructor(
    public start: PyNum,
    public stop: PyNum,
    public step: PyNum = 1,
    public shuffle = false,
    public tags: Set<string> = new Set(),
  ) {}
}

export class PyInterval {
  constructor(
    public start: PyNum,
    public end: PyNum,
    public tags: Set<string> = new Set(),
  ) {}
}

export class PyGlob {
  constructor(
    readonly include: string[],
    readonly exclude: string[],
  ) {}
}

/** What hydrant's list functions (`extend_list(…)`, `pop_list(…)`, …) evaluate to. */
export class PyListEdit {
  constructor(
    readonly op: ListEditOp,
    readonly values: PyVal[],
    readonly index?: number,
  ) {}
}

export type PySweep = PyChoice | PyRange | PyInterval;
export type PyVal = PyScalar | QuotedString | PyVal[] | PyDict | PySweep | PyGlob | PyListEdit;

/** A Python-level exception raised by a grammar function: `type` is the Python class name. */
export class PyError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export const typeError = (msg: string): PyError => new PyError("TypeError", msg);
export const valueError = (msg: string): PyError => new PyError("ValueError", msg);

export function isPyInt(v: unknown): v is number {
  return typeof v === "number";
}
export function isPyNumber(v: unknown): v is number | ConfigFloat | boolean {
  return typeof v === "number" || typeof v === "boolean" || v instanceof ConfigFloat;
}
export function isSweep(v: unknown): v is PySweep {
  return v instanceof PyChoice || v instanceof PyRange || v instanceof PyInterval;
}
export function isPrimitive(v: unknown): v is string | number | ConfigFloat | boolean {
  return typeof v === "string" || isPyNumber(v);
}

/** The numeric value of an int, float or bool (Python bools are ints). */
export function numValue(v: number | ConfigFloat | boolean): number {
  if (v instanceof ConfigFloat) return v.value;
  return typeof v === "boolean" ? Number(v) : v;
}

/** Python's `type(v).__name__`. */
export function typeName(v: PyVal | undefined): string {
  if (v === null || v === undefined) return "NoneType";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "int";
  if (typeof v === "string") return "str";
  if (v instanceof ConfigFloat) return "float";
  if (v instanceof QuotedString) return "QuotedString";
  if (Array.isArray(v)) return "list";
  if (v instanceof PyDict) return "dict";
  if (v instanceof PyChoice) return "ChoiceSweep";
  if (v instanceof PyRange) return "RangeSweep";
  if (v instanceof PyInterval) return "IntervalSweep";
  if (v instanceof PyListEdit) return "ListEdit";
  return "Glob";
}

/** Python's `repr()`, enough for error messages. */
export function pyRepr(v: PyVal): string {
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return pyIntStr(v);
  if (v instanceof ConfigFloat) return pyFloatRepr(v.value);
  if (typeof v === "string") return pyStrRepr(v);
  if (v instanceof QuotedString) return `QuotedString(text=${pyStrRepr(v.text)}, quote=${v.quote === "'" ? "single" : "double"})`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  if (v instanceof PyDict) {
    return `{${[...v.entries.values()].map((e) => `${pyRepr(e.key)}: ${pyRepr(e.value)}`).join(", ")}}`;
  }
  if (v instanceof PyChoice) return `ChoiceSweep(list=${pyRepr(v.list)}, simple_form=${pyRepr(v.simpleForm)})`;
  if (v instanceof PyRange) return `RangeSweep(start=${pyRepr(v.start)}, stop=${pyRepr(v.stop)}, step=${pyRepr(v.step)})`;
  if (v instanceof PyInterval) return `IntervalSweep(start=${pyRepr(v.start)}, end=${pyRepr(v.end)})`;
  if (v instanceof PyListEdit) return `ListEdit(op=${pyStrRepr(v.op)}, values=${pyRepr(v.values)})`;
  return `Glob(include=${pyRepr(v.include)}, exclude=${pyRepr(v.exclude)})`;
}

export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}

/** Python's `==` for parsed values (1 == 1.0 == True). */
export function pyEquals(a: PyVal, b: PyVal): boolean {
  if (isPyNumber(a) && isPyNumber(b)) return numValue(a) === numValue(b);
  if (typeof a === "string" || typeof b === "string") return a === b;
  if (a === null || b === null) return a === b;
  if (a instanceof QuotedString && b instanceof QuotedString) return a.text === b.text && a.quote === b.quote;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => pyEquals(x, b[i] as PyVal));
  if (a instanceof PyDict && b instanceof PyDict) {
    if (a.entries.size !== b.entries.size) return false;
    for (const [k, e] of a.entries) {
      const other = b.entries.get(k);
      if (!other || !pyEquals(e.value, other.value)) return false;
    }
    return true;
  }
  return a === b;
}

function unorderable(a: PyVal, b: PyVal): PyError {
  return typeError(`'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/** Python's `a < b` for the values a sort can meet; raises TypeError like Python for other pairs. */
export function pyLess(a: PyVal, b: PyVal): boolean {
  if (isPyNumber(a) && isPyNumber(b)) return numValue(a) < numValue(b);
  if (typeof a === "string" && typeof b === "string") return compareCodePoints(a, b) < 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const x = a[i] as PyVal;
      const y = b[i] as PyVal;
      if (!pyEquals(x, y)) return pyLess(x, y);
    }
    return a.length < b.length;
  }
  throw unorderable(a, b);
}

function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * Python's `sorted(items, reverse=...)`: a stable sort using only `<`, so that incomparable items fail
 * with the same TypeError Python gives (CPython sorts small lists by a run scan plus binary insertion).
 */
export function pySorted(items: readonly PyVal[], reverse = false): PyVal[] {
  const a = reverse ? [...items].reverse() : [...items];
  if (a.length >= 2) {
    let run = 2;
    const descending = pyLess(a[1] as PyVal, a[0] as PyVal);
    while (run < a.length && pyLess(a[run] as PyVal, a[run - 1] as PyVal) === descending) run++;
    if (descending) reverseRange(a, 0, run);
    binaryInsertionSort(a, run);
  }
  return reverse ? a.reverse() : a;
}

function reverseRange(a: PyVal[], lo: number, hi: number): void {
  for (let i = lo, j = hi - 1; i < j; i++, j--) [a[i], a[j]] = [a[j] as PyVal, a[i] as PyVal];
}

function binaryInsertionSort(a: PyVal[], sortedPrefix: number): void {
  for (let start = sortedPrefix; start < a.length; start++) {
    const pivot = a[start] as PyVal;
    let lo = 0;
    let hi = start;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pyLess(pivot, a[mid] as PyVal)) hi = mid;
      else lo = mid + 1;
    }
    a.splice(start, 1);
    a.splice(lo, 0, pivot);
  }
}

/** Python's `int(x)` for a primitive. */
export function pyInt(v: string | number | ConfigFloat | boolean): number {
  if (typeof v === "boolean") return Number(v);
  if (typeof v === "number") return v;
  if (v instanceof ConfigFloat) {
    if (Number.isNaN(v.value)) throw valueError("cannot convert float NaN to integer");
    if (!Number.isFinite(v.value)) throw new PyError("OverflowError", "cannot convert float infinity to integer");
    return Math.trunc(v.value) + 0;
  }
  const s = v.trim();
  if (!/^[+-]?\d+(?:_\d+)*$/.test(s)) throw valueError(`invalid literal for int() with base 10: ${pyStrRepr(v)}`);
  return Number(s.replace(/_/g, ""));
}

/** Python's `float(x)` for a primitive. */
export function pyFloat(v: string | number | ConfigFloat | boolean): ConfigFloat {
  if (v instanceof ConfigFloat) return v;
  if (typeof v !== "string") return new ConfigFloat(Number(v));
  const s = v.trim();
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    const sign = special[1] === "-" ? -1 : 1;
    return new ConfigFloat(special[2]?.toLowerCase() === "nan" ? NaN : sign * Infinity);
  }
  const digits = "\\d+(?:_\\d+)*";
  const number = new RegExp(`^[+-]?(?:(?:${digits})?\\.${digits}|${digits}\\.?)(?:[eE][+-]?${digits})?$`);
  if (!number.test(s)) throw valueError(`could not convert string to float: ${pyStrRepr(v)}`);
  return new ConfigFloat(Number(s.replace(/_/g, "")));
}

/** Python's `str(x)` for a primitive, with Hydra's lowercase booleans (`cast_str`). */
export function pyStr(v: string | number | ConfigFloat | boolean): string {
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return pyIntStr(v);
  if (v instanceof ConfigFloat) return pyFloatRepr(v.value);
  return v;
}

/** Python's truthiness for what `bool()` can meet after Hydra's checks. */
export function pyTruthy(v: PyScalar): boolean {
  if (v === null) return false;
  if (typeof v === "string") return v.length > 0;
  if (typeof v === "boolean") return v;
  return numValue(v) !== 0;
}
