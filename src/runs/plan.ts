/**
 * A sweep before anything runs: the master config (composed in MULTIRUN mode), the sweeper it
 * names, and how to compose one job. Shared by the multirun orchestrator and the `--cfg` dry run.
 */
import path from "node:path";
import { withKeyOrigin } from "../compose/key-origin.js";
import { ConfigDict } from "../config/node.js";
import { findSweeper } from "../plugins/registry.js";
import { dumpYaml, getPath, resolveTaskConfigForDisplay, setPath, withoutHydra } from "../compose/config-access.js";
import { writeFileAtomic } from "./atomic.js";
import { compose, configLocation, groupOptions, type Composed, type ConfigLocation, type LocationArgs } from "./compose-access.js";
import type { Sweeper } from "../core/sweeper.js";

export interface SweepPlan {
  location: ConfigLocation;
  master: Composed;
  sweeper: Sweeper;
  /** Composes job `num` with its task overrides on top of the master's hydra overrides. */
  composeJob(overrides: readonly string[], num: number): Composed;
}

export function planSweep(location: ConfigLocation, overrides: readonly string[]): SweepPlan {
  const master = compose(location, [...overrides, "hydra.mode=MULTIRUN"], "MULTIRUN");
  const choice = master.choices["hydra/sweeper"];
  const plugin = findSweeper(getPath(master.config, "hydra.sweeper._target_"), typeof choice === "string" ? choice : undefined);
  const sweeper = plugin.create({ master: master.config, taskOverrides: master.taskOverrides, listOptions: (g) => groupOptions(location, g) });
  return {
    location,
    master,
    sweeper,
    composeJob(jobOverrides, num) {
      const job = compose(location, [...master.hydraOverrides, ...jobOverrides], "RUN");
      setPath(job.config, "hydra.job.num", num);
      setPath(job.config, "hydra.job.id", num);
      return job;
    },
  };
}

/** The sweep's `multirun.yaml`: the master config, hydra node included. */
export function writeMultirunYaml(master: ConfigDict, sweepDir: string): void {
  writeFileAtomic(path.join(sweepDir, "multirun.yaml"), dumpYaml(master));
}

export interface SweepJobsArgs extends LocationArgs {
  overrides: string[];
  resolve?: boolean;
}

export interface SweepJobView {
  overrides: string[];
  /** The job's config without the hydra node; resolved when `resolve` was asked. */
  config: ConfigDict;
}

/**
 * Every job of a multirun in launch order, composed but not run: what `--multirun --cfg job` prints
 * as a YAML stream. Lazy: one job composed at a time.
 */
export function* iterateSweepJobs(args: SweepJobsArgs, cwd = process.cwd()): Generator<SweepJobView> {
  const plan = planSweep(configLocation(args, cwd), args.overrides);
  let num = 0;
  for (const overrides of plan.sweeper.jobs()) {
    const job = plan.composeJob(overrides, num++);
    yield { overrides, config: args.resolve ? withKeyOrigin(job.keyOrigin, () => resolveTaskConfigForDisplay(job.config)) : withoutHydra(job.config) };
  }
}
