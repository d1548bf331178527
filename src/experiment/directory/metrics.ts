/**
 * A run's metrics: the JSON it wrote to $HYDRANT_RESULT (its return value), else a `metrics.json` in
 * its run dir, else (one run at a time only, so the file is surely this run's) a `metrics.json` it
 * wrote in the working directory, copied into the run dir so the next run cannot overwrite it.
 */
import { copyFileSync, existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { executeJob } from "../../job/executor.js";
import type { ExecuteOptions, JobOutcome, PreparedJob } from "../../core/launcher.js";
import type { TaskRef } from "../../core/task.js";

export const METRICS_FILE = "metrics.json";

export function metricsOf(result: unknown): Record<string, unknown> | undefined {
  return result !== null && typeof result === "object" && !Array.isArray(result) ? (result as Record<string, unknown>) : undefined;
}

export interface MetricsDiscovery {
  /** Where commands run (their cwd). */
  cwd: string;
  /** Only one run at a time: a metrics.json in the cwd can only be the current run's. */
  sequential: boolean;
}

/** Runs the job with executeJob and fills `result` with the metrics the run left behind. */
export async function executeWithMetrics(job: PreparedJob, task: TaskRef, options: ExecuteOptions, where: MetricsDiscovery): Promise<JobOutcome> {
  const before = where.sequential ? mtimeOf(path.join(where.cwd, METRICS_FILE)) : undefined;
  const outcome = await executeJob(job, task, options);
  if (metricsOf(outcome.result)) return outcome;
  const found = readMetrics(path.join(job.jobDir, METRICS_FILE)) ?? (where.sequential ? adoptCwdMetrics(where.cwd, job.jobDir, before) : undefined);
  return found ? { ...outcome, result: found } : outcome;
}

function mtimeOf(file: string): number | undefined {
  return existsSync(file) ? statSync(file).mtimeMs : undefined;
}

/** Only a file the run created or rewrote (its mtime changed), never an earlier run's. */
function adoptCwdMetrics(cwd: string, runDir: string, mtimeBefore: number | undefined): Record<string, unknown> | undefined {
  const file = path.join(cwd, METRICS_FILE);
  const now = mtimeOf(file);
  if (now === undefined || now === mtimeBefore) return undefined;
  const metrics = readMetrics(file);
  if (metrics) copyFileSync(file, path.join(runDir, METRICS_FILE));
  return metrics;
}

function readMetrics(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return metricsOf(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return undefined;
  }
}
