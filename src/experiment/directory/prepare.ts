/**
 * Turns a spec into an experiment dir with every run's resolved config written and every run pending
 * in experiment.json. All configs are built before the dir is created, so a spec that cannot be
 * built leaves nothing behind and runs nothing.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../../runs/atomic.js";
import { dumpYaml } from "../../compose/config-access.js";
import { ManifestWriter } from "../../runs/manifest.js";
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
}

export interface PreparedExperiment {
  dir: string;
  total: number;
  warnings: SpecWarning[];
}

export function prepareExperiment(spec: ExperimentSpec, options: PrepareOptions = {}): PreparedExperiment {
  const cwd = options.cwd ?? process.cwd();
  const dir = newExperimentDir(path.resolve(cwd, options.root ?? DEFAULT_ROOT), spec.name, options.now ?? new Date());
  const plans = expandRuns(spec);
  const total = plans.length;
  const builder = new RunConfigBuilder(spec);
  const built = plans.map((plan) => ({ plan, yaml: dumpYaml(builder.build(plan, runDirOf(dir, plan.num, total))) }));

  mkdirSync(dir, { recursive: true });
  writeFileAtomic(path.join(dir, SPEC_COPY), spec.text);
  const jobs: ExperimentRunRecord[] = built.map(({ plan, yaml }) => {
    const configPath = configPathOf(dir, plan.num, total);
    writeFileAtomic(configPath, yaml);
    const overrides = spec.configs ? [`config=${path.relative(cwd, plan.source)}`] : valuesAsOverrides(plan.values);
    return { num: plan.num, overrides, status: "pending", values: plan.values, source_config: plan.source, config_path: configPath };
  });
  const origin: ExperimentOrigin = {
    cwd,
    overrides: [],
    command: spec.command,
    experiment: {
      name: spec.name,
      spec: spec.file,
      form: spec.configs ? "configs" : "sweep",
      keys: spec.sweep.map((a) => a.key),
      ...(options.parallel && options.parallel > 1 ? { parallel: options.parallel } : {}),
    },
  };
  ManifestWriter.create({ sweepDir: dir, origin, total, launcher: launcherName(options.parallel), jobs }).close();
  return { dir, total, warnings: [...spec.warnings, ...builder.warnings] };
}

export function launcherName(parallel: number | undefined): "basic" | "local" {
  return parallel !== undefined && parallel > 1 ? "local" : "basic";
}
