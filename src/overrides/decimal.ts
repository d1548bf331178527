/**
 * Just enough of Python's `decimal.Decimal` to reproduce Hydra's `FloatRange`: floats converted exactly,
 * sums rounded to 28 significant digits (half-even, the default context), exact comparisons. This is why
 * `range(0, 1, 0.1)` yields 0.1, 0.2, 0.30000000000000004 ... exactly as Hydra does, not JS's running sum.
 */
const PRECISION = 28;

export class Decimal {
  /** value = coef × 10^exp */
  private constructor(
    readonly coef: bigint,
    readonly exp: number,
  ) {}

  /** The exact decimal value of a finite double. */
  static fromNumber(x: number): Decimal {
    if (!Number.isFinite(x)) throw new RangeError(`cannot convert ${x} to Decimal`);
    if (Number.isInteger(x)) return new Decimal(BigInt(x), 0);
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const hi = view.getUint32(0);
    const lo = view.getUint32(4);
    const negative = hi >>> 31 === 1;
    const biasedExp = (hi >>> 20) & 0x7ff;
    let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    let exp2: number;
    if (biasedExp === 0) exp2 = -1074;
    else {
      mantissa |= 1n << 52n;
      exp2 = biasedExp - 1075;
    }
    // x = mantissa × 2^exp2 with exp2 < 0 here: multiply by 5^-exp2 to get a power-of-ten exponent.
    const coef = mantissa * 5n ** BigInt(-exp2);
    return new Decimal(negative ? -coef : coef, exp2);
  }

  add(other: Decimal): Decimal {
    const exp = Math.min(this.exp, other.exp);
    const sum = this.scaled(exp) + other.scaled(exp);
    return Decimal.rounded(sum, exp);
  }

  compare(other: Decimal): number {
    const exp = Math.min(this.exp, other.exp);
    const a = this.scaled(exp);
    const b = other.scaled(exp);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  isPositive(): boolean {
    return this.coef > 0n;
  }
  isNegative(): boolean {
    return this.coef < 0n;
  }

  /** Python's `float(Decimal)`: correctly rounded, which JS's decimal-string parsing also is. */
  toNumber(): number {
    return Number(`${this.coef}e${this.exp}`);
  }

  private scaled(exp: number): bigint {
    return this.coef * 10n ** BigInt(this.exp - exp);
  }

  private static rounded(coef: bigint, exp: number): Decimal {
    const negative = coef < 0n;
    let magnitude = negative ? -coef : coef;
    const extra = magnitude.toString().length - PRECISION;
    if (extra > 0) {
      const divisor = 10n ** BigInt(extra);
      let quotient = magnitude / divisor;
      const twiceRemainder = (magnitude % divisor) * 2n;
      if (twiceRemainder > divisor || (twiceRemainder === divisor && quotient % 2n === 1n)) quotient += 1n;
      magnitude = quotient;
      exp += extra;
    }
    return new Decimal(negative ? -magnitude : magnitude, exp);
  }
}
