/**
 * Configs held in memory: what the ConfigStore serves (Hydra's `structured://` source) and hydrant's
 * built-in `pkg://hydra.conf`. A node is either a tree or YAML text parsed on first use.
 */
import { cloneValue, isContainer, type ConfigValue } from "../../config/node.js";
import { compileConfigSchema, isConfigSchemaNode, jsonSchemaOf, schemaDefaults, type ConfigSchemaNode, type ObjectField } from "../../typed/index.js";
import { checkConfigInterpolations, loadConfigText } from "../../config/load-config.js";
import { MissingConfigError } from "../../errors.js";
import {
  isSafeConfigPath,
  parseHeader,
  splitConfigPath,
  type ConfigHeader,
  type ConfigSource,
  type RawConfig,
} from "./config-source.js";

export interface MemoryConfigEntry {
  /** `group/name` without extension; "" group for top-level configs. */
  path: string;
  /** A tree, YAML text (its `# @package` header counts when `package` is not given), or a schema. */
  node: ConfigValue | string | ConfigSchemaNode;
  package?: string;
  provider?: string;
}

interface Parsed {
  config: ConfigValue;
  header: ConfigHeader;
  schema?: ObjectField;
}

/** Something that can hand out its entries; lets a source stay a live view of a ConfigStore. */
export interface MemoryEntries {
  get(path: string): MemoryConfigEntry | undefined;
  paths(): Iterable<string>;
}

/** Parsed entries, process-wide: entries are long-lived objects, sources are created per composition. */
const parsedEntries = new WeakMap<MemoryConfigEntry, Parsed>();

export class MemoryConfigSource implements ConfigSource {
  constructor(
    readonly provider: string,
    readonly scheme: string,
    readonly path: string,
    private readonly entries: MemoryEntries,
  ) {}

  available(): boolean {
    return true;
  }

  isConfig(p: string): boolean {
    return isSafeConfigPath(p) && this.entries.get(stripYaml(p)) !== undefined;
  }

  isGroup(p: string): boolean {
    if (!isSafeConfigPath(p)) return false;
    const prefix = p === "" ? "" : `${p}/`;
    for (const e of this.entries.paths()) if (e.startsWith(prefix)) return true;
    return false;
  }

  exists(p: string): boolean {
    return this.isGroup(p) || this.isConfig(p);
  }

  load(p: string): RawConfig {
    const shared = this.loadShared(p);
    return { config: cloneValue(shared.config), header: { ...shared.header }, file: shared.file };
  }

  loadShared(p: string): RawConfig {
    const entry = isSafeConfigPath(p) ? this.entries.get(stripYaml(p)) : undefined;
    if (!entry) throw new MissingConfigError(`Config not found: ${p} in ${this.scheme}://${this.path}`);
    const file = `${this.scheme}://${this.path}/${stripYaml(p)}.yaml`;
    const parsed = this.parse(entry, file);
    const raw: RawConfig = { config: parsed.config, header: parsed.header, file };
    if (parsed.schema) raw.schema = parsed.schema;
    return raw;
  }

  listOptions(group: string): string[] {
    const names = new Set<string>();
    for (const e of this.entries.paths()) {
      const [g, name] = splitConfigPath(e);
      if (g === group) names.add(name);
    }
    return [...names].sort();
  }

  listGroups(parent: string): string[] {
    const prefix = parent === "" ? "" : `${parent}/`;
    const groups = new Set<string>();
    for (const e of this.entries.paths()) {
      if (!e.startsWith(prefix)) continue;
      const rest = e.slice(prefix.length);
      const slash = rest.indexOf("/");
      if (slash > 0) groups.add(rest.slice(0, slash));
    }
    return [...groups].sort();
  }

  private parse(entry: MemoryConfigEntry, file: string): Parsed {
    let parsed = parsedEntries.get(entry);
    if (!parsed) {
      const node = entry.node;
      if (typeof node === "string") {
        const header = parseHeader(node);
        if (entry.package !== undefined) header.package = entry.package;
        parsed = { config: loadConfigText(node, file), header };
      } else {
        const header: ConfigHeader = entry.package === undefined ? {} : { package: entry.package };
        if (!isContainer(node) && isConfigSchemaNode(node)) {
          const schema = compileConfigSchema(jsonSchemaOf(node, entry.path), entry.path);
          parsed = { config: schemaDefaults(schema), header, schema };
        } else {
          checkConfigInterpolations(node as ConfigValue, file);
          parsed = { config: node as ConfigValue, header };
        }
      }
      parsedEntries.set(entry, parsed);
    }
    return parsed;
  }
}

function stripYaml(p: string): string {
  return p.endsWith(".yaml") ? p.slice(0, -".yaml".length) : p;
}
