/**
 * The one place that knows which manifest fields hold a job's times, dir and exit code. Multirun
 * records use the run engine's names (`startedAt`, `jobDir`…), experiment runs the guide's
 * (`started_at`, `run_dir`…); either may be the only one present, so each is read with its fallback.
 */
import type { JobRecord } from "../runs/manifest.js";

/** A job record with the experiment fields it may carry. */
export type AnyJobRecord = JobRecord & {
  started_at?: string;
  completed_at?: string;
  run_dir?: string;
  config_path?: string;
  return_code?: number | null;
  values?: Record<string, unknown>;
  source_config?: string;
};

/** When a job started and ended, and how long it ran (undefined where unknown). */
export interface JobTimes {
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
}

/** A job's times from either naming; a pending job has no duration. */
export function jobTimes(r: AnyJobRecord): JobTimes {
  const startedAt = r.startedAt ?? r.started_at;
  const endedAt = r.endedAt ?? r.completed_at;
  let durationMs = r.durationMs;
  if (durationMs === undefined && startedAt && endedAt) durationMs = Date.parse(endedAt) - Date.parse(startedAt);
  // A pending job's duration is an earlier, interrupted attempt's: not this job's.
  if (r.status === "pending") durationMs = undefined;
  return { startedAt, endedAt, durationMs };
}

/** The job's own dir as recorded (not yet checked to be inside its sweep). */
export function recordedJobDir(r: AnyJobRecord): string | undefined {
  return r.jobDir ?? r.run_dir;
}

/** The exit code of a command task (null: killed by a signal or never started). */
export function exitCodeOf(r: AnyJobRecord): number | null | undefined {
  return r.exitCode ?? r.return_code;
}
