/**
 * A directory of YAML configs. Parsed files and directory listings are cached process-wide and
 * revalidated with one `stat` per use (mtime, ctime, size, inode), so repeated compositions (sweeps,
 * the compose API) read and parse each file once. An entry whose timestamps are too close to the
 * moment it was read is never trusted, since a second change within the file system's timestamp
 * granularity would be invisible ("racily clean", as git calls it); such entries are read again.
 */
import { readYamlText } from "../../config/yaml-limits.js";
import { readdirSync, statSync, type Dirent, type Stats } from "node:fs";
import path from "node:path";
import { cloneValue, type ConfigValue } from "../../config/node.js";
import { loadConfigText } from "../../config/load-config.js";
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

/** What identifies a version of a file or directory, and whether it is safe to rely on. */
interface Stamp {
  mtimeMs: number;
  ctimeMs: number;
  size: number;
  ino: number;
  /** False when the entry was read so soon after a change that another change could hide behind it. */
  settled: boolean;
}

/** Changes younger than this when read may share a timestamp with a later change. */
const RACY_WINDOW_MS = 2000;

function stampOf(st: Stats, readAt: number): Stamp {
  const settled = st.mtimeMs < readAt - RACY_WINDOW_MS && st.ctimeMs < readAt - RACY_WINDOW_MS;
  return { mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, size: st.size, ino: st.ino, settled };
}

function stillValid(stamp: Stamp, st: Stats): boolean {
  return stamp.settled && stamp.mtimeMs === st.mtimeMs && stamp.ctimeMs === st.ctimeMs && stamp.size === st.size && stamp.ino === st.ino;
}

interface ParsedFile {
  stamp: Stamp;
  config: ConfigValue;
  header: ConfigHeader;
}

const parsedFiles = new Map<string, ParsedFile>();

/**
 * The parsed file, shared with every other caller: it must not be modified (composition only reads
 * it; merging copies what it takes).
 */
export function readConfigFileShared(file: string): { config: ConfigValue; header: ConfigHeader } {
  const st = statSync(file);
  const cached = parsedFiles.get(file);
  if (cached && stillValid(cached.stamp, st)) return cached;
  const readAt = Date.now();
  const text = readYamlText(file);
  const header = parseHeader(text);
  // As OmegaConf.load: an empty document is an empty config, a lone string a key.
  const config = loadConfigText(text, file);
  const parsed: ParsedFile = { stamp: stampOf(st, readAt), config, header };
  parsedFiles.set(file, parsed);
  return parsed;
}

/** Parses a YAML config file (a private copy), reusing the last parse while the file is unchanged. */
export function readConfigFile(file: string): { config: ConfigValue; header: ConfigHeader } {
  const shared = readConfigFileShared(file);
  return { config: cloneValue(shared.config), header: { ...shared.header } };
}

interface CachedListing {
  stamp: Stamp;
  listing: Listing;
}

/** Directory listings without symlinks (a link's target can change without its directory changing). */
const listings = new Map<string, CachedListing>();

/** Files and sub-directories of `dir` (symlinks followed), or null when it is not a directory. */
function readListing(dir: string): Listing | null {
  let st: Stats | undefined;
  try {
    // Most lookups are of Hydra's own groups in the app's dir, where they are absent: no Error built.
    st = statSync(dir, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (st === undefined) return null;
  const cached = listings.get(dir);
  if (cached && stillValid(cached.stamp, st)) return cached.listing;
  const readAt = Date.now();
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  const listing: Listing = { files: new Set(), dirs: new Set() };
  let hasLinks = false;
  for (const e of entries) hasLinks = classifyEntry(dir, e, listing) || hasLinks;
  if (hasLinks) listings.delete(dir);
  else listings.set(dir, { stamp: stampOf(st, readAt), listing });
  return listing;
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
    const file = this.fileOf(p);
    return { ...readConfigFile(file), file };
  }

  loadShared(p: string): RawConfig {
    const file = this.fileOf(p);
    const { config, header } = readConfigFileShared(file);
    return { config, header, file };
  }

  private fileOf(p: string): string {
    if (!this.isConfig(p)) {
      throw new MissingConfigError(`Config not found: ${p} in ${this.scheme}://${this.path}`);
    }
    return path.join(this.root, normalizeConfigFileName(p));
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

  /** Files and sub-directories of a group dir, or null when it is not a dir (checked once per source). */
  private listing(group: string): Listing | null {
    let result = this.listings.get(group);
    if (result === undefined) {
      result = readListing(group === "" ? this.root : path.join(this.root, group));
      this.listings.set(group, result);
    }
    return result;
  }
}

/** Files a directory entry; returns whether it was a symlink. */
function classifyEntry(dir: string, entry: Dirent, into: Listing): boolean {
  let isDir = entry.isDirectory();
  let isFile = entry.isFile();
  const isLink = entry.isSymbolicLink();
  if (isLink) {
    try {
      const st = statSync(path.join(dir, entry.name));
      isDir = st.isDirectory();
      isFile = st.isFile();
    } catch {
      return true;
    }
  }
  if (isDir) into.dirs.add(entry.name);
  else if (isFile) into.files.add(entry.name);
  return isLink;
}
