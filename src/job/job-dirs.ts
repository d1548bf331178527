/**
 * Where a run or a sweep's job goes, as Hydra lays it out, and the `.hydra/` files it leaves there.
 */
import { closeSync, fchmodSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import type { ConfigDict } from "../config/node.js";
import { ConfigKeyError } from "../errors.js";
import { checkOutputDir, jobDirInside } from "./dir-safety.js";
import { getPath, setPath } from "../config/path.js";
import { toYaml } from "../config/yaml.js";
import { hydraOnly, resolvePathString, withoutHydra } from "../compose/helpers.js";

/** The run dir of a single run: `hydra.run.dir`, absolute. */
export function runDirOf(cfg: ConfigDict, cwd = process.cwd()): string {
  const dir = path.resolve(cwd, requiredDir(cfg, "hydra.run.dir"));
  checkOutputDir(dir, "hydra.run.dir");
  return dir;
}

/** The sweep dir of a multirun: `hydra.sweep.dir`, absolute. */
export function sweepDirOf(cfg: ConfigDict, cwd = process.cwd()): string {
  const dir = path.resolve(cwd, requiredDir(cfg, "hydra.sweep.dir"));
  checkOutputDir(dir, "hydra.sweep.dir");
  return dir;
}

function requiredDir(cfg: ConfigDict, key: string): string {
  const dir = resolvePathString(cfg, key);
  if (!dir) throw new ConfigKeyError(`'${key}' is not set: give it a value in your config or with ${key}=DIR.`, { key });
  return dir;
}

/**
 * Pins the sweep dir to a literal: a resumed sweep must land in its old dir, not a new `${now:…}`.
 * (Within one process the `now` resolver's cache already keeps every job on the master's instant,
 * as Hydra's copy of the master's resolver cache does.)
 */
export function pinSweepDir(cfg: ConfigDict, sweepDir: string): void {
  setPath(cfg, "hydra.sweep.dir", sweepDir);
}

/** Sets `hydra.job.num/id` and `hydra.runtime.output_dir` for a sweep job; returns its dir. */
export function placeSweepJob(cfg: ConfigDict, num: number, sweepDir: string, pin: boolean): string {
  setPath(cfg, "hydra.job.num", num);
  setPath(cfg, "hydra.job.id", num);
  if (pin) pinSweepDir(cfg, sweepDir);
  const subdir = resolvePathString(cfg, "hydra.sweep.subdir") ?? String(num);
  const dir = jobDirInside(sweepDir, subdir);
  setPath(cfg, "hydra.runtime.output_dir", dir);
  return dir;
}

/**
 * The sweep dir of a placed sweep job (the inverse of {@link placeSweepJob}), from its job dir:
 * `hydra.sweep.dir` resolved again is not the sweep's dir when it holds `${now:…}` (the default), since
 * the sweep composed it at its own instant. Launchers derive job ids and their own files from this.
 */
export function sweepDirOfJob(job: { config: ConfigDict; jobDir: string; num?: number }): string {
  const subdir = resolvePathString(job.config, "hydra.sweep.subdir") ?? String(job.num ?? 0);
  const depth = path.normalize(subdir).split(/[\\/]/).filter((s) => s !== "" && s !== ".").length;
  let dir = path.resolve(job.jobDir);
  for (let i = 0; i < Math.max(1, depth); i++) dir = path.dirname(dir);
  return dir;
}

/** Sets `hydra.runtime.output_dir` for a single run; returns its dir. */
export function placeRun(cfg: ConfigDict, cwd = process.cwd()): string {
  const dir = runDirOf(cfg, cwd);
  setPath(cfg, "hydra.runtime.output_dir", dir);
  return dir;
}

/** `hydra.output_subdir` (".hydra" by default; null turns the files off). */
export function outputSubdir(cfg: ConfigDict): string | undefined {
  const v = getPath(cfg, "hydra.output_subdir");
  if (v === null) return undefined;
  return v === undefined ? ".hydra" : String(resolvePathString(cfg, "hydra.output_subdir"));
}

/**
 * The resolved job config a command reads (`{config}`, `$HYDRANT_CONFIG`), next to config.yaml. It
 * holds every interpolation's value (`${oc.env:TOKEN}` included), so only its owner may read it.
 */
export const RESOLVED_CONFIG_FILE = "config.resolved.yaml";

/** Writes a file only its owner can read or write (mode 600, also when it already existed). */
export function writePrivateFile(file: string, content: string, dirExists = false): string {
  if (!dirExists) mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, "w", 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return file;
}

/**
 * Writes `config.yaml` (the job config, no hydra node, unresolved as Hydra writes it: a secret read
 * through `${oc.env:…}` stays a reference), `hydra.yaml` (the hydra node) and `overrides.yaml` (the
 * task overrides) like Hydra's run_job. `jobConfigYaml` replaces the first one's content.
 */
export function writeHydraFiles(cfg: ConfigDict, jobDir: string, jobConfigYaml?: string): string | undefined {
  const sub = outputSubdir(cfg);
  if (sub === undefined) {
    mkdirSync(jobDir, { recursive: true });
    return undefined;
  }
  const dir = path.resolve(jobDir, sub);
  mkdirSync(dir, { recursive: true });
  // Plain writes: these are rewritten whole if the job runs again, so no fsync/rename cost per job.
  writeFileSync(path.join(dir, "config.yaml"), jobConfigYaml ?? toYaml(withoutHydra(cfg)));
  writeFileSync(path.join(dir, "hydra.yaml"), toYaml(hydraOnly(cfg)));
  const overrides = getPath(cfg, "hydra.overrides.task");
  writeFileSync(path.join(dir, "overrides.yaml"), overrides === undefined ? "[]\n" : toYaml(overrides));
  return dir;
}
