/**
 * A config file's text as a config, the way `OmegaConf.load` makes one (Hydra loads every config file
 * through it). An empty document is `{}`. A document that is one string goes to `OmegaConf.create(str)`,
 * which reads that string as YAML once more: the plain scalar `abc=cde` is `{abc=cde: null}`, and the
 * quoted text `'a: 1'` is `{a: 1}`. Other scalars are returned as they are, for the caller to reject.
 * As OmegaConf makes a node of each string, it checks the syntax of its interpolations: a broken `${`
 * fails the load, whether or not the value is ever read.
 */
import { keyId } from "./dict-key.js";
import { findInvalidInterpolation, type InvalidInterpolation } from "./interpolation/syntax-check.js";
import { GrammarParseError } from "../errors.js";
import { formatPath } from "./interpolation/keys.js";
import { ConfigDict, type ConfigValue } from "./node.js";
import { parseYaml } from "./yaml.js";

/** Parses a config file's text as `OmegaConf.load` does (see the module comment). */
export function loadConfigText(text: string, file?: string): ConfigValue {
  const config = configOf(parseYaml(text, file), file);
  checkConfigInterpolations(config, file);
  return config;
}

/** Throws GrammarParseError, naming the key and where it is written, for the first invalid interpolation. */
export function checkConfigInterpolations(config: ConfigValue, file?: string): void {
  const invalid = findInvalidInterpolation(config);
  if (invalid) throw invalidInterpolation(invalid, file);
}

function invalidInterpolation(found: InvalidInterpolation, file: string | undefined): GrammarParseError {
  const key = formatPath(found.path);
  const at = found.key === undefined ? undefined : found.container?.source?.positions?.get(String(found.key));
  const message = `Invalid interpolation in '${key}': ${found.error.message} (write \\\${ for a literal '\${')`;
  return new GrammarParseError(message, { file: file ?? found.container?.source?.file, line: at?.line, column: at?.column, key });
}

function configOf(doc: ConfigValue, file: string | undefined): ConfigValue {
  if (doc === null) return new ConfigDict(undefined, { file });
  if (typeof doc !== "string") return doc;
  const again = parseYaml(doc, file);
  if (again === null) return new ConfigDict(undefined, { file });
  if (typeof again === "string") return new ConfigDict([[keyId(again), null]], { file });
  return again;
}
