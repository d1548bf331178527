/**
 * OmegaConf checks the grammar of a string with `${` when it makes the string's node (strict
 * interpolation validation), not when the value is read: a config file with a broken interpolation
 * fails as it is loaded, an override as it is applied, even if nothing reads the value.
 */
import { keyText } from "../dict-key.js";
import { isContainer, isDict, type ConfigContainer, type ConfigValue } from "../node.js";
import { GrammarParseError } from "../../errors.js";
import { parseConfigValue } from "./grammar.js";

/** A string with an invalid interpolation: its path, container and key there (none for a lone string). */
export interface InvalidInterpolation {
  /** Key texts and list indexes, for formatPath. */
  path: Array<string | number>;
  container?: ConfigContainer;
  /** The dict key id or list index in `container`. */
  key?: string | number;
  error: GrammarParseError;
}

/** Throws GrammarParseError when `text` has a `${` that does not follow the grammar. */
export function checkInterpolationSyntax(text: string): void {
  if (text.includes("${")) parseConfigValue(text);
}

/** The first string in `value` (itself, or any string inside it) that fails checkInterpolationSyntax. */
export function findInvalidInterpolation(value: ConfigValue): InvalidInterpolation | undefined {
  if (typeof value === "string") {
    const error = syntaxErrorOf(value);
    return error && { path: [], error };
  }
  return isContainer(value) ? findIn(value, []) : undefined;
}

function findIn(container: ConfigContainer, path: Array<string | number>): InvalidInterpolation | undefined {
  const dict = isDict(container);
  const children: Iterable<readonly [string | number, ConfigValue]> = dict ? container.entries : container.items.entries();
  for (const [key, child] of children) {
    if (typeof child !== "string" && !isContainer(child)) continue;
    const here = () => [...path, dict ? keyText(key as string) : key];
    if (typeof child === "string") {
      const error = syntaxErrorOf(child);
      if (error) return { path: here(), container, key, error };
    } else {
      const found = findIn(child, here());
      if (found) return found;
    }
  }
  return undefined;
}

function syntaxErrorOf(text: string): GrammarParseError | undefined {
  try {
    checkInterpolationSyntax(text);
    return undefined;
  } catch (e) {
    if (e instanceof GrammarParseError) return e;
    throw e;
  }
}
