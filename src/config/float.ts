/**
 * Floats in the config tree: OmegaConf's FloatNode, reduced to what JS needs.
 *
 * Python tells `1` from `1.0` and every output shows it (`lr: 1.0` in `.hydra/config.yaml`, `g${x}` gives
 * `g5.0`, `float(10)` prints `10.0`); a JS number cannot. So, inside the tree, numbers are typed:
 * - a bare JS `number` is a Python int (integral by construction: YAML ints, override ints, `int()`);
 * - a `ConfigFloat` box is a Python float, whatever its value (`1.0`, `0.5`, `.inf`, `1e3`).
 * The YAML reader, the override parser, the interpolation grammar and the sweeps create boxes; merge and
 * clone pass them along untouched (they are immutable, so copies share them).
 *
 * Boxing lives in the tree only. What users read is plain data: `toPlainUnresolved` (behind `compose()`,
 * a `main()` task's config and `resolveJobPlain`) unboxes to JS numbers, and user resolvers receive plain
 * numbers as arguments. Values users hand to the tree (`fromPlain`, resolver results) are boxed by
 * `fromJsNumber`: a non-integral number is a float; an integral one is an int, as JS cannot say otherwise.
 * Readers tolerate a stray bare non-integral number (they treat it as a float), so a value set through
 * the low-level tree API still prints sensibly.
 *
 * The box has `valueOf` (arithmetic and comparisons work on it) and `toString` (Python's `str(float)`).
 */
export class ConfigFloat {
  constructor(readonly value: number) {}

  /** The JS number, so `+x`, `x * 2` and `x < y` work on a box. */
  valueOf(): number {
    return this.value;
  }

  /** Python's `str(float)`: `1.0`, `1e-05`, `inf`. */
  toString(): string {
    return pythonFloatRepr(this.value);
  }

  /** JSON has one number type: the plain value. */
  toJSON(): number {
    return this.value;
  }
}

/** A Python number in the tree: an int (bare number) or a float (boxed). */
export type ConfigNumber = number | ConfigFloat;

export function isFloat(v: unknown): v is ConfigFloat {
  return v instanceof ConfigFloat;
}

/** True when a tree value is a Python float: a box, or (tolerated) a bare non-integral number. */
export function isFloatValue(v: unknown): v is ConfigFloat | number {
  return v instanceof ConfigFloat || (typeof v === "number" && !Number.isInteger(v));
}

/** The JS number of an int or float. */
export function numberOf(v: ConfigNumber): number {
  return typeof v === "number" ? v : v.value;
}

/** A JS number as a tree value: integral numbers are ints, others (fractions, NaN, ±Infinity) floats. */
export function fromJsNumber(n: number): ConfigNumber {
  return Number.isInteger(n) ? n + 0 : new ConfigFloat(n);
}

/** Python's `repr(float)`: shortest round-trip digits, scientific outside 1e-4 <= |n| < 1e16. */
export function pythonFloatRepr(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  if (n === 0) return Object.is(n, -0) ? "-0.0" : "0.0";
  const abs = Math.abs(n);
  if (abs >= 1e-4 && abs < 1e16) {
    // Both languages print the shortest round-trip digits; in this range neither uses an exponent.
    const s = String(n);
    return s.includes(".") ? s : `${s}.0`;
  }
  const [mantissa, expText] = abs.toExponential().split("e");
  const exp = Number(expText);
  const digits = mantissa!.replace(".", "");
  const sign = n < 0 ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${digits[0]}${frac}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const fracPart = digits.slice(exp + 1) || "0";
  return `${sign}${intPart}.${fracPart}`;
}

/** Python's `str(int)`: digits only, never exponent notation (JS would print 1e+21). */
export function pythonIntStr(n: number): string {
  if (!Number.isFinite(n)) return pythonFloatRepr(n);
  return Number.isSafeInteger(n) ? String(n + 0) : BigInt(Math.trunc(n)).toString();
}

/** Python's `str()` of a tree number: `1`, `1.0`, `0.5`. */
export function pythonNumberStr(v: ConfigNumber): string {
  return isFloatValue(v) ? pythonFloatRepr(numberOf(v)) : pythonIntStr(v as number);
}
