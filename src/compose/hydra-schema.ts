/**
 * The `hydra` node's schema. In Hydra the node is the structured config HydraConf (Hydra 1.3's
 * hydra/conf/__init__.py), merged after the configs of its groups (hydra/output, hydra/env, ...). From
 * then on a config that brings a key the dataclass does not declare fails, as OmegaConf's typed nodes
 * do: the pre-1.2 `hydra.job.env` is an error. Keys already there when HydraConf arrives stay (the empty
 * `hydra.env` of hydra/env/default). Only dataclass nodes are closed: nodes typed `Any` or `Dict` in
 * Hydra (launcher, sweeper, logging, callbacks, `job.env_set`, `runtime.choices`) take any key.
 */
import { keyText } from "../config/dict-key.js";
import { isDict, type ConfigValue } from "../config/node.js";
import { ConfigKeyError } from "../errors.js";

interface Dataclass {
  name: string;
  fields: readonly string[];
}

const DATACLASSES: ReadonlyMap<string, Dataclass> = new Map([
  [
    "hydra",
    {
      name: "HydraConf",
      fields: ["defaults", "mode", "searchpath", "run", "sweep", "hydra_logging", "job_logging", "sweeper", "launcher",
        "callbacks", "help", "hydra_help", "output_subdir", "overrides", "job", "runtime", "verbose"],
    },
  ],
  ["hydra.run", { name: "RunDir", fields: ["dir"] }],
  ["hydra.sweep", { name: "SweepDir", fields: ["dir", "subdir"] }],
  ["hydra.help", { name: "HelpConf", fields: ["app_name", "header", "footer", "template"] }],
  ["hydra.hydra_help", { name: "HydraHelpConf", fields: ["hydra_help", "template"] }],
  ["hydra.overrides", { name: "OverridesConf", fields: ["hydra", "task"] }],
  [
    "hydra.job",
    { name: "JobConf", fields: ["name", "chdir", "override_dirname", "id", "num", "config_name", "env_set", "env_copy", "config"] },
  ],
  ["hydra.job.config", { name: "JobConfig", fields: ["override_dirname"] }],
  ["hydra.job.config.override_dirname", { name: "OverrideDirname", fields: ["kv_sep", "item_sep", "exclude_keys"] }],
  ["hydra.runtime", { name: "RuntimeConf", fields: ["version", "version_base", "cwd", "config_sources", "output_dir", "choices"] }],
]);

/**
 * Throws ConfigKeyError, worded as OmegaConf words it, for the first key of `incoming` (a config's `hydra`
 * node about to be merged) that neither the schema nor the composed `existing` node has.
 */
export function checkHydraKeys(incoming: ConfigValue | undefined, existing: ConfigValue | undefined, path = "hydra"): void {
  if (!isDict(incoming)) return;
  const dataclass = DATACLASSES.get(path);
  const present = isDict(existing) ? existing : undefined;
  for (const [id, value] of incoming.entries) {
    const key = keyText(id);
    const full = `${path}.${key}`;
    if (dataclass && !dataclass.fields.includes(key) && !present?.has(id)) throw unknownKey(key, full, path, dataclass);
    if (DATACLASSES.has(full)) checkHydraKeys(value, present?.get(id), full);
  }
}

function unknownKey(key: string, full: string, path: string, dataclass: Dataclass): ConfigKeyError {
  // The top `hydra` node is declared `Any` where it is placed, so OmegaConf names no reference type for it.
  const reference = path === "hydra" ? "" : `\n    reference_type=${dataclass.name}`;
  const message = `Key '${key}' not in '${dataclass.name}'\n    full_key: ${full}${reference}\n    object_type=${dataclass.name}`;
  return new ConfigKeyError(message, { key: full });
}
