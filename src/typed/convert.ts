/**
 * OmegaConf's conversions into a typed field (nodes.py, `_validate_and_convert_impl`): an int field
 * takes ints and strings Python's int() reads; a float field ints, floats and strings float() reads;
 * a bool field bools, ints (non-zero is true) and `yes/y/on/true`, `no/n/off/false` or an int's text;
 * a str field any scalar, as Python's str() writes it. Anything else is refused with OmegaConf's message.
 */
import { ConfigDict, ConfigFloat, ConfigList, type ConfigValue } from "../config/node.js";
import { pythonNumberStr, isFloatValue, numberOf } from "../config/float.js";

/** A converted value, or the message OmegaConf gives when there is none. */
export type Conversion = { ok: true; value: ConfigValue } | { ok: false; message: string };

const DIGITS = String.raw`\d(?:_?\d)*`;
const INT_TEXT = new RegExp(`^[+-]?${DIGITS}$`);
const FLOAT_TEXT = new RegExp(`^[+-]?(?:(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?|inf|infinity|nan)$`, "i");

export function toInt(v: ConfigValue): Conversion {
  if (typeof v === "number" && Number.isInteger(v)) return { ok: true, value: v };
  const n = typeof v === "string" ? pythonInt(v) : undefined;
  return n === undefined ? refused(v, "could not be converted to Integer") : { ok: true, value: n };
}

export function toFloat(v: ConfigValue): Conversion {
  if (v instanceof ConfigFloat) return { ok: true, value: v };
  if (typeof v === "number") return { ok: true, value: new ConfigFloat(v) };
  const n = typeof v === "string" ? pythonFloat(v) : undefined;
  return n === undefined ? refused(v, "could not be converted to Float") : { ok: true, value: new ConfigFloat(n) };
}

export function toBool(v: ConfigValue): Conversion {
  if (typeof v === "boolean") return { ok: true, value: v };
  if (typeof v === "number" && Number.isInteger(v)) return { ok: true, value: v !== 0 };
  if (typeof v === "string") {
    const n = pythonInt(v);
    if (n !== undefined) return { ok: true, value: n !== 0 };
    const word = v.toLowerCase();
    if (["yes", "y", "on", "true"].includes(word)) return { ok: true, value: true };
    if (["no", "n", "off", "false"].includes(word)) return { ok: true, value: false };
  }
  return { ok: false, message: `Value '${pyStr(v)}' is not a valid bool (type ${pyType(v)})` };
}

export function toStr(v: ConfigValue): Conversion {
  if (v instanceof ConfigDict || v instanceof ConfigList) {
    return { ok: false, message: `Cannot convert '${pyType(v)}' to string: '${pyStr(v)}'` };
  }
  return { ok: true, value: typeof v === "string" ? v : pyStr(v) };
}

/** Python's int(text): surrounding whitespace, a sign, digits with single underscores between them. */
function pythonInt(text: string): number | undefined {
  const t = text.trim();
  return INT_TEXT.test(t) ? Number(t.replace(/_/g, "")) : undefined;
}

/** Python's float(text), `inf`/`infinity`/`nan` in any case included. */
function pythonFloat(text: string): number | undefined {
  const t = text.trim();
  if (!FLOAT_TEXT.test(t)) return undefined;
  const body = t.replace(/_/g, "").toLowerCase().replace(/^([+-]?)inf(inity)?$/, "$1Infinity");
  return body.endsWith("nan") ? Number.NaN : Number(body);
}

function refused(v: ConfigValue, what: string): Conversion {
  return { ok: false, message: `Value '${pyStr(v)}' of type '${pyType(v)}' ${what}` };
}

/** Python's type name of a tree value, as OmegaConf's messages give it. */
export function pyType(v: ConfigValue): string {
  if (v === null) return "NoneType";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "str";
  if (v instanceof ConfigDict) return "dict";
  if (v instanceof ConfigList) return "list";
  return isFloatValue(v) ? "float" : "int";
}

/** Python's str() of a tree value. */
export function pyStr(v: ConfigValue): string {
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "string") return v;
  if (v instanceof ConfigDict) return `{${[...v.entries].map(([k, x]) => `'${k}': ${pyRepr(x)}`).join(", ")}}`;
  if (v instanceof ConfigList) return `[${v.items.map(pyRepr).join(", ")}]`;
  return pythonNumberStr(typeof v === "number" ? v : new ConfigFloat(numberOf(v)));
}

function pyRepr(v: ConfigValue): string {
  return typeof v === "string" ? `'${v}'` : pyStr(v);
}
