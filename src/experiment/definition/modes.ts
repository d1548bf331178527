/**
 * Modes: commands defined once for a folder of specs, in `modes.yaml` next to them, so that a spec
 * says `mode: training` instead of repeating the program and its arguments:
 *
 *   modes:
 *     training: [node, examples/train-external.mjs]
 *     simulation: [node, sim.mjs, --config, "{config}"]
 *
 * A spec's `mode: { name: training, args: [--fast] }` appends its args to the mode's command. Without a
 * modes.yaml a mode is just a name: the program comes from the spec's `command` or the command line.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ConfigDict, ConfigList } from "../../config/node.js";
import { parseYaml } from "../../config/yaml.js";
import { SpecSource } from "./source-map.js";

export const MODES_FILE = "modes.yaml";

/**
 * The command of `modeName` as defined in the modes.yaml next to the spec, with `args` appended;
 * undefined when there is no modes.yaml (the mode is then only a name given to the program).
 */
export function resolveMode(spec: SpecSource, modePath: string[], modeName: string, args: string[]): string[] | undefined {
  const file = path.join(path.dirname(spec.file), MODES_FILE);
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, "utf8");
  const modes = new SpecSource(file, text, parseYaml(text, file));
  const table = modes.root instanceof ConfigDict ? modes.root.get("modes") : undefined;
  if (!(table instanceof ConfigDict)) throw modes.error(["modes"], `expected a 'modes' mapping of mode name to command list, e.g.\n  modes:\n    training: [node, train.mjs]`);
  const command = table.get(modeName);
  if (command === undefined) {
    throw spec.error(modePath, `unknown mode '${modeName}'. Modes defined in ${file}: ${[...table.keys()].join(", ") || "none"}.`);
  }
  if (!(command instanceof ConfigList) || command.length === 0 || command.items.some((x) => typeof x !== "string")) {
    throw modes.error(["modes", modeName], `mode '${modeName}' must be a non-empty list of strings: program and arguments (quote numbers).`);
  }
  return [...(command.items as string[]), ...args];
}
