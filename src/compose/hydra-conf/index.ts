/**
 * hydrant's own `hydra/*` configs: the YAML files of `pkg://hydra.conf` and the ConfigStore entries
 * (`hydra/config`, the basic launcher and sweeper, the empty config used when there is no primary).
 */
import { MemoryConfigSource, type MemoryConfigEntry, type MemoryEntries } from "../sources/memory-source.js";
import { ConfigDict } from "../../config/node.js";
import { configStore } from "../sources/config-store.js";
import { BASIC_LAUNCHER_YAML, BASIC_SWEEPER_YAML, HYDRA_CONFIG_YAML } from "./hydra-config.js";
import { HYDRA_CONF_FILES } from "./files.js";

/** Path of the stand-in primary config when composing without a config name. */
export const EMPTY_CONFIG_NAME = "_dummy_empty_config_";

const hydraConfEntries: MemoryEntries = (() => {
  const entries = new Map<string, MemoryConfigEntry>();
  for (const [path, node] of HYDRA_CONF_FILES) entries.set(path, { path, node });
  return { get: (p) => entries.get(p), paths: () => entries.keys() };
})();

/** The `pkg://hydra.conf` search path entry. */
export function createHydraConfSource(): MemoryConfigSource {
  return new MemoryConfigSource("hydra", "pkg", "hydra.conf", hydraConfEntries);
}

let registered = false;

/** Puts hydrant's own structured configs in the ConfigStore, once. */
export function registerBuiltinConfigs(): void {
  if (registered) return;
  registered = true;
  configStore.store({ group: "hydra", name: "config", node: HYDRA_CONFIG_YAML, provider: "hydra" });
  if (!configStore.get("hydra/launcher/basic")) {
    configStore.store({ group: "hydra/launcher", name: "basic", node: BASIC_LAUNCHER_YAML, provider: "hydra" });
  }
  if (!configStore.get("hydra/sweeper/basic")) {
    configStore.store({ group: "hydra/sweeper", name: "basic", node: BASIC_SWEEPER_YAML, provider: "hydra" });
  }
  configStore.store({ name: EMPTY_CONFIG_NAME, node: new ConfigDict(), provider: "hydra" });
}
