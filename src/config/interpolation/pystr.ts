/**
 * Python's `str()` of config values. OmegaConf builds strings such as "lr_${lr}" or an `oc.env`
 * default with `str(value)`, so `true` becomes "True", `null` "None" and 1e-5 "1e-05"; matching
 * that keeps resolved strings identical to Hydra's output.
 */
import { ConfigDict, ConfigList } from "../node.js";

/** Python's repr of a float (or int, when integral and not huge: JS cannot tell 1 from 1.0). */
export function pyNumber(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  const [mantissa, exponentText] = n.toExponential().split("e");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  const fixed = String(n);
  return fixed.includes(".") ? fixed : `${fixed}.0`;
}

/** Python's repr of a str: single quotes unless the text has a single quote and no double quote. */
export function pyStringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let body = "";
  for (const ch of s) {
    if (ch === "\\") body += "\\\\";
    else if (ch === quote) body += `\\${quote}`;
    else if (ch === "\n") body += "\\n";
    else if (ch === "\r") body += "\\r";
    else if (ch === "\t") body += "\\t";
    else body += ch;
  }
  return quote + body + quote;
}

function pyRepr(value: unknown): string {
  if (typeof value === "string") return pyStringRepr(value);
  return pyStr(value);
}

/** Python's `str(value)` for scalars, config containers and plain arrays/objects. */
export function pyStr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return pyNumber(value);
  if (value instanceof ConfigList) return `[${value.items.map(pyRepr).join(", ")}]`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  if (value instanceof ConfigDict) {
    return `{${[...value.entries].map(([k, v]) => `${pyStringRepr(k)}: ${pyRepr(v)}`).join(", ")}}`;
  }
  if (typeof value === "object") {
    return `{${Object.entries(value).map(([k, v]) => `${pyStringRepr(k)}: ${pyRepr(v)}`).join(", ")}}`;
  }
  return String(value);
}
