/**
 * A past job, ready to run again: its saved composition (`.hydra/config.yaml` + `.hydra/hydra.yaml`,
 * as Hydra's `--experimental-rerun` reuses the pickled config) with extra value overrides on top, in a
 * new output dir unless the overrides say where.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isHydraOverride } from "../compose/defaults/overrides.js";
import { applyConfigOverrides } from "../compose/apply-overrides.js";
import { ensureComposeResolvers } from "../compose/hydra-resolvers.js";
import { ConfigDict, ConfigList, isDict, type ConfigValue } from "../config/node.js";
import { parseYaml } from "../config/yaml.js";
import { OverrideApplyError, UsageError, ManifestError } from "../errors.js";
import { parseOverrides } from "../overrides/index.js";
import type { Override } from "../overrides/types.js";
import { getPath, setPath } from "../config/path.js";
import { resolvePathString } from "../compose/helpers.js";
import type { ComposeResult } from "../compose/compose.js";
import { runDirOf } from "../job/job-dirs.js";
import type { AppTask, TaskRef } from "../core/task.js";
import { readManifest } from "../runs/manifest.js";
import type { AppArgs } from "./types.js";

const DEFAULT_RUN_DIR = "outputs/${now:%Y-%m-%d}/${now:%H-%M-%S}";

/** The `.hydra/` dir of a job dir (`hydra.output_subdir`, `.hydra` unless it was moved). */
export function hydraFilesDir(jobDir: string): string {
  const dir = path.resolve(jobDir);
  if (existsSync(path.join(dir, ".hydra", "hydra.yaml"))) return path.join(dir, ".hydra");
  if (existsSync(path.join(dir, "hydra.yaml"))) return dir;
  throw new ManifestError(`Cannot rerun '${jobDir}': it holds no .hydra/hydra.yaml. Give the output dir of a job (a run dir, or a job dir inside a sweep).`);
}

export function loadRerun(jobDir: string, extra: readonly string[]): Pick<ComposeResult, "config" | "taskOverrides" | "keyOrigin"> {
  // `${now:…}` in the saved hydra.run.dir: the resolvers composition would have registered.
  ensureComposeResolvers();
  const files = hydraFilesDir(jobDir);
  const config = readDict(path.join(files, "config.yaml"));
  const hydra = readDict(path.join(files, "hydra.yaml")).get("hydra");
  if (!isDict(hydra)) throw new ManifestError(`Cannot rerun '${jobDir}': ${path.join(files, "hydra.yaml")} has no 'hydra' node.`);
  config.set("hydra", hydra);
  const previousDir = resolvePathString(config, "hydra.runtime.output_dir");
  const parsed = parseOverrides(extra);
  refuseGroupOverrides(parsed, config);
  applyConfigOverrides(parsed, config);
  recordOverrides(config, parsed);
  if (previousDir !== undefined && !parsed.some((o) => o.keyOrGroup === "hydra.run.dir") && runDirOf(config) === path.resolve(previousDir)) {
    // The job's own dir came from a fixed hydra.run.dir: a rerun must not write over it.
    setPath(config, "hydra.run.dir", DEFAULT_RUN_DIR);
  }
  return { config, taskOverrides: stringList(getPath(config, "hydra.overrides.task")), keyOrigin: () => undefined };
}

/** The items of a saved list as text; [] when it is not a list. */
function stringList(v: ConfigValue | undefined): string[] {
  return v instanceof ConfigList ? v.items.map((x) => String(x)) : [];
}

function readDict(file: string): ConfigDict {
  if (!existsSync(file)) throw new ManifestError(`Cannot rerun: ${file} is missing.`, { file });
  const value = parseYaml(readFileSync(file, "utf8"), file);
  return isDict(value) ? value : new ConfigDict();
}

/** The saved config is already composed: a config group cannot be chosen again, only values changed. */
function refuseGroupOverrides(overrides: Override[], config: ConfigDict): void {
  for (const o of overrides) {
    const current = getPath(config, o.keyOrGroup);
    const isGroupChoice = o.pkg !== undefined || o.keyOrGroup.includes("/") || (isDict(current) && o.value !== undefined && typeof o.value === "string");
    if (isGroupChoice) throw new OverrideApplyError(`Rerun changes values of the saved config; '${o.inputLine}' would choose a config group option. Run the app again with it instead (the job's overrides are in its .hydra/overrides.yaml).`, { override: o.inputLine, key: o.keyOrGroup });
  }
}

/** overrides.yaml and hydra.yaml of the rerun list the job's overrides, then the new ones. */
function recordOverrides(config: ConfigDict, parsed: Override[]): void {
  const task = stringList(getPath(config, "hydra.overrides.task"));
  const hydra = stringList(getPath(config, "hydra.overrides.hydra")).filter((o) => !o.startsWith("hydra.mode="));
  for (const o of parsed) (isHydraOverride(o) ? hydra : task).push(o.inputLine);
  setPath(config, "hydra.overrides.task", new ConfigList(task));
  setPath(config, "hydra.overrides.hydra", new ConfigList(hydra));
}

/** A function task reruns itself; a command comes from `-- CMD`, else from the job's sweep manifest. */
export function rerunTask(task: AppTask, args: AppArgs): TaskRef {
  if (typeof task === "function") return { kind: "function", fn: task };
  const argv = task.command.length > 0 ? task.command : args.command?.length ? args.command : sweepCommand(args.rerun as string);
  if (argv && argv.length > 0) return { kind: "command", argv };
  throw new UsageError(`Cannot tell what '${args.rerun}' ran: give the command after \`--\` (hydrant rerun ${args.rerun} -- CMD ARGS…), or, for a main() app's job, run the app with --rerun ${args.rerun}.`);
}

/** A sweep job's command, recorded in the sweep's experiment.json (one level up). */
function sweepCommand(jobDir: string): string[] | undefined {
  try {
    return readManifest(path.dirname(path.resolve(jobDir))).origin.command;
  } catch {
    return undefined;
  }
}
