/**
 * Interpolations inside defaults lists (`- db: ${server}_db`) are resolved against the choices made
 * so far, like Hydra: the root holds each known choice by override key plus a `defaults` list.
 */
import { ConfigDict, ConfigList, type ConfigValue } from "../../config/node.js";
import { resolveValue } from "../../config/interpolation/index.js";
import { ConfigCompositionError } from "../../errors.js";
import { ConfigDefault, GroupDefault, type InputDefault } from "./elements.js";

export function createInterpolationMap(
  knownChoices: ReadonlyMap<string, string | null>,
  defaults: readonly InputDefault[],
  selfAdded: boolean,
): ConfigDict {
  const map = new ConfigDict([...knownChoices]);
  const list = new ConfigList();
  for (const d of defaults) {
    if (selfAdded && d.isSelf()) continue;
    if (d instanceof ConfigDefault) list.items.push(d.getConfigPath());
    else if (d instanceof GroupDefault) {
      const v: ConfigValue = Array.isArray(d.value) ? new ConfigList([...d.value]) : d.value;
      list.items.push(new ConfigDict([[d.getOverrideKey(), v]]));
    }
  }
  map.set("defaults", list);
  return map;
}

export function resolveDefaultsInterpolation(known: ConfigDict, text: string): string {
  const root = new ConfigDict(known.entries);
  root.set("_dummy_", text);
  try {
    const v = resolveValue(root, ["_dummy_"], {});
    return typeof v === "string" ? v : String(v);
  } catch {
    const options = [...known.keys()].filter((k) => k !== "defaults");
    const msg =
      options.length > 0
        ? `Error resolving interpolation '${text}', possible interpolation keys: ${options.join(", ")}`
        : `Error resolving interpolation '${text}'`;
    throw new ConfigCompositionError(msg);
  }
}
