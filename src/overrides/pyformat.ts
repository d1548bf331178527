/**
 * Python's spelling of numbers and Hydra's escaping of unquoted strings: what `str()` prints in Hydra's
 * `_get_value_element_as_str`, so job overrides and `override_dirname` read as they do in Hydra.
 */

export { pythonFloatRepr as pyFloatRepr, pythonIntStr as pyIntStr } from "../config/float.js";

/** Characters that must be escaped in an unquoted override value (the lexer's ESC token). */
const SPECIAL = new Set(["\\", "(", ")", "[", "]", "{", "}", ":", "=", ",", " ", "\t"]);

/** Hydra's `escape_special_characters`: prefix each special character with a backslash. */
export function escapeSpecialCharacters(s: string): string {
  let out = "";
  for (const ch of s) out += SPECIAL.has(ch) ? `\\${ch}` : ch;
  return out;
}
