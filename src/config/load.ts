/**
 * A config file's text as a config, the way `OmegaConf.load` makes one (Hydra loads every config file
 * through it). An empty document is `{}`. A document that is one string goes to `OmegaConf.create(str)`,
 * which reads that string as YAML once more: the plain scalar `abc=cde` is `{abc=cde: null}`, and the
 * quoted text `'a: 1'` is `{a: 1}`. Other scalars are returned as they are, for the caller to reject.
 */
import { keyId } from "./dict-key.js";
import { ConfigDict, type ConfigValue } from "./node.js";
import { parseYaml } from "./yaml.js";

/** Parses a config file's text as `OmegaConf.load` does (see the module comment). */
export function loadConfigText(text: string, file?: string): ConfigValue {
  const doc = parseYaml(text, file);
  if (doc === null) return new ConfigDict(undefined, { file });
  if (typeof doc !== "string") return doc;
  const again = parseYaml(doc, file);
  if (again === null) return new ConfigDict(undefined, { file });
  if (typeof again === "string") return new ConfigDict([[keyId(again), null]], { file });
  return again;
}
