/**
 * `onJobStart` / `onJobEnd` around one job, wherever the job runs (this process, a pool worker, a
 * BullMQ worker): the job's outcome is decided by the job alone.
 */
import type { ConfigDict } from "../config/node.js";
import type { JobOutcome, PreparedJob } from "../core/launcher.js";
import { resolvePathString } from "../compose/helpers.js";
import { callbackConfig, type Callbacks } from "./callbacks.js";
import type { JobReturn, JobStartInfo } from "./types.js";

export async function withJobCallbacks(callbacks: Callbacks, job: PreparedJob, info: JobStartInfo, run: () => Promise<JobOutcome>): Promise<JobOutcome> {
  if (callbacks.empty) return run();
  const config = callbackConfig(job.config);
  await callbacks.notify("onJobStart", config, info);
  const outcome = await run();
  await callbacks.notify("onJobEnd", config, jobReturnOf(outcome, job));
  return outcome;
}

export function jobReturnOf(outcome: JobOutcome, job: { config: ConfigDict; overrides: string[]; jobDir: string; num?: number }): JobReturn {
  return {
    status: outcome.status,
    returnValue: outcome.result,
    ...(outcome.error === undefined ? {} : { error: outcome.error }),
    ...(outcome.thrown === undefined ? {} : { thrown: outcome.thrown }),
    ...(outcome.exitCode === undefined ? {} : { exitCode: outcome.exitCode }),
    overrides: job.overrides,
    outputDir: job.jobDir,
    ...(job.num === undefined ? {} : { jobNum: job.num }),
    taskName: resolvePathString(job.config, "hydra.job.name") ?? "",
  };
}
