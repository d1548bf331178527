/**
 * Python's `str()` of config values. OmegaConf builds strings such as "lr_${lr}" or an `oc.env`
 * default with `str(value)`, so `true` becomes "True", `null` "None" and 1e-5 "1e-05"; matching
 * that keeps resolved strings identical to Hydra's output.
 */
import { keyOf } from "../dict-key.js";
import { ConfigFloat, pythonNumberStr } from "../float.js";
import { ConfigDict, ConfigList } from "../node.js";

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
  if (typeof value === "number" || value instanceof ConfigFloat) return pythonNumberStr(value);
  if (value instanceof ConfigList) return `[${value.items.map(pyRepr).join(", ")}]`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  if (value instanceof ConfigDict) {
    return `{${[...value.entries].map(([k, v]) => `${pyRepr(keyOf(k))}: ${pyRepr(v)}`).join(", ")}}`;
  }
  if (typeof value === "object") {
    return `{${Object.entries(value).map(([k, v]) => `${pyStringRepr(k)}: ${pyRepr(v)}`).join(", ")}}`;
  }
  return String(value);
}
