/**
 * Turns a spec into an experiment dir with every run's resolved config written and every run pending
 * in experiment.json. All configs are built before the dir is created, so a spec that cannot be
 * built leaves nothing behind and runs nothing.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../../runs/atomic.js";
import { ExperimentSpecError } from "../../errors.js";
import { writePrivateFile } from "../../job/job-dirs.js";
import { MODES_FILE } from "../definition/modes.js";
import { dumpYaml } from "../../compose/config-access.js";
import { ManifestWriter } from "../../runs/manifest-writer.js";
import { RunConfigBuilder } from "../definition/build-config.js";
import { expandRuns, valuesAsOverrides } from "../definition/run-plans.js";
import { configPathOf, DEFAULT_ROOT, newExperimentDir, runDirOf, SPEC_COPY } from "./layout.js";
import type { ExperimentOrigin, ExperimentRunRecord, ExperimentSpec, SpecWarning } from "../definition/types.js";

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

export function prepareExperiment(spec: ExperimentSpec, options: PrepareOptions = {}): PreparedExperiment {
  const cwd = options.cwd ?? process.cwd();
  const command = experimentCommandOf(spec, options.forward);
  const dir = newExperimentDir(path.resolve(cwd, options.root ?? DEFAULT_ROOT), spec.name, options.now ?? new Date());
  const plans = expandRuns(spec);
  const total = plans.length;
  const builder = new RunConfigBuilder(spec);
  const built = plans.map((plan) => ({ plan, yaml: dumpYaml(builder.build(plan, runDirOf(dir, plan.num, total))) }));

  mkdirSync(dir, { recursive: true });
  writeFileAtomic(path.join(dir, SPEC_COPY), spec.text);
  const jobs: ExperimentRunRecord[] = built.map(({ plan, yaml }) => {
    const configPath = configPathOf(dir, plan.num, total);
    // Resolved: a value read through ${oc.env:…} is in clear text, so for the user alone.
    writePrivateFile(configPath, yaml);
    const overrides = spec.configs ? [`config=${path.relative(cwd, plan.source)}`] : valuesAsOverrides(plan.values);
    return { num: plan.num, overrides, status: "pending", values: plan.values, source_config: plan.source, config_path: configPath };
  });
  const origin: ExperimentOrigin = {
    cwd,
    overrides: [],
    command,
    experiment: {
      name: spec.name,
      spec: spec.file,
      form: spec.configs ? "configs" : "sweep",
      keys: spec.sweep.map((a) => a.key),
      ...(options.parallel && options.parallel > 1 ? { parallel: options.parallel } : {}),
      ...(spec.mode ? { mode: spec.mode.name } : {}),
      ...(spec.runsDir ? { runs_dir: spec.runsDir } : {}),
    },
  };
  ManifestWriter.create({ sweepDir: dir, origin, total, launcher: launcherName(options.parallel), jobs }).close();
  return { dir, total, warnings: [...spec.warnings, ...builder.warnings] };
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
