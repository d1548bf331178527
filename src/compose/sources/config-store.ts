/**
 * hydrant's ConfigStore, like Hydra's: configs registered from code (plugins, apps) that composition
 * finds through the `structured://` search path entry. hydrant's own `hydra/config`, launchers and
 * sweepers are registered here the same way any plugin registers its configs.
 */
import type { ConfigValue } from "../../config/node.js";
import type { ConfigSchemaNode } from "../../typed/index.js";
import { ConfigCompositionError } from "../../errors.js";
import { isSafeConfigPath } from "./config-source.js";
import type { MemoryConfigEntry, MemoryEntries } from "./memory-source.js";

/** What {@link ConfigStore.store} registers: a config (tree, YAML text or schema) under a group and name. */
export interface StoreOptions {
  /** Config group, e.g. `hydra/launcher`; omit for a top-level config. */
  group?: string;
  /** Config name (a trailing `.yaml` is ignored). */
  name: string;
  /**
   * The config: a tree, YAML text, or a schema, where Hydra stores a dataclass: a Standard Schema that
   * describes itself as JSON Schema (zod 4, arktype, valibot through `toStandardJsonSchema`) or a JSON
   * Schema. A schema's defaults are the config's values (`???` for a required field without one,
   * `null` for an optional one), and composition checks what is merged or overridden onto it.
   */
  node: ConfigValue | string | ConfigSchemaNode;
  /** Package, like a `# @package` header. */
  package?: string;
  /** Who registered it (informational, like Hydra's). */
  provider?: string;
}

export class ConfigStore implements MemoryEntries {
  private readonly entries = new Map<string, MemoryConfigEntry>();

  store(options: StoreOptions): void {
    const name = options.name.endsWith(".yaml") ? options.name.slice(0, -".yaml".length) : options.name;
    const group = options.group ?? "";
    const path = group === "" ? name : `${group}/${name}`;
    if (!isSafeConfigPath(path) || name.includes("/")) {
      throw new ConfigCompositionError(`Invalid config name '${path}' for the ConfigStore`);
    }
    const entry: MemoryConfigEntry = { path, node: options.node };
    if (options.package !== undefined) entry.package = options.package;
    if (options.provider !== undefined) entry.provider = options.provider;
    this.entries.set(path, entry);
  }

  get(path: string): MemoryConfigEntry | undefined {
    return this.entries.get(path);
  }

  paths(): Iterable<string> {
    return this.entries.keys();
  }

  /** Removes a registration (tests, plugin unloading). */
  remove(group: string | undefined, name: string): boolean {
    return this.entries.delete(group ? `${group}/${name}` : name);
  }
}

/** The process-wide store. */
export const configStore = new ConfigStore();

/** Registers a config in the process-wide store (the API launcher/sweeper plugins use). */
export function registerConfig(options: StoreOptions): void {
  configStore.store(options);
}
