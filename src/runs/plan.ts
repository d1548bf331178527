/**
 * A sweep before anything runs: the master config (composed in MULTIRUN mode), the sweeper it
 * names, and how to compose one job. Shared by the multirun orchestrator and the `--cfg` dry run.
 */
import path from "node:path";
import { withKeyOrigin } from "../compose/key-origin.js";
import { ConfigDict } from "../config/node.js";
import { findSweeper } from "../plugins/plugin-registry.js";
import { getPath, setPath } from "../config/path.js";
import { toYaml } from "../config/yaml.js";
import { configLocation, resolveJobTreeForDisplay, withoutHydra, type ConfigLocation, type LocationArgs } from "../compose/helpers.js";
import type { ComposeResult } from "../compose/compose.js";
import { DefaultsListMemo } from "../compose/defaults/memo.js";
import { appListOptions, composeAppConfig } from "../plugins/app-composition.js";
import { writeFileAtomic } from "./atomic.js";
import type { Sweeper } from "../core/sweeper.js";

export interface SweepPlan {
  location: ConfigLocation;
  master: ComposeResult;
  sweeper: Sweeper;
  /** Composes job `num` with its task overrides on top of the master's hydra overrides. */
  composeJob(overrides: readonly string[], num: number): ComposeResult;
}

export function planSweep(location: ConfigLocation, overrides: readonly string[]): SweepPlan {
  const master = composeAppConfig({ ...location, overrides: [...overrides, "hydra.mode=MULTIRUN"], runMode: "MULTIRUN" });
  const choice = master.choices["hydra/sweeper"];
  const plugin = findSweeper(getPath(master.config, "hydra.sweeper._target_"), typeof choice === "string" ? choice : undefined);
  const defaultsMemo = new DefaultsListMemo();
  const sweeper = plugin.create({ master: master.config, taskOverrides: master.taskOverrides, listOptions: (g) => appListOptions(location, g) });
  return {
    location,
    master,
    sweeper,
    composeJob(jobOverrides, num) {
      const job = composeAppConfig({ ...location, overrides: [...master.hydraOverrides, ...jobOverrides], runMode: "RUN", defaultsMemo });
      setPath(job.config, "hydra.job.num", num);
      setPath(job.config, "hydra.job.id", num);
      return job;
    },
  };
}

/** The sweep's `multirun.yaml`: the master config, hydra node included. */
export function writeMultirunYaml(master: ConfigDict, sweepDir: string): void {
  writeFileAtomic(path.join(sweepDir, "multirun.yaml"), toYaml(master));
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
    yield { overrides, config: args.resolve ? withKeyOrigin(job.keyOrigin, () => resolveJobTreeForDisplay(job.config)) : withoutHydra(job.config) };
  }
}
