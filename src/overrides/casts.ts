/**
 * Hydra's cast functions `int()`, `float()`, `str()`, `bool()`, `json_str()` (grammar_functions.py):
 * they apply to a primitive, element-wise to lists and dict values, and to sweeps (a choice's options,
 * a range's bounds, an interval's ends). Several arguments make a simple choice sweep: `int(1,2)`.
 */
import { ConfigFloat } from "../config/float.js";
import { QuotedString } from "./types.js";
import {
  PyChoice,
  PyDict,
  PyError,
  PyGlob,
  PyListEdit,
  PyInterval,
  PyRange,
  isPrimitive,
  isSweep,
  pyFloat,
  pyInt,
  pyStr,
  pyTruthy,
  typeName,
  type PyVal,
} from "./pyvalues.js";
import { pyFloatRepr, pyIntStr } from "./pyformat.js";

type Cast = (v: PyVal) => PyVal;

const assertionError = (): PyError => new PyError("AssertionError", "");

/** Hydra's `_normalize_cast_value`: one value, from `value=` or the positional arguments. */
function normalize(rest: PyVal[], value: PyVal): PyVal {
  if (rest.length > 0 && value !== null) throw new PyError("TypeError", "cannot use both position and named arguments");
  if (value !== null) return value;
  if (rest.length === 0) throw new PyError("TypeError", "No positional args or value specified");
  if (rest.length === 1) return rest[0] as PyVal;
  return listToSimpleChoice(rest);
}

export function listToSimpleChoice(args: PyVal[]): PyChoice {
  if (args.some((a) => isSweep(a) || a instanceof PyGlob)) throw assertionError();
  return new PyChoice([...args], true);
}

function mapDict(d: PyDict, f: Cast): PyDict {
  return new PyDict(new Map([...d.entries].map(([k, e]) => [k, { key: e.key, value: f(e.value) }])));
}

/**
 * Hydra's `cast_choice`: cast each option; each must remain a plain element. Tags and shuffle are kept
 * (Hydra 1.3 dropped them, so `int(shuffle(choice(...)))` stopped shuffling; later Hydra keeps them).
 */
function castChoice(c: PyChoice, f: Cast): PyChoice {
  const list = c.list.map((item) => {
    const out = f(item);
    if (out === null || out instanceof QuotedString || isSweep(out) || out instanceof PyGlob) throw assertionError();
    return out;
  });
  return new PyChoice(list, c.simpleForm, c.shuffle, new Set(c.tags));
}

function castRange(r: PyRange, f: Cast, numeric: boolean): PyRange {
  if (!numeric) throw new PyError("ValueError", "Range can only be cast to int or float");
  const num = (v: PyVal): number | ConfigFloat => f(v) as number | ConfigFloat;
  return new PyRange(num(r.start), num(r.stop), num(r.step), r.shuffle, new Set(r.tags));
}

/** The common shape of every cast: containers and sweeps first, then the primitive conversion. */
function castWith(
  v: PyVal,
  self: Cast,
  primitive: (p: string | number | ConfigFloat | boolean | null) => PyVal,
  opts: { numeric: boolean; intervalError?: string },
): PyVal {
  if (v instanceof QuotedString) return self(v.text);
  if (v instanceof PyDict) return mapDict(v, self);
  if (Array.isArray(v)) return v.map(self);
  if (v instanceof PyChoice) return castChoice(v, self);
  if (v instanceof PyRange) return castRange(v, self, opts.numeric);
  if (v instanceof PyInterval) {
    if (opts.intervalError) throw new PyError("ValueError", opts.intervalError);
    return new PyInterval(self(v.start) as number | ConfigFloat, self(v.end) as number | ConfigFloat, new Set(v.tags));
  }
  if (v instanceof PyGlob || v instanceof PyListEdit) throw assertionError();
  return primitive(v);
}

const requirePrimitive = (p: PyVal): string | number | ConfigFloat | boolean => {
  if (!isPrimitive(p)) throw assertionError();
  return p;
};

const intOne: Cast = (v) => castWith(v, intOne, (p) => pyInt(requirePrimitive(p)), { numeric: true });
const floatOne: Cast = (v) => castWith(v, floatOne, (p) => pyFloat(requirePrimitive(p)), { numeric: true });
const strOne: Cast = (v) =>
  castWith(v, strOne, (p) => pyStr(requirePrimitive(p)), {
    numeric: false,
    intervalError: "Intervals cannot be cast to str",
  });
const boolOne: Cast = (v) =>
  castWith(v, boolOne, (p) => toBool(p), { numeric: false, intervalError: "Intervals cannot be cast to bool" });

function toBool(p: string | number | ConfigFloat | boolean | null): boolean {
  if (typeof p !== "string") return pyTruthy(p);
  const lower = p.toLowerCase();
  if (lower === "false") return false;
  if (lower === "true") return true;
  throw new PyError("ValueError", `Cannot cast '${p}' to bool`);
}

export const castInt = (rest: PyVal[], value: PyVal): PyVal => intOne(normalize(rest, value));
export const castFloat = (rest: PyVal[], value: PyVal): PyVal => floatOne(normalize(rest, value));
export const castStr = (rest: PyVal[], value: PyVal): PyVal => strOne(normalize(rest, value));
export const castBool = (rest: PyVal[], value: PyVal): PyVal => boolOne(normalize(rest, value));

/** Hydra's `extract_text`: quoted strings become plain text, recursively. */
const extractText: Cast = (v) => {
  if (v instanceof QuotedString) return v.text;
  if (v instanceof PyDict) return mapDict(v, extractText);
  if (Array.isArray(v)) return v.map(extractText);
  if (v instanceof PyChoice) return castChoice(v, extractText);
  if (v instanceof PyRange) return castRange(v, extractText, false);
  return v;
};

export function castJsonStr(rest: PyVal[], value: PyVal): PyVal {
  const v = normalize(rest, value);
  if (v instanceof PyChoice) return castChoice(castChoice(v, extractText), (x) => jsonDumps(x));
  if (v instanceof PyRange) return castRange(v, extractText, false);
  if (v instanceof PyInterval) throw new PyError("ValueError", "Intervals cannot be cast to json_str");
  return jsonDumps(extractText(v));
}

/** Python's `json.dumps` with its defaults: ", " / ": " separators, ASCII only, NaN/Infinity allowed. */
export function jsonDumps(v: PyVal): string {
  if (v === null) return "null";
  if (v === true) return "true";
  if (v === false) return "false";
  if (typeof v === "number") return pyIntStr(v);
  if (v instanceof ConfigFloat) return jsonFloat(v.value);
  if (typeof v === "string") return jsonString(v);
  if (v instanceof QuotedString) return jsonString(v.text);
  if (Array.isArray(v)) return `[${v.map(jsonDumps).join(", ")}]`;
  if (v instanceof PyDict) {
    const items = [...v.entries.values()].map((e) => `${jsonString(jsonKey(e.key))}: ${jsonDumps(e.value)}`);
    return `{${items.join(", ")}}`;
  }
  throw new PyError("TypeError", `Object of type ${typeName(v)} is not JSON serializable`);
}

function jsonFloat(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "Infinity";
  if (n === -Infinity) return "-Infinity";
  return pyFloatRepr(n);
}

function jsonKey(k: PyVal): string {
  if (typeof k === "string") return k;
  if (k === null) return "null";
  if (typeof k === "boolean") return k ? "true" : "false";
  if (typeof k === "number") return pyIntStr(k);
  if (k instanceof ConfigFloat) return jsonFloat(k.value);
  throw new PyError("TypeError", `keys must be str, int, float, bool or None, not ${typeName(k)}`);
}

function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i] as string;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}
