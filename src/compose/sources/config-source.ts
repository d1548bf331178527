/**
 * A config source is one entry of the search path: a directory, an npm package directory, or an
 * in-memory store. Paths inside a source are like Hydra's: `db/mysql` (no extension), groups are
 * directories, the root group is "".
 */
import type { ConfigValue } from "../../config/node.js";
import { ConfigCompositionError } from "../../errors.js";
import type { ObjectField } from "../../typed/index.js";

export interface ConfigHeader {
  /** The `# @package` value, verbatim; undefined when the file has none. */
  package?: string;
}

/** A config as a source read it: the whole YAML document (defaults list still inside) and its header. */
export interface RawConfig {
  config: ConfigValue;
  header: ConfigHeader;
  /** Where it came from, for error messages (absolute file or `scheme://path/name.yaml`). */
  file: string;
  /** The schema typing it, for a config stored as a schema (its `config` is then the schema's defaults). */
  schema?: ObjectField;
}

export interface ConfigSource {
  /** Who added it to the search path: hydra, main, command-line, hydra.searchpath in main, schema… */
  readonly provider: string;
  /** `file`, `pkg`, `structured`. */
  readonly scheme: string;
  /** The location without the scheme prefix (`/abs/conf`, `hydra.conf`, `name/dir`). */
  readonly path: string;
  /** False when the location does not exist (a missing dir or package). */
  available(): boolean;
  isGroup(path: string): boolean;
  isConfig(path: string): boolean;
  exists(path: string): boolean;
  /** Reads a config (a private copy); throws MissingConfigError when it is not there. */
  load(path: string): RawConfig;
  /**
   * Like load, but the config may be shared with other callers and a cache: callers must not modify
   * it. Optional; composition uses it to avoid copying every config it reads.
   */
  loadShared?(path: string): RawConfig;
  /** Config names directly inside a group, sorted. */
  listOptions(group: string): string[];
  /** Sub-groups directly inside a group, sorted. */
  listGroups(parent: string): string[];
}

/** `provider=main, path=file:///abs/conf`, as Hydra prints a source. */
export function formatSource(source: ConfigSource): string {
  return `provider=${source.provider}, path=${source.scheme}://${source.path}`;
}

/** Hydra 1.2+ only knows `.yaml`: `config` and `config.yaml` both mean the file `config.yaml`. */
export function normalizeConfigFileName(path: string): string {
  return path.endsWith(".yaml") ? path : `${path}.yaml`;
}

/** The name a listed file stands for, or undefined for files that are not configs. */
export function configNameOfFile(fileName: string): string | undefined {
  return fileName.endsWith(".yaml") ? fileName.slice(0, -".yaml".length) : undefined;
}

/**
 * Reads the `# @key value` lines at the top of a file, like Hydra: blank lines are skipped and the
 * first line that is not such a header ends the header block.
 */
export function parseHeader(text: string): ConfigHeader {
  const header: ConfigHeader = {};
  for (const raw of text.slice(0, 512).split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    if (!/^#\s*@/.test(line)) break;
    const parts = line.replace(/^#+/, "").trim().split(" ").filter((s) => s.length > 0);
    if (parts.length !== 2) {
      const problem = parts.length < 2 ? "Expected header format: KEY VALUE, got" : "Too many components in";
      throw new ConfigCompositionError(`${problem} '${line.replace(/^#+/, "").trim()}'`);
    }
    const [key, value] = parts as [string, string];
    if (key === "@package") header.package = value;
  }
  return header;
}

/**
 * True when a config or group path stays inside its source: no `..`/`.` segments, no absolute or
 * backslash paths, no NUL. Hydra never reads outside the search path, neither do we.
 */
export function isSafeConfigPath(path: string): boolean {
  if (path === "") return true;
  if (path.charCodeAt(0) === 47 || /^[a-zA-Z]:/.test(path)) return false; // "/" or a drive letter
  // One pass over the segments (this runs for every lookup of every composition).
  let segStart = 0;
  for (let i = 0; i <= path.length; i++) {
    const c = i === path.length ? 47 : path.charCodeAt(i);
    if (c === 92 || c === 0) return false; // backslash, NUL
    if (c !== 47) continue;
    const len = i - segStart;
    if (len === 0) return false;
    if (path.charCodeAt(segStart) === 46 && (len === 1 || (len === 2 && path.charCodeAt(segStart + 1) === 46))) return false;
    segStart = i + 1;
  }
  return true;
}

/** Splits `a/b/c` into `["a/b", "c"]`; the group of a top-level name is "". */
export function splitConfigPath(path: string): [group: string, name: string] {
  const i = path.lastIndexOf("/");
  return i === -1 ? ["", path] : [path.slice(0, i), path.slice(i + 1)];
}
