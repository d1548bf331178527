/**
 * Python's spelling of numbers and Hydra's escaping of unquoted strings: what `str()` prints in Hydra's
 * `_get_value_element_as_str`, so job overrides and `override_dirname` read as they do in Hydra.
 */

/** Python's `repr(float)`: shortest round-trip digits, `1.0`, `1e-05`, `1e+16`, `inf`, `nan`. */
export function pyFloatRepr(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  if (n === 0) return Object.is(n, -0) ? "-0.0" : "0.0";
  const sign = n < 0 ? "-" : "";
  const [mantissa = "", expText = "0"] = Math.abs(n).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  if (exp >= -4 && exp < 16) return sign + fixedNotation(digits, exp);
  const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
  const expSign = exp < 0 ? "-" : "+";
  return `${sign}${digits[0]}${frac}e${expSign}${String(Math.abs(exp)).padStart(2, "0")}`;
}

function fixedNotation(digits: string, exp: number): string {
  if (exp < 0) return `0.${"0".repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${intPart}.${frac || "0"}`;
}

/** Python's `str(int)`: digits only, never exponent notation (JS would print 1e+21). */
export function pyIntStr(n: number): string {
  if (!Number.isFinite(n)) return pyFloatRepr(n);
  return Number.isSafeInteger(n) ? String(n) : BigInt(Math.trunc(n)).toString();
}

/** Characters that must be escaped in an unquoted override value (the lexer's ESC token). */
const SPECIAL = new Set(["\\", "(", ")", "[", "]", "{", "}", ":", "=", ",", " ", "\t"]);

/** Hydra's `escape_special_characters`: prefix each special character with a backslash. */
export function escapeSpecialCharacters(s: string): string {
  let out = "";
  for (const ch of s) out += SPECIAL.has(ch) ? `\\${ch}` : ch;
  return out;
}
