/**
 * What a task is (Hydra's `TaskFunction` in hydra/types.py): the contract between an app, the run
 * engine and the launchers, below all of them.
 */
import type { ConfigDict } from "../config/node.js";
import type { Logger } from "../logging/logger.js";

/** A task function: receives the job's resolved config (without the `hydra` node). */
export type TaskFunction<Cfg = Record<string, unknown>> = (cfg: Cfg, ctx: TaskContext) => unknown;

/** Extra facts a task may want (Hydra's HydraConfig.get() equivalents). */
export interface TaskContext {
  /** The job's output dir (absolute). */
  outputDir: string;
  /** The full composed config, `hydra` node included, unresolved. */
  hydraConfig: ConfigDict;
  /** Job number within the sweep; undefined for a single run. */
  jobNum?: number;
  /**
   * The job's logger, named after the job (`hydra.job.name`): as configured by `hydra/job_logging`,
   * by default to the console and `<output dir>/<job name>.log` in Hydra's format.
   */
  log: Logger;
}

/** A program run once per job. */
export interface CommandTask {
  command: string[];
}

/** What an app runs: a function in-process, or a program per job. */
export type AppTask = TaskFunction<never> | CommandTask;

/** What the task is, as the run engine hands it to a launcher: a function called in-process, or a program run per job. */
export type TaskRef =
  | { kind: "function"; fn: (cfg: never, ctx: TaskContext) => unknown }
  | { kind: "command"; argv: string[] };
