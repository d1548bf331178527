/**
 * Hydra's (caching) ConfigRepository: finds configs and groups across the search path, loads a
 * config once per composition and splits it into its content and its defaults list.
 */
import { ConfigDict, isDict, type ConfigValue } from "../config/node.js";
import { ConfigCompositionError } from "../errors.js";
import { parseDefaultsList } from "./defaults/parse.js";
import type { InputDefault } from "./defaults/elements.js";
import { isSafeConfigPath, type ConfigHeader, type ConfigSource } from "./sources/config-source.js";
import type { ObjectField } from "../typed/index.js";

export interface LoadedConfig {
  /** The config without its top-level `defaults` key; shared with the source's cache: never modify it. */
  config: ConfigValue;
  header: ConfigHeader;
  /** Parsed defaults list; fresh objects on every call (composition mutates them). */
  defaults(): InputDefault[];
  file: string;
  provider: string;
  /** The schema typing the config, when it was stored as one. */
  schema?: ObjectField;
  /** The same object while the source's config is unchanged (the file cache's parse): a version token. */
  version: unknown;
}

interface CacheEntry {
  config: ConfigValue;
  header: ConfigHeader;
  rawDefaults: ConfigValue | undefined;
  file: string;
  provider: string;
  schema?: ObjectField;
  version: unknown;
}

export class ConfigRepository {
  private readonly cache = new Map<string, CacheEntry | null>();

  constructor(public sources: ConfigSource[]) {}

  /** Replaces the sources (after `hydra.searchpath` is known), keeping loaded configs. */
  setSources(sources: ConfigSource[]): void {
    this.sources = sources;
  }

  loadConfig(configPath: string): LoadedConfig | null {
    assertSafePath(configPath);
    let entry = this.cache.get(configPath);
    if (entry === undefined) {
      entry = this.readConfig(configPath);
      this.cache.set(configPath, entry);
    }
    if (entry === null) return null;
    const e = entry;
    const loaded: LoadedConfig = {
      config: e.config,
      header: e.header,
      file: e.file,
      provider: e.provider,
      version: e.version,
      defaults: () => (e.rawDefaults === undefined ? [] : parseDefaultsList(configPath, e.rawDefaults, e.file)),
    };
    if (e.schema) loaded.schema = e.schema;
    return loaded;
  }

  configExists(configPath: string): boolean {
    assertSafePath(configPath);
    return this.sources.some((s) => s.isConfig(configPath));
  }

  groupExists(groupPath: string): boolean {
    return isSafeConfigPath(groupPath) && this.sources.some((s) => s.isGroup(groupPath));
  }

  /** Options (config names) of a group across all sources, sorted and unique. */
  getGroupOptions(group: string): string[] {
    return this.collect(group, (s) => s.listOptions(group));
  }

  /** Sub-groups of a group across all sources, sorted and unique. */
  getGroups(parent: string): string[] {
    return this.collect(parent, (s) => s.listGroups(parent));
  }

  private collect(group: string, list: (s: ConfigSource) => string[]): string[] {
    if (!isSafeConfigPath(group)) return [];
    const out = new Set<string>();
    for (const s of this.sources) if (s.isGroup(group)) for (const x of list(s)) out.add(x);
    return [...out].sort();
  }

  private readConfig(configPath: string): CacheEntry | null {
    const source = this.sources.find((s) => s.isConfig(configPath));
    if (!source) return null;
    // Shared trees are only read here (merging copies what it takes), so no copy is needed.
    const raw = source.loadShared ? source.loadShared(configPath) : source.load(configPath);
    let config = raw.config;
    let rawDefaults: ConfigValue | undefined;
    if (isDict(config) && config.has("defaults")) {
      rawDefaults = config.get("defaults");
      config = withoutKey(config, "defaults");
    }
    const entry: CacheEntry = { config, header: raw.header, rawDefaults, file: raw.file, provider: source.provider, version: raw.config };
    if (raw.schema) entry.schema = raw.schema;
    return entry;
  }
}

/** A shallow copy of `dict` without `key` (same source, shared children). */
function withoutKey(dict: ConfigDict, key: string): ConfigDict {
  const out = new ConfigDict(undefined, dict.source);
  for (const [k, v] of dict.entries) if (k !== key) out.entries.set(k, v);
  return out;
}

/** Config names come from files and the command line: refuse anything that could leave a source. */
function assertSafePath(configPath: string): void {
  if (!isSafeConfigPath(configPath)) {
    throw new ConfigCompositionError(
      `Invalid config path '${configPath}': config names may not contain '..', '.', empty segments, backslashes or start with '/'`,
    );
  }
}
