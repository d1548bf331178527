/**
 * Converting parsed override values: into config values (what `Override.value()` gives the config in
 * Hydra) and back into override text (Hydra's `Override._get_value_element_as_str`, used for job
 * overrides of a sweep and for `hydra.job.override_dirname`).
 */
import { isNullKeyId, isStringKeyId, keyOf } from "../config/dict-key.js";
import { ConfigFloat, pythonNumberStr } from "../config/float.js";
import { ConfigDict, ConfigList, type ConfigValue } from "../config/node.js";
import { ConfigKeyError, OverrideApplyError } from "../errors.js";
import { escapeSpecialCharacters } from "./pyformat.js";
import { QuotedString, type ListEdit, type Override, type ParsedElement } from "./types.js";

/**
 * The config value of a parsed element: quoted strings become their text, lists and dicts nodes, floats
 * stay floats. A `null` dict key is an error, as in OmegaConf (KeyValidationError).
 */
export function elementToConfig(el: ParsedElement): ConfigValue {
  if (el instanceof QuotedString) return el.text;
  if (Array.isArray(el)) return new ConfigList(el.map(elementToConfig));
  if (el instanceof Map) {
    for (const k of el.keys()) {
      if (isNullKeyId(k)) throw new ConfigKeyError("Incompatible key type 'NoneType': a dict key cannot be null");
    }
    return new ConfigDict([...el].map(([k, v]) => [k, elementToConfig(v)] as const));
  }
  return el;
}

export interface FormatElementOptions {
  /** ", " and ": " instead of "," and ":" between items (Hydra's `space_after_sep`). */
  spaceAfterSep?: boolean;
}

/**
 * Hydra's `_get_value_element_as_str`: text that parses back to the same value. Unquoted strings get
 * their special characters escaped, quoted strings keep their quotes, numbers use Python's spelling
 * (`1.0`, `1e-05`, `inf`), booleans print as Python does (`True`/`False`), null as `null`.
 */
export function formatElement(el: ParsedElement, opts: FormatElementOptions = {}): string {
  const comma = opts.spaceAfterSep ? ", " : ",";
  const colon = opts.spaceAfterSep ? ": " : ":";
  const nested = (v: ParsedElement): string => formatElement(v, opts);
  if (el === null) return "null";
  if (el instanceof QuotedString) return el.withQuotes();
  if (Array.isArray(el)) return `[${el.map(nested).join(comma)}]`;
  if (el instanceof Map) {
    const items = [...el].map(([k, v]) => `${formatKey(k)}${colon}${nested(v)}`);
    return `{${items.join(comma)}}`;
  }
  if (typeof el === "string") return escapeSpecialCharacters(el);
  if (typeof el === "boolean") return el ? "True" : "False";
  return pythonNumberStr(el);
}

/** A dict key as Hydra writes it back: strings escaped, other keys as Python's `str()` of the key. */
function formatKey(id: string): string {
  if (isStringKeyId(id)) return escapeSpecialCharacters(id);
  const key = keyOf(id);
  if (key === null) return "None";
  if (typeof key === "boolean") return key ? "True" : "False";
  return pythonNumberStr(key as number | ConfigFloat);
}

/** Hydra's `Override.get_value_element_as_str`: the value of a non-sweep override as text. */
export function formatOverrideValue(override: Override, spaceAfterSep = false): string {
  const v = override.value;
  if (override.valueType === "list_edit") return formatListEdit(v as ListEdit, { spaceAfterSep });
  if (v !== undefined && !isParsedElement(v)) {
    throw new OverrideApplyError(`Cannot convert sweep to str (override '${override.inputLine}')`, {
      override: override.inputLine,
    });
  }
  return formatElement(v ?? null, { spaceAfterSep });
}

const EDIT_FUNCTION: Record<ListEdit["op"], string> = {
  extend: "extend_list",
  prepend: "prepend_list",
  insert: "insert_list",
  remove: "remove_list",
  pop: "pop_list",
};

/** A list edit as override text that parses back to the same edit (`insert_list(0,a)`). */
export function formatListEdit(edit: ListEdit, opts: FormatElementOptions = {}): string {
  const args = edit.index === undefined ? [] : [String(edit.index)];
  args.push(...edit.values.map((v) => formatElement(v, opts)));
  return `${EDIT_FUNCTION[edit.op]}(${args.join(opts.spaceAfterSep ? ", " : ",")})`;
}

export function isParsedElement(v: unknown): v is ParsedElement {
  if (v === null || typeof v !== "object" || v instanceof ConfigFloat) return true;
  return v instanceof QuotedString || Array.isArray(v) || v instanceof Map;
}
