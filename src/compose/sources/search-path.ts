/**
 * The config search path, in Hydra's order: `pkg://hydra.conf` (hydra), the app's config dir (main),
 * extra command-line dirs, `hydra.searchpath` entries, and last the ConfigStore (schema). The first
 * source that has a config wins.
 */
import path from "node:path";
import { SearchPathError } from "../../errors.js";
import { createHydraConfSource, registerBuiltinConfigs } from "../hydra-conf/index.js";
import { configStore } from "./config-store.js";
import type { ConfigSource } from "./config-source.js";
import { FileConfigSource } from "./file-source.js";
import { MemoryConfigSource } from "./memory-source.js";
import { PackageConfigSource } from "./package-source.js";

export interface SearchPathElement {
  provider: string;
  /** With its scheme: `file:///abs/conf`, `pkg://name/dir`, `structured://`. */
  path: string;
}

/**
 * Turns a search path string into a source. A bare path or `file://` is a directory, relative to
 * `baseDir`; `pkg://` is a directory inside an installed npm package.
 */
export function createSource(provider: string, entry: string, baseDir: string): ConfigSource {
  if (entry === "pkg://hydra.conf") return createHydraConfSource();
  if (entry === "structured://") return createStoreSource(provider);
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(.*)$/s.exec(entry);
  const scheme = m ? m[1]! : "file";
  const rest = m ? m[2]! : entry;
  if (scheme === "file") return new FileConfigSource(provider, path.resolve(baseDir, rest));
  if (scheme === "pkg") return new PackageConfigSource(provider, rest, baseDir);
  throw new SearchPathError(
    `Unsupported search path entry '${entry}' (provider ${provider}): use a directory, file://DIR or pkg://PACKAGE/DIR`,
  );
}

/** The ConfigStore as a source. */
export function createStoreSource(provider = "schema"): MemoryConfigSource {
  registerBuiltinConfigs();
  return new MemoryConfigSource(provider, "structured", "", configStore);
}

export interface InitialSearchPathOptions {
  /** The app's config directory (provider `main`). */
  configDir?: string;
  /** More entries after it (provider `command-line`). */
  extra?: readonly string[];
  baseDir: string;
}

/** The search path before `hydra.searchpath` is read from the primary config or overrides. */
export function initialSources(opts: InitialSearchPathOptions): ConfigSource[] {
  const sources: ConfigSource[] = [createHydraConfSource()];
  if (opts.configDir !== undefined) sources.push(createSource("main", opts.configDir, opts.baseDir));
  for (const e of opts.extra ?? []) sources.push(createSource("command-line", e, opts.baseDir));
  sources.push(createStoreSource());
  return sources;
}

/** Inserts `hydra.searchpath` entries just before the ConfigStore, as Hydra does. */
export function withHydraSearchPath(
  sources: readonly ConfigSource[],
  entries: readonly string[],
  provider: string,
  baseDir: string,
): ConfigSource[] {
  const schema = sources[sources.length - 1]!;
  const added = entries.map((e) => createSource(provider, e, baseDir));
  return [...sources.slice(0, -1), ...added, schema];
}

export function describeSearchPath(sources: readonly ConfigSource[]): SearchPathElement[] {
  return sources.map((s) => ({ provider: s.provider, path: `${s.scheme}://${s.path}` }));
}
