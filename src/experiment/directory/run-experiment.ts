/** Running an experiment in this process: a new one from a spec, or the rest of an existing one. */
import path from "node:path";
import { UsageError } from "../../errors.js";
import { executeExperiment } from "./execute.js";
import { DEFAULT_ROOT, newestExperiment } from "./layout.js";
import { loadSpec } from "../definition/load-spec.js";
import { prepareLocked } from "./prepare.js";
import type { ExecuteOptions, ExperimentOutcome, ExperimentSpec, RunExperimentOptions } from "../definition/types.js";

/** Writes a new experiment dir for the spec (a loaded spec or a spec file) and runs it. */
export async function runExperiment(spec: ExperimentSpec | string, options: RunExperimentOptions = {}): Promise<ExperimentOutcome> {
  const loaded = typeof spec === "string" ? loadSpec(spec) : spec;
  const prepared = prepareLocked(loaded, options);
  const outcome = await executeExperiment(prepared.dir, options, prepared.lock);
  return { ...outcome, warnings: prepared.warnings };
}

/** Runs whatever is not completed in an experiment dir (interrupted, failed, never started). */
export function resumeExperiment(dir: string, options: ExecuteOptions = {}): Promise<ExperimentOutcome> {
  return executeExperiment(dir, options);
}

/** The experiment dir `run SPEC --resume` continues: the newest one of the spec's name. */
export function latestExperimentOf(spec: ExperimentSpec, root = DEFAULT_ROOT): string {
  const dir = newestExperiment(path.resolve(root), spec.name);
  if (!dir) throw new UsageError(`No experiment named '${spec.name}' under ${path.resolve(root)} to resume. Run the spec without --resume to start one.`);
  return dir;
}
