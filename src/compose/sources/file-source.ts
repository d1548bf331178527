/**
 * A directory of YAML configs. Directory listings are cached per source (one compose), parsed files
 * process-wide keyed by path + mtime + size, so a sweep of many jobs parses each file once.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import { ConfigDict, cloneValue, type ConfigValue } from "../../config/node.js";
import { parseYaml } from "../../config/yaml.js";
import { MissingConfigError } from "../../errors.js";
import {
  configNameOfFile,
  isSafeConfigPath,
  normalizeConfigFileName,
  parseHeader,
  splitConfigPath,
  type ConfigHeader,
  type ConfigSource,
  type RawConfig,
} from "./config-source.js";

interface Listing {
  files: Set<string>;
  dirs: Set<string>;
}

interface ParsedFile {
  mtimeMs: number;
  size: number;
  config: ConfigValue;
  header: ConfigHeader;
}

const parsedFiles = new Map<string, ParsedFile>();

/** Parses a YAML config file, reusing the last parse while the file is unchanged. */
export function readConfigFile(file: string): { config: ConfigValue; header: ConfigHeader } {
  const st = statSync(file);
  const cached = parsedFiles.get(file);
  if (cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size) {
    return { config: cloneValue(cached.config), header: { ...cached.header } };
  }
  const text = readFileSync(file, "utf8");
  const header = parseHeader(text);
  // An empty document is an empty config, as OmegaConf.load gives.
  const config = parseYaml(text, file) ?? new ConfigDict(undefined, { file });
  parsedFiles.set(file, { mtimeMs: st.mtimeMs, size: st.size, config, header });
  return { config: cloneValue(config), header: { ...header } };
}

export class FileConfigSource implements ConfigSource {
  readonly scheme: string = "file";
  readonly path: string;
  private readonly listings = new Map<string, Listing | null>();

  constructor(
    readonly provider: string,
    /** Absolute directory. */
    readonly root: string,
  ) {
    this.path = root;
  }

  available(): boolean {
    return this.listing("") !== null;
  }

  isGroup(p: string): boolean {
    if (!isSafeConfigPath(p)) return false;
    if (p === "") return this.available();
    const [parent, name] = splitConfigPath(p);
    return this.listing(parent)?.dirs.has(name) ?? false;
  }

  isConfig(p: string): boolean {
    if (!isSafeConfigPath(p) || p === "") return false;
    const [parent, name] = splitConfigPath(normalizeConfigFileName(p));
    return this.listing(parent)?.files.has(name) ?? false;
  }

  exists(p: string): boolean {
    return this.isGroup(p) || this.isConfig(p);
  }

  load(p: string): RawConfig {
    if (!this.isConfig(p)) {
      throw new MissingConfigError(`Config not found: ${p} in ${this.scheme}://${this.path}`);
    }
    const file = path.join(this.root, normalizeConfigFileName(p));
    return { ...readConfigFile(file), file };
  }

  listOptions(group: string): string[] {
    const listing = isSafeConfigPath(group) ? this.listing(group) : null;
    if (!listing) return [];
    const names = [...listing.files].map(configNameOfFile).filter((n): n is string => n !== undefined);
    return [...new Set(names)].sort();
  }

  listGroups(parent: string): string[] {
    const listing = isSafeConfigPath(parent) ? this.listing(parent) : null;
    return listing ? [...listing.dirs].filter((d) => d !== "__pycache__").sort() : [];
  }

  /** Files and sub-directories of a group dir (symlinks followed), or null when it is not a dir. */
  private listing(group: string): Listing | null {
    const cached = this.listings.get(group);
    if (cached !== undefined) return cached;
    let result: Listing | null = null;
    const dir = group === "" ? this.root : path.join(this.root, group);
    try {
      const entries = readdirSync(dir, { withFileTypes: true });
      result = { files: new Set(), dirs: new Set() };
      for (const e of entries) classifyEntry(dir, e, result);
    } catch {
      result = null;
    }
    this.listings.set(group, result);
    return result;
  }
}

function classifyEntry(dir: string, entry: Dirent, into: Listing): void {
  let isDir = entry.isDirectory();
  let isFile = entry.isFile();
  if (entry.isSymbolicLink()) {
    try {
      const st = statSync(path.join(dir, entry.name));
      isDir = st.isDirectory();
      isFile = st.isFile();
    } catch {
      return;
    }
  }
  if (isDir) into.dirs.add(entry.name);
  else if (isFile) into.files.add(entry.name);
}
