/**
 * composeConfig: Hydra's ConfigLoaderImpl._load_configuration_impl. Builds the search path, reads
 * `hydra.searchpath`, builds the defaults list, merges every config at its package, applies the
 * remaining overrides in struct mode and fills the `hydra` node.
 */
import { checkHydraKeys } from "./hydra-schema.js";
import { keyOriginFinder, type KeyOrigin } from "./key-origin.js";
import { ConfigDict, isContainer, isDict, isList, type ConfigValue } from "../config/node.js";
import { mergeInto } from "../config/merge.js";
import { ConfigCompositionError, ConfigTypeError, HydrantError, MissingConfigError, OverrideApplyError, SearchPathError } from "../errors.js";
import { parseOverrides } from "../overrides/index.js";
import type { Override } from "../overrides/types.js";
import { applyConfigOverrides } from "./apply-overrides.js";
import { createDefaultsList } from "./defaults/list.js";
import type { DefaultsListMemo } from "./defaults/memo.js";
import type { DefaultsTreeNode, ResultDefault } from "./defaults/elements.js";
import { isHydraOverride, isSweepOverride, overrideKey } from "./defaults/overrides.js";
import { registerBuiltinConfigs } from "./hydra-conf/index.js";
import { fillHydraNode } from "./hydra-node.js";
import { ConfigRepository } from "./repository.js";
import { ensureComposeResolvers } from "./hydra-resolvers.js";
import { describeSearchPath, initialSources, withHydraSearchPath, type SearchPathElement } from "./sources/search-path.js";
import type { ConfigSource } from "./sources/config-source.js";
import { compileConfigSchema, jsonSchemaOf, schemaDefaults, TypedMounts, type ConfigSchemaNode } from "../typed/index.js";

export type RunMode = "RUN" | "MULTIRUN";

export interface ComposeOptions {
  /** The app's config directory (search path provider `main`); relative to `cwd`. */
  configDir?: string;
  /** More search path entries after it: directories, `file://DIR`, `pkg://PACKAGE/DIR`. */
  searchPath?: string[];
  /** Primary config name (no extension); null/undefined composes from overrides alone. */
  configName?: string | null;
  overrides?: string[];
  /** RUN (default) rejects sweeps; MULTIRUN skips them and tolerates `???` group choices. */
  runMode?: RunMode;
  /** hydra.job.name when the config does not set it; default: the config name's last segment, or "app". */
  jobName?: string;
  /** Base for relative paths; default process.cwd(). */
  cwd?: string;
  /**
   * The sweep-without-multirun hint quotes for a shell (`key=\\'a,b\\'`) when true, as Hydra does for
   * its command line; false (default) gives `key='a,b'` as Hydra's compose API does.
   */
  fromShell?: boolean;
  /** The instant `${now:...}` answers when resolving through composeResolvers(); default: now. */
  instant?: Date;
  /** Environment for hydra.job.env_copy; default process.env. */
  env?: Record<string, string | undefined>;
  /**
   * The job config's schema (zod, valibot, arktype or a JSON Schema, as the ConfigStore takes them): its
   * defaults come first, as a dataclass first in the primary config's defaults list does in Hydra,
   * and it types the whole job config (the `hydra` node aside).
   */
  schema?: ConfigSchemaNode;
  /**
   * Reuses defaults lists between compositions that differ only in value overrides (one per sweep:
   * its jobs). Outputs are the same as without it.
   */
  defaultsMemo?: DefaultsListMemo;
}

export interface ComposeResult {
  /** The composed config WITH the `hydra` node, unresolved. */
  config: ConfigDict;
  defaults: ResultDefault[];
  defaultsTree: DefaultsTreeNode;
  searchPath: SearchPathElement[];
  /** hydra.runtime.choices: group (or group@pkg) → option. */
  choices: Record<string, string | null>;
  taskOverrides: string[];
  hydraOverrides: string[];
  /** The composition's instant, for `${now:...}` (see composeResolvers). */
  instant: Date;
  /** Where a key was set (the file and line of the config merged last that has it), for error messages. */
  keyOrigin: KeyOrigin;
}

export function defaultJobName(configName: string | null | undefined): string {
  if (!configName) return "app";
  const base = configName.slice(configName.lastIndexOf("/") + 1);
  return base.endsWith(".yaml") ? base.slice(0, -".yaml".length) : base;
}

export function composeConfig(options: ComposeOptions = {}): ComposeResult {
  registerBuiltinConfigs();
  ensureComposeResolvers();
  const cwd = options.cwd ?? process.cwd();
  const configName = options.configName ?? null;
  const runMode = options.runMode ?? "RUN";

  const parsed = parseOverrides(options.overrides ?? []);
  const repo = createRepository(options, configName, parsed, cwd);
  validateSweeps(parsed, runMode, options.fromShell ?? false);

  const listOptions = { repo, configName, overrides: parsed, skipMissing: runMode === "MULTIRUN" };
  const list = options.defaultsMemo ? options.defaultsMemo.create(listOptions) : createDefaultsList(listOptions);
  const typed = new TypedMounts();
  const cfg = mergeDefaults(list.defaults, repo, typed, options.schema);
  applyConfigOverrides(list.configOverrides, cfg, typed);

  const searchPath = describeSearchPath(repo.sources);
  fillHydraNode(cfg, {
    configName,
    jobName: options.jobName ?? defaultJobName(configName),
    taskOverrides: parsed.filter((o) => !isHydraOverride(o)),
    allOverrides: parsed,
    choices: list.overrides.knownChoices,
    searchPath,
    runMode,
    cwd,
    env: options.env ?? process.env,
  });

  return {
    config: cfg,
    defaults: list.defaults,
    defaultsTree: list.tree,
    searchPath,
    choices: Object.fromEntries(list.overrides.knownChoices),
    taskOverrides: parsed.filter((o) => !isHydraOverride(o)).map((o) => o.inputLine),
    hydraOverrides: parsed.filter(isHydraOverride).map((o) => o.inputLine),
    instant: options.instant ?? new Date(),
    keyOrigin: keyOriginFinder(list.defaults, repo, list.configOverrides),
  };
}

/** The search path of a composition, `hydra.searchpath` (from the primary config or overrides) included. */
function createRepository(
  options: Pick<ComposeOptions, "configDir" | "searchPath">,
  configName: string | null,
  parsed: readonly Override[],
  cwd: string,
): ConfigRepository {
  const sources = initialSources({ configDir: options.configDir, extra: options.searchPath, baseDir: cwd });
  ensureMainSourceAvailable(sources);
  const repo = new ConfigRepository(sources);
  processHydraSearchPath(repo, configName, parsed, cwd);
  return repo;
}

/** Options of a config group across the search path (what `glob()` sweeps and completion see). */
export function listOptions(
  options: Pick<ComposeOptions, "configDir" | "searchPath" | "configName" | "overrides" | "cwd">,
  group: string,
): string[] {
  registerBuiltinConfigs();
  const repo = createRepository(
    options,
    options.configName ?? null,
    parseOverrides(options.overrides ?? []),
    options.cwd ?? process.cwd(),
  );
  return repo.getGroupOptions(group);
}

function ensureMainSourceAvailable(sources: readonly ConfigSource[]): void {
  for (const s of sources) {
    if (s.provider === "command-line" && !s.available()) {
      throw new SearchPathError(`Additional config directory '${s.scheme}://${s.path}' not found`, { file: s.path });
    }
    if (s.provider !== "main" || s.available()) continue;
    const msg =
      s.scheme === "pkg"
        ? `Primary config module '${s.path}' not found.\nCheck that the package is installed and contains that directory`
        : `Primary config directory not found.\nCheck that the config directory '${s.path}' exists and readable`;
    throw new MissingConfigError(msg, { file: s.path });
  }
}

/** `hydra.searchpath` from the command line (`hydra.searchpath=[...]`) or the primary config. */
function processHydraSearchPath(repo: ConfigRepository, configName: string | null, parsed: readonly Override[], cwd: string): void {
  let primary: ConfigValue = new ConfigDict();
  if (configName !== null) primary = repo.loadConfig(configName)?.config ?? primary;
  if (!isDict(primary)) {
    throw new ConfigCompositionError(
      `primary config '${configName}' must be a DictConfig, got ${isList(primary) ? "ListConfig" : typeof primary}`,
    );
  }
  const fromCli = parsed.find((o) => o.type === "change" && overrideKey(o) === "hydra.searchpath");
  let value: unknown;
  let provider: string;
  if (fromCli) {
    value = plainOverrideValue(fromCli);
    provider = "hydra.searchpath in command-line";
  } else {
    const hydra = primary.get("hydra");
    value = isDict(hydra) ? hydra.get("searchpath") : undefined;
    if (isList(value)) value = value.items;
    provider = "hydra.searchpath in main";
  }
  if (value === undefined || value === null) return;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new ConfigCompositionError(`hydra.searchpath must be a list of strings. Got: ${pyDisplay(value)}`, {
      key: "hydra.searchpath",
    });
  }
  repo.setSources(withHydraSearchPath(repo.sources, value as string[], provider, cwd));
}

function plainOverrideValue(o: Override): unknown {
  const v = o.value;
  if (Array.isArray(v)) return v.map((x) => (typeof x === "object" && x !== null && "text" in x ? x.text : x));
  if (typeof v === "object" && v !== null && "text" in v) return v.text;
  return v;
}

function pyDisplay(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (typeof x === "string" ? `'${x}'` : pyDisplay(x))).join(", ")}]`;
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (isContainer(v)) return "<config>";
  return String(v);
}

function validateSweeps(parsed: readonly Override[], runMode: RunMode, fromShell: boolean): void {
  const quoted = fromShell ? "key=\\'value1,value2\\'" : "key='value1,value2'";
  for (const o of parsed) {
    if (!isSweepOverride(o)) continue;
    if (runMode === "MULTIRUN") {
      if (isHydraOverride(o)) {
        throw new OverrideApplyError(`Sweeping over Hydra's configuration is not supported : '${o.inputLine}'`, {
          override: o.inputLine,
        });
      }
    } else if (o.valueType === "simple_choice_sweep") {
      throw new OverrideApplyError(
        `Ambiguous value for argument '${o.inputLine}'\n` +
          "1. To use it as a list, use key=[value1,value2]\n" +
          `2. To use it as string, quote the value: ${quoted}\n` +
          "3. To sweep over it, add --multirun to your command line",
        { override: o.inputLine },
      );
    } else {
      throw new OverrideApplyError(`Sweep parameters '${o.inputLine}' requires --multirun`, { override: o.inputLine });
    }
  }
}

/** Wraps a config at its package: `a.b` → {a: {b: cfg}}; "" is the root. */
function embed(config: ConfigValue, pkg: string): ConfigValue {
  if (pkg === "") return config;
  return pkg
    .split(".")
    .reverse()
    .reduce<ConfigValue>((inner, key) => new ConfigDict([[key, inner]]), config);
}

function mergeDefaults(defaults: readonly ResultDefault[], repo: ConfigRepository, typed: TypedMounts, schema?: ConfigSchemaNode): ConfigDict {
  const cfg = new ConfigDict();
  if (schema !== undefined) {
    const type = compileConfigSchema(jsonSchemaOf(schema, "the job config"), "Config");
    mergeInto(cfg, schemaDefaults(type));
    typed.add("", type);
  }
  // The hydra node takes its schema (HydraConf) when hydra/config is merged; later configs must fit it.
  let hydraTyped = false;
  for (const [i, d] of defaults.entries()) {
    const loaded = repo.loadConfig(d.configPath);
    if (loaded === null) throw new MissingConfigError(`Could not load '${d.configPath}'`, { file: d.configPath });
    if (!isContainer(loaded.config)) {
      throw new ConfigCompositionError(`Config ${d.configPath} must be a mapping or a list, got a scalar`, {
        file: loaded.file,
      });
    }
    const embedded = embed(loaded.config, d.package);
    if (!d.primary && d.configPath !== "hydra/config" && hasSearchPath(embedded)) {
      throw new ConfigCompositionError(
        `In '${d.configPath}': Overriding hydra.searchpath is only supported from the primary config`,
        { file: loaded.file },
      );
    }
    mergeOne(cfg, embedded, d, loaded.file, hydraTyped);
    if (d.configPath === "hydra/config") hydraTyped = true;
    if (loaded.schema) typed.add(d.package, loaded.schema);
    if (typed.size > 0) checkTyped(cfg, typed, d, keyOriginFinder(defaults.slice(0, i + 1), repo, []));
  }
  return cfg;
}

/** OmegaConf checks a typed node as a config merges into it: so does this, after each merge, naming that config. */
function checkTyped(cfg: ConfigDict, typed: TypedMounts, d: ResultDefault, origin: KeyOrigin): void {
  try {
    typed.check(cfg, d.package);
  } catch (e) {
    if (!(e instanceof HydrantError)) throw e;
    const kind = e instanceof ConfigTypeError ? "ValidationError" : "ConfigKeyError";
    const at = e.key === undefined ? undefined : origin(e.key);
    throw new ConfigCompositionError(`In '${d.configPath}': ${kind} raised while composing config:\n${e.message}`, {
      ...at,
      key: e.key,
      cause: e,
    });
  }
}

function hasSearchPath(v: ConfigValue): boolean {
  const hydra = isDict(v) ? v.get("hydra") : undefined;
  const sp = isDict(hydra) ? hydra.get("searchpath") : undefined;
  return sp !== undefined && sp !== null;
}

function mergeOne(cfg: ConfigDict, embedded: ConfigValue, d: ResultDefault, file: string, hydraTyped: boolean): void {
  try {
    if (!isDict(embedded)) throw new ConfigCompositionError("Cannot merge DictConfig with ListConfig");
    if (hydraTyped) checkHydraKeys(embedded.get("hydra"), cfg.get("hydra"));
    mergeInto(cfg, embedded);
  } catch (e) {
    if (!(e instanceof HydrantError)) throw e;
    throw new ConfigCompositionError(`In '${d.configPath}': ${e.constructor.name} raised while composing config:\n${e.message}`, {
      file,
      cause: e,
    });
  }
}

