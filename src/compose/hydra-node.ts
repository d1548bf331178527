/**
 * Fills the runtime part of the `hydra` node after composition, as Hydra's config loader does:
 * the overrides, the choices, job name / config name / override_dirname, runtime info.
 */
import { ConfigDict, ConfigList, isDict, isList, type ConfigValue } from "../config/node.js";
import { checkInterpolationSyntax } from "../config/interpolation/index.js";
import { ConfigCompositionError, HydrantError } from "../errors.js";
import type { Override } from "../overrides/types.js";
import type { SearchPathElement } from "./sources/search-path.js";

/** The Hydra version whose behaviour hydrant reproduces (reported as hydra.runtime.version). */
export const HYDRA_VERSION = "1.3.2";
export const VERSION_BASE = "1.3";

/** The dict at `path` under `root`, created (and replacing a non-dict) when needed. */
export function dictAt(root: ConfigDict, path: readonly string[]): ConfigDict {
  let node = root;
  for (const key of path) {
    let next = node.get(key);
    if (!isDict(next)) {
      next = new ConfigDict();
      node.set(key, next);
    }
    node = next;
  }
  return node;
}

function stringList(v: ConfigValue | undefined): string[] {
  return isList(v) ? v.items.filter((x): x is string => typeof x === "string") : [];
}

/** `a=1,b=2`: the task overrides, sorted, `=` replaced by kv_sep (Hydra's get_overrides_dirname). */
export function overridesDirname(overrides: readonly Override[], kvSep: string, itemSep: string, exclude: readonly string[]): string {
  const lines = overrides.filter((o) => !exclude.includes(o.keyOrGroup)).map((o) => o.inputLine);
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return lines.join(itemSep).replaceAll("=", kvSep);
}

export interface RuntimeFacts {
  configName: string | null;
  jobName: string;
  taskOverrides: readonly Override[];
  allOverrides: readonly Override[];
  choices: ReadonlyMap<string, string | null>;
  searchPath: readonly SearchPathElement[];
  runMode: "RUN" | "MULTIRUN";
  cwd: string;
  env: Record<string, string | undefined>;
}

/**
 * An override's text as it goes into `hydra.overrides.<list>`: a string node, whose interpolation syntax
 * OmegaConf checks (`+v='${f:\'a\'}'` parses as an override, but its text is not a valid interpolation).
 */
function recordedOverride(line: string, list: "hydra" | "task"): string {
  try {
    checkInterpolationSyntax(line);
  } catch (e) {
    if (!(e instanceof HydrantError)) throw e;
    throw new ConfigCompositionError(
      `The override ${line} cannot be recorded in hydra.overrides.${list}: its text is a config string, where \${ starts an interpolation.\n` +
        `${e.message}\nWrite the override so that its text is valid there too (e.g. "..." around a value that holds '...').`,
      { override: line, cause: e },
    );
  }
  return line;
}

export function fillHydraNode(cfg: ConfigDict, facts: RuntimeFacts): void {
  const hydra = dictAt(cfg, ["hydra"]);
  const overrides = dictAt(hydra, ["overrides"]);
  const hydraList = isList(overrides.get("hydra")) ? (overrides.get("hydra") as ConfigList) : new ConfigList();
  const taskList = isList(overrides.get("task")) ? (overrides.get("task") as ConfigList) : new ConfigList();
  for (const o of facts.allOverrides) {
    const list = isHydraKey(o.keyOrGroup) ? hydraList : taskList;
    list.items.push(recordedOverride(o.inputLine, list === hydraList ? "hydra" : "task"));
  }
  overrides.set("hydra", hydraList);
  overrides.set("task", taskList);

  const choices = dictAt(hydra, ["runtime", "choices"]);
  for (const [k, v] of facts.choices) choices.set(k, v);

  const job = dictAt(hydra, ["job"]);
  const envSet = dictAt(job, ["env_set"]);
  for (const key of stringList(job.get("env_copy"))) {
    const v = facts.env[key];
    if (v === undefined) throw new ConfigCompositionError(`hydra.job.env_copy: environment variable '${key}' is not set`, { key });
    envSet.set(key, v);
  }

  const runtime = dictAt(hydra, ["runtime"]);
  runtime.set("version", HYDRA_VERSION);
  runtime.set("version_base", VERSION_BASE);
  runtime.set("cwd", facts.cwd);
  runtime.set("config_sources", configSources(facts.searchPath));

  const name = job.get("name");
  if (name === undefined || name === "???") job.set("name", facts.jobName);
  const od = dictAt(job, ["config", "override_dirname"]);
  job.set(
    "override_dirname",
    overridesDirname(facts.taskOverrides, strOr(od.get("kv_sep"), "="), strOr(od.get("item_sep"), ","), stringList(od.get("exclude_keys"))),
  );
  job.set("config_name", facts.configName);
  if (hydra.get("mode") === null || hydra.get("mode") === undefined) hydra.set("mode", facts.runMode);
}

function strOr(v: ConfigValue | undefined, fallback: string): string {
  return typeof v === "string" ? v : v === undefined || v === null ? fallback : String(v);
}

function configSources(searchPath: readonly SearchPathElement[]): ConfigList {
  return new ConfigList(
    searchPath.map((e) => {
      const m = /^([^:]+):\/\/(.*)$/s.exec(e.path);
      return new ConfigDict([
        ["path", m ? m[2]! : e.path],
        ["schema", m ? m[1]! : "file"],
        ["provider", e.provider],
      ]);
    }),
  );
}

export function isHydraKey(keyOrGroup: string): boolean {
  return keyOrGroup === "hydra" || keyOrGroup.startsWith("hydra.") || keyOrGroup.startsWith("hydra/");
}
