/**
 * Scalar typing as Hydra reads YAML: PyYAML's YAML 1.1 SafeLoader resolvers, minus timestamps, plus
 * OmegaConf's extra float resolver (so `1e-5` is a float, which plain PyYAML would leave a string).
 * Also the inverse questions the dumper asks: would this string read back as something else?
 */
import { keyId } from "./dict-key.js";
import { ConfigFloat, isFloatValue, numberOf, pythonFloatRepr, type ConfigNumber } from "./float.js";
import type { Scalar } from "./node.js";

export { pythonFloatRepr } from "./float.js";

const BOOL_RE = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const NULL_RE = /^(?:~|null|Null|NULL|)$/;
const INT_RE = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
/** PyYAML's own float resolver: needs a dot, and a signed exponent. */
const PYYAML_FLOAT_RE =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** The resolver OmegaConf adds: exponent without a dot (`1e-5`, `1E3`), unsigned exponent after a dot. */
const OMEGACONF_FLOAT_RE =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const MERGE_RE = /^<<$/;
/** PyYAML resolves a lone `=` to the `value` tag, which SafeLoader cannot construct. */
const VALUE_RE = /^=$/;
const PYYAML_TIMESTAMP_RE =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

const MAYBE_SPECIAL_START = "nNtTfFyYoO~<=";

/** What a plain (unquoted, untagged) scalar means to OmegaConf's loader. */
export type PlainKind = "str" | "null" | "bool" | "int" | "float" | "merge" | "value";

export function plainKind(text: string): PlainKind {
  if (text.length === 0) return "null";
  const c = text.charCodeAt(0);
  // Cheap first-character gate, as PyYAML's resolver does: most config strings start with a letter.
  const numericStart = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
  // Null, bool, `<<` and `=` spellings are at most 5 long and start with one of `nNtTfFyYoO~<=`.
  if (!numericStart && (text.length > 5 || !MAYBE_SPECIAL_START.includes(text[0]!))) return "str";
  if (NULL_RE.test(text)) return "null";
  if (numericStart) {
    if (INT_RE.test(text)) return "int";
    if (PYYAML_FLOAT_RE.test(text) || OMEGACONF_FLOAT_RE.test(text)) return "float";
    return "str";
  }
  if (BOOL_RE.test(text)) return "bool";
  if (MERGE_RE.test(text)) return "merge";
  if (VALUE_RE.test(text)) return "value";
  return "str";
}

/** The value of a plain scalar; `undefined` for `<<` and `=`, which are not values. */
export function resolvePlainScalar(text: string): Scalar | undefined {
  switch (plainKind(text)) {
    case "null":
      return null;
    case "bool":
      return constructBool(text);
    case "int":
      return constructInt(text);
    case "float":
      return constructFloat(text);
    case "str":
      return text;
    default:
      return undefined;
  }
}

/**
 * The id a YAML mapping key is stored under (dict-key.ts): strings as they are, int/float/bool keys typed.
 * A `null` key stays the string "null" (OmegaConf would reject it; hydrant reads it leniently).
 */
export function yamlKeyString(value: Scalar): string {
  return value === null ? "null" : keyId(value);
}

export function constructBool(text: string): boolean | undefined {
  const t = text.toLowerCase();
  if (t === "yes" || t === "true" || t === "on") return true;
  if (t === "no" || t === "false" || t === "off") return false;
  return undefined;
}

function splitSign(text: string): { sign: number; body: string } {
  const v = text.replace(/_/g, "");
  if (v.startsWith("-")) return { sign: -1, body: v.slice(1) };
  if (v.startsWith("+")) return { sign: 1, body: v.slice(1) };
  return { sign: 1, body: v };
}

function sexagesimal(body: string, parse: (s: string) => number): number {
  let value = 0;
  for (const part of body.split(":")) value = value * 60 + parse(part);
  return value;
}

/** PyYAML's int constructor (also used for `!!int`): binary, hex, leading-zero octal, base 60. */
export function constructInt(text: string): number | undefined {
  const { sign, body } = splitSign(text.trim());
  let n: number;
  if (body === "0") return 0;
  if (body.startsWith("0b")) n = strictParse(body.slice(2), /^[01]+$/, 2);
  else if (body.startsWith("0x")) n = strictParse(body.slice(2), /^[0-9a-fA-F]+$/, 16);
  else if (body.startsWith("0")) n = strictParse(body, /^[0-7]+$/, 8);
  else if (body.includes(":")) n = sexagesimal(body, (p) => strictParse(p, /^[0-9]+$/, 10));
  else n = strictParse(body, /^[0-9]+$/, 10);
  return Number.isNaN(n) ? undefined : sign * n;
}

function strictParse(digits: string, re: RegExp, radix: number): number {
  return re.test(digits) ? parseInt(digits, radix) : NaN;
}

const DECIMAL_RE = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;

/** PyYAML's float constructor (also `!!float`): accepts what Python's float() accepts after `_` removal. */
export function constructFloat(text: string): ConfigFloat | undefined {
  const n = floatValue(text);
  return n === undefined ? undefined : new ConfigFloat(n);
}

function floatValue(text: string): number | undefined {
  const { sign, body } = splitSign(text.trim());
  const lower = body.toLowerCase();
  if (lower === ".inf" || lower === "inf" || lower === "infinity") return sign * Infinity;
  if (lower === ".nan" || lower === "nan") return NaN;
  if (lower.includes(":")) {
    const n = sexagesimal(lower, (p) => (DECIMAL_RE.test(p) ? Number(p) : NaN));
    return Number.isNaN(n) ? undefined : sign * n;
  }
  return DECIMAL_RE.test(lower) ? sign * Number(lower) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Dumping: Python's repr of numbers, and whether a string needs quotes to stay a string.

/** A float as PyYAML's representer prints it: `1.0e-05`, `0.001`, `1.0e+16`, `.inf`, `.nan`. */
export function formatFloat(n: number): string {
  if (Number.isNaN(n)) return ".nan";
  if (!Number.isFinite(n)) return n > 0 ? ".inf" : "-.inf";
  const repr = pythonFloatRepr(n);
  // PyYAML adds ".0" so that YAML 1.1 (which needs a dot) still reads `1e-05` as a float.
  return repr.includes(".") ? repr : repr.replace("e", ".0e");
}

/** A tree number as PyYAML prints it: ints plain (all digits), floats as `formatFloat`. */
export function formatYamlNumber(v: ConfigNumber): string {
  if (isFloatValue(v)) return formatFloat(numberOf(v));
  const n = v as number;
  return Number.isSafeInteger(n) ? String(n + 0) : BigInt(Math.trunc(n)).toString();
}

/** OmegaConf's dumper quotes these bool spellings, including the YAML 1.1 `y`/`n`. */
const DUMP_BOOL_RE = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
/** Python's int(): optional sign and surrounding whitespace, `_` between digits. */
const PY_INT_RE = /^\s*[-+]?[0-9]+(?:_[0-9]+)*\s*$/;
/** Python's float(): also inf/infinity/nan in any case. */
const PY_FLOAT_RE =
  /^\s*[-+]?(?:(?:[0-9]+(?:_[0-9]+)*)?\.?[0-9]+(?:_[0-9]+)*(?:[eE][-+]?[0-9]+(?:_[0-9]+)*)?|[0-9]+(?:_[0-9]+)*\.(?:[eE][-+]?[0-9]+(?:_[0-9]+)*)?|inf|infinity|nan)\s*$/i;

/** OmegaConf's str representer: these strings are always single-quoted. */
export function omegaConfQuotes(s: string): boolean {
  return DUMP_BOOL_RE.test(s) || PY_INT_RE.test(s) || PY_FLOAT_RE.test(s);
}

/**
 * True when PyYAML's dumper (its own implicit resolvers, without OmegaConf's extra float resolver)
 * reads this plain text back as a string: only then may the emitter leave it unquoted.
 */
export function pyyamlReadsAsString(s: string): boolean {
  if (s === "" || NULL_RE.test(s) || BOOL_RE.test(s) || MERGE_RE.test(s) || VALUE_RE.test(s)) return false;
  return !(INT_RE.test(s) || PYYAML_FLOAT_RE.test(s) || PYYAML_TIMESTAMP_RE.test(s));
}
