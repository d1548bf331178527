/**
 * Where an executing experiment's runs come from. A small experiment's are all in experiment.json,
 * each with its config written up front. A big one's are the spec's lazy grid (the copy in the
 * experiment dir, read as the spec file it was): a run's config is built, written and recorded when
 * the launcher asks for that run, so memory and disk grow with the runs started, not the grid.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { toYaml } from "../../config/yaml.js";
import { ManifestError } from "../../errors.js";
import type { ManifestWriter } from "../../runs/manifest-writer.js";
import { RunConfigBuilder } from "../definition/build-config.js";
import { validateSpec } from "../definition/load-spec.js";
import { runGrid, valuesAsOverrides } from "../definition/run-plans.js";
import { runDirOf, SPEC_COPY } from "./layout.js";
import { writeRunConfig } from "./prepare.js";
import type { ExperimentManifest, ExperimentRunRecord, RunPlan } from "../definition/types.js";

/** A run as the engine streams it; `plan` is set for a run of the lazy grid. */
export interface ExperimentJob {
  num: number;
  overrides: string[];
  plan?: RunPlan;
}

export interface RunSource {
  jobs: Iterable<ExperimentJob>;
  /** The run's record with its config written (built now for a lazy run that never started). */
  recordOf(job: ExperimentJob): ExperimentRunRecord;
}

export function runSource(dir: string, m: ExperimentManifest, manifest: ManifestWriter): RunSource {
  const recorded = (num: number) => manifest.job(num) as ExperimentRunRecord | undefined;
  if (m.jobs.length >= m.total) {
    return { jobs: manifest.records(), recordOf: (job) => recorded(job.num) ?? missing(dir, job.num) };
  }
  const spec = specOf(dir, m);
  const grid = runGrid(spec);
  let builder: RunConfigBuilder | undefined;
  return {
    jobs: { *[Symbol.iterator]() {
      for (const plan of grid.plans()) yield { num: plan.num, overrides: valuesAsOverrides(plan.values), plan };
    } },
    recordOf(job) {
      const known = recorded(job.num);
      if (known?.config_path || !job.plan) return known ?? missing(dir, job.num);
      builder ??= new RunConfigBuilder(spec);
      const yaml = toYaml(builder.build(job.plan, runDirOf(dir, job.num, m.total)));
      const record = writeRunConfig(dir, m.total, job.plan, yaml, m.origin.cwd, false);
      manifest.update(job.num, record);
      return record;
    },
  };
}

/** The spec as the experiment started it: its copy in the dir, its relative paths from where the original was. */
function specOf(dir: string, m: ExperimentManifest) {
  const file = m.origin.experiment?.spec;
  if (!file) throw new ManifestError(`${path.join(dir, "experiment.json")} has runs not listed yet but names no spec (origin.experiment.spec) to make them from.`, { file: dir, key: "origin.experiment.spec" });
  return validateSpec(readFileSync(path.join(dir, SPEC_COPY), "utf8"), file);
}

function missing(dir: string, num: number): never {
  throw new ManifestError(`run ${num} is not in ${path.join(dir, "experiment.json")}.`, { file: dir });
}
