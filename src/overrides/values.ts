/**
 * Converting parsed override values: into config values (what `Override.value()` gives the config in
 * Hydra) and back into override text (Hydra's `Override._get_value_element_as_str`, used for job
 * overrides of a sweep and for `hydra.job.override_dirname`).
 */
import { ConfigDict, ConfigList, type ConfigValue } from "../config/node.js";
import { OverrideApplyError } from "../errors.js";
import { isFloatSlot } from "./floats.js";
import { escapeSpecialCharacters, pyFloatRepr, pyIntStr } from "./pyformat.js";
import { QuotedString, type Override, type ParsedElement } from "./types.js";

/** The config value of a parsed element: quoted strings become their text, lists and dicts nodes. */
export function elementToConfig(el: ParsedElement): ConfigValue {
  if (el instanceof QuotedString) return el.text;
  if (Array.isArray(el)) return new ConfigList(el.map(elementToConfig));
  if (el instanceof Map) return new ConfigDict([...el].map(([k, v]) => [k, elementToConfig(v)] as const));
  return el;
}

export interface ElementStringOptions {
  /** The element itself is a number Python held as a float (see floats.ts); nested ones are tracked. */
  float?: boolean;
  /** ", " and ": " instead of "," and ":" between items (Hydra's `space_after_sep`). */
  spaceAfterSep?: boolean;
}

/**
 * Hydra's `_get_value_element_as_str`: text that parses back to the same value. Unquoted strings get
 * their special characters escaped, quoted strings keep their quotes, numbers use Python's spelling
 * (`1.0`, `1e-05`, `inf`), booleans print as Python does (`True`/`False`), null as `null`.
 */
export function elementToString(el: ParsedElement, opts: ElementStringOptions = {}): string {
  const comma = opts.spaceAfterSep ? ", " : ",";
  const colon = opts.spaceAfterSep ? ": " : ":";
  const nested = (v: ParsedElement, float: boolean): string =>
    elementToString(v, { float, spaceAfterSep: opts.spaceAfterSep });
  if (el === null) return "null";
  if (el instanceof QuotedString) return el.withQuotes();
  if (Array.isArray(el)) return `[${el.map((v, i) => nested(v, isFloatSlot(el, i))).join(comma)}]`;
  if (el instanceof Map) {
    const items = [...el].map(([k, v]) => `${escapeSpecialCharacters(k)}${colon}${nested(v, isFloatSlot(el, k))}`);
    return `{${items.join(comma)}}`;
  }
  if (typeof el === "string") return escapeSpecialCharacters(el);
  if (typeof el === "boolean") return el ? "True" : "False";
  if (opts.float || !Number.isInteger(el)) return pyFloatRepr(el);
  return pyIntStr(el);
}

/** Hydra's `Override.get_value_element_as_str`: the value of a non-sweep override as text. */
export function valueString(override: Override, spaceAfterSep = false): string {
  const v = override.value;
  if (v !== undefined && !isParsedElement(v)) {
    throw new OverrideApplyError(`Cannot convert sweep to str (override '${override.inputLine}')`, {
      override: override.inputLine,
    });
  }
  return elementToString(v ?? null, { float: isFloatSlot(override, "value"), spaceAfterSep });
}

export function isParsedElement(v: unknown): v is ParsedElement {
  if (v === null || typeof v !== "object") return true;
  return v instanceof QuotedString || Array.isArray(v) || v instanceof Map;
}
