/**
 * The one place the dashboard reads a job's times, dir and exit code from its record (the manifest's
 * names: `started_at`, `completed_at`, `duration_ms`, `job_dir`, `return_code`; older manifests are
 * read under these names too, see runs/manifest-upgrade.ts).
 */
import type { JobRecord } from "../runs/manifest.js";

/** A job record with the experiment fields it may carry. */
export type AnyJobRecord = JobRecord & {
  run_dir?: string;
  config_path?: string;
  values?: Record<string, unknown>;
  source_config?: string;
};

/** When a job started and ended, and how long it ran (undefined where unknown). */
export interface JobTimes {
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
}

/** A job's times; a pending job has no duration. */
export function jobTimes(r: AnyJobRecord): JobTimes {
  const startedAt = r.started_at;
  const endedAt = r.completed_at;
  let durationMs = r.duration_ms;
  if (durationMs === undefined && startedAt && endedAt) durationMs = Date.parse(endedAt) - Date.parse(startedAt);
  // A pending job's duration is an earlier, interrupted attempt's: not this job's.
  if (r.status === "pending") durationMs = undefined;
  return { startedAt, endedAt, durationMs };
}

/** The job's own dir as recorded (not yet checked to be inside its sweep). */
export function recordedJobDir(r: AnyJobRecord): string | undefined {
  return r.job_dir;
}

/** The exit code of a command task (null: killed by a signal or never started). */
export function exitCodeOf(r: AnyJobRecord): number | null | undefined {
  return r.return_code;
}
