/**
 * Typed mapping keys, as OmegaConf keeps them: `{123: a}` has an int key, `{3.14: a}` a float key,
 * `{true: a}` a bool key, and none of them is the string key "123"/"3.14"/"true".
 *
 * A ConfigDict stores entries by a string *key id*. A string key is its own id, so the common case costs
 * nothing and dotted paths (`a.b`) keep working. Any other key gets an id no YAML string key has (a NUL
 * character, a type letter, Python's spelling), which carries the typed key with it: copies, merges and
 * filters that pass ids along keep the key's type without a side table, and a dotted path `a.1` does not
 * reach the int key `1`, as in OmegaConf (`cfg.a["1"]` is not `cfg.a[1]`).
 *
 * Python's dict equality (`True == 1 == 1.0`) decides which keys are the same key when a dict literal is
 * built (`{true: 1, 1: 2}` is `{True: 2}`): see `sameKeyId`. `null` is not a valid key (OmegaConf raises
 * KeyValidationError); it still gets an id so the error can be raised where the dict is used.
 */
import { ConfigFloat, pythonFloatRepr, pythonIntStr } from "./float.js";

/** A mapping key: string, int (bare number), float (ConfigFloat) or bool. */
export type DictKey = string | number | ConfigFloat | boolean;

const TAG = "\u0000";
const NULL_ID = `${TAG}n`;

/** The id a key is stored under; strings are their own id. */
export function keyId(key: DictKey | null): string {
  // The rare string key that starts with NUL is escaped so it cannot pass for a typed key's id.
  if (typeof key === "string") return key.charCodeAt(0) === 0 ? `${TAG}s${key}` : key;
  if (key === null) return NULL_ID;
  if (typeof key === "boolean") return `${TAG}b${key ? "true" : "false"}`;
  if (key instanceof ConfigFloat) return `${TAG}f${pythonFloatRepr(key.value)}`;
  return Number.isInteger(key) ? `${TAG}i${pythonIntStr(key)}` : `${TAG}f${pythonFloatRepr(key)}`;
}

/** True when the id is a plain string key, its own text (no decoding needed). */
export function isStringKeyId(id: string): boolean {
  return id.charCodeAt(0) !== 0;
}

export function isNullKeyId(id: string): boolean {
  return id === NULL_ID;
}

/** The typed key stored under an id (`null` for the invalid null key). */
export function keyOf(id: string): DictKey | null {
  if (isStringKeyId(id)) return id;
  const body = id.slice(2);
  switch (id[1]) {
    case "s":
      return body;
    case "b":
      return body === "true";
    case "i":
      return Number(body);
    case "f":
      return new ConfigFloat(parsePythonFloat(body));
    default:
      return null;
  }
}

function parsePythonFloat(text: string): number {
  if (text === "inf") return Infinity;
  if (text === "-inf") return -Infinity;
  if (text === "nan") return NaN;
  return Number(text);
}

/** A key as text in messages and plain objects: Python's json.dumps spelling (`1`, `1.5`, `true`). */
export function keyText(id: string): string {
  if (isStringKeyId(id)) return id;
  return id === NULL_ID ? "null" : id.slice(2);
}

/** True for the id of a string key (plain, or escaped because it starts with NUL). */
export function isStringKey(id: string): boolean {
  return isStringKeyId(id) || id[1] === "s";
}

/** The numeric value Python hashes a non-string key by (True is 1), or undefined for strings and null. */
function numericValue(id: string): number | undefined {
  if (isStringKey(id) || id === NULL_ID) return undefined;
  const key = keyOf(id);
  if (typeof key === "boolean") return key ? 1 : 0;
  return typeof key === "number" ? key : (key as ConfigFloat).value;
}

/**
 * The id among `existing` that Python's dict would treat as the same key as `id` (`True`, `1` and `1.0`
 * are one key), or `id` itself. Python keeps the first key object and updates its value.
 */
export function sameKeyId(id: string, existing: { has(id: string): boolean; keys(): Iterable<string> }): string {
  if (existing.has(id) || isStringKeyId(id)) return id;
  const n = numericValue(id);
  if (n === undefined) return id;
  for (const other of existing.keys()) if (numericValue(other) === n) return other;
  return id;
}
