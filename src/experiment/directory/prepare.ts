/**
 * Turns a spec into an experiment dir. Up to {@link WRITTEN_UP_TO} runs, every run's resolved config
 * is written and every run is pending in experiment.json, all built before the dir is created, so a
 * spec that cannot be built leaves nothing behind and runs nothing. A bigger grid is lazy like a
 * multirun's: only its first run is built (as that check), and each run's config and record are
 * written when it starts (see execute.ts).
 */
import { existsSync, rmdirSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../../runs/atomic.js";
import { ExperimentSpecError } from "../../errors.js";
import { writePrivateFile } from "../../job/job-dirs.js";
import { MODES_FILE } from "../definition/modes.js";
import { toYaml } from "../../config/yaml.js";
import { ManifestWriter } from "../../runs/manifest-writer.js";
import { RunConfigBuilder } from "../definition/build-config.js";
import { runGrid, valuesAsOverrides } from "../definition/run-plans.js";
import { configPathOf, DEFAULT_ROOT, experimentDirName, runDirOf, SPEC_COPY } from "./layout.js";
import { claimNewSweepDir, type SweepLock } from "../../runs/sweep-lock.js";
import type { ExperimentOrigin, ExperimentRunRecord, ExperimentSpec, RunPlan, SpecWarning } from "../definition/types.js";

/** Where and how an experiment dir is set up before its first run. */
export interface PrepareOptions {
  /** Where experiment dirs go; default `./experiments`. */
  root?: string;
  /** The instant naming the experiment dir; default now. */
  now?: Date;
  /** Runs at once, recorded for the runs to come. */
  parallel?: number;
  /** Where commands run; default process.cwd(). */
  cwd?: string;
  /**
   * Arguments appended to the spec's command (what follows `--` on the command line, and the
   * simulation flags), or the whole command when the spec names only a mode.
   */
  forward?: readonly string[];
}

export interface PreparedExperiment {
  dir: string;
  total: number;
  warnings: SpecWarning[];
}

/** Experiments up to this many runs have every config written before the first run starts. */
export const WRITTEN_UP_TO = 10_000;

/** Prepares the experiment dir; it is free for anyone to run once this returns. */
export function prepareExperiment(spec: ExperimentSpec, options: PrepareOptions = {}): PreparedExperiment {
  const { lock, ...prepared } = prepareLocked(spec, options);
  lock.release();
  return prepared;
}

/**
 * Prepares the experiment dir and keeps holding its lock, for a caller that runs it next: a dir of
 * its own (never one that already has a manifest, even for two experiments started in the same
 * second), that no other process can start running in between.
 */
export function prepareLocked(spec: ExperimentSpec, options: PrepareOptions = {}): PreparedExperiment & { lock: SweepLock } {
  const cwd = options.cwd ?? process.cwd();
  const command = experimentCommandOf(spec, options.forward);
  const root = path.resolve(cwd, options.root ?? DEFAULT_ROOT);
  const rootExisted = existsSync(root);
  const grid = runGrid(spec);
  const lock = claimNewSweepDir(experimentDirName(root, spec.name, options.now ?? new Date()));
  const dir = lock.dir;
  try {
    const builder = new RunConfigBuilder(spec);
    const build = (plan: RunPlan) => ({ plan, yaml: toYaml(builder.build(plan, runDirOf(dir, plan.num, grid.total))) });
    const built = grid.total <= WRITTEN_UP_TO ? [...grid.plans()].map(build) : [];
    if (grid.total > WRITTEN_UP_TO) {
      const [head] = grid.plans();
      if (head) build(head);
    }
    writeExperiment(spec, dir, built, { total: grid.total, cwd, command, parallel: options.parallel });
    return { dir, total: grid.total, warnings: [...spec.warnings, ...builder.warnings], lock };
  } catch (e) {
    lock.release();
    removeIfEmpty(dir);
    if (!rootExisted) removeIfEmpty(root);
    throw e;
  }
}

/** A spec that cannot be built leaves nothing behind: the dir it claimed goes (unless something else is in it). */
function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty (not ours alone), or already gone
  }
}

interface DirFacts {
  total: number;
  cwd: string;
  command: string[];
  parallel?: number;
}

/** The dir's files: the spec's copy, the configs built up front, the manifest (its runs pending). */
function writeExperiment(spec: ExperimentSpec, dir: string, built: readonly { plan: RunPlan; yaml: string }[], { total, cwd, command, parallel }: DirFacts): void {
  writeFileAtomic(path.join(dir, SPEC_COPY), spec.text);
  const jobs: ExperimentRunRecord[] = built.map(({ plan, yaml }) => writeRunConfig(dir, total, plan, yaml, cwd, spec.configs !== undefined));
  const origin: ExperimentOrigin = {
    cwd,
    overrides: [],
    command,
    experiment: {
      name: spec.name,
      spec: spec.file,
      form: spec.configs ? "configs" : "sweep",
      keys: spec.sweep.map((a) => a.key),
      ...(parallel && parallel > 1 ? { parallel } : {}),
      ...(spec.mode ? { mode: spec.mode.name } : {}),
      ...(spec.runsDir ? { runs_dir: spec.runsDir } : {}),
    },
  };
  ManifestWriter.create({ sweepDir: dir, origin, total, launcher: launcherName(parallel), jobs }).close();
}

/** Writes run `plan.num`'s config; its record, pending, names it. */
export function writeRunConfig(dir: string, total: number, plan: RunPlan, yaml: string, cwd: string, listed: boolean): ExperimentRunRecord {
  const configPath = configPathOf(dir, plan.num, total);
  // Resolved: a value read through ${oc.env:…} is in clear text, so for the user alone.
  writePrivateFile(configPath, yaml);
  const overrides = listed ? [`config=${path.relative(cwd, plan.source)}`] : valuesAsOverrides(plan.values);
  return { num: plan.num, overrides, status: "pending", values: plan.values, source_config: plan.source, config_path: configPath };
}

/** The command every run of the spec runs: the spec's (or its mode's), then the forwarded arguments. */
export function experimentCommandOf(spec: ExperimentSpec, forward: readonly string[] = []): string[] {
  const command = [...spec.command, ...forward];
  if (command.length === 0) {
    const mode = spec.mode ? `mode '${spec.mode.name}'` : "spec";
    throw new ExperimentSpecError(`${spec.file}: the ${mode} names no program to run. Give it on the command line (hydrant experiment run ${path.relative(process.cwd(), spec.file) || spec.file} -- PROGRAM ARGS…), as 'command: [PROGRAM, ARGS…]' in the spec, or in a ${MODES_FILE} next to the spec.`, { file: spec.file, key: "mode" });
  }
  if (command[0]!.startsWith("-")) {
    throw new ExperimentSpecError(`${spec.file}: the spec names no program, so '${command[0]}' would be run as one. Put the program first: hydrant experiment run SPEC -- PROGRAM ${command.join(" ")}, or give the spec a 'command'.`, { file: spec.file, key: "command" });
  }
  return command;
}

export function launcherName(parallel: number | undefined): "basic" | "local" {
  return parallel !== undefined && parallel > 1 ? "local" : "basic";
}
