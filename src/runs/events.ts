/** Events the run engine emits instead of printing (see RunHooks.onEvent). */
import type { JobStatus } from "./manifest.js";

/** A status change of a run or sweep, given to {@link RunHooks.onEvent}. */
export type RunEvent =
  | { type: "run_start"; outputDir: string }
  | { type: "run_end"; outputDir: string; status: JobStatus }
  | { type: "sweep_start"; sweepDir: string; total: number; toRun: number; launcher: string }
  | { type: "job_start"; num: number; overrides: string[]; jobDir: string; worker?: number; gpu?: string }
  | { type: "job_end"; num: number; status: JobStatus; durationMs: number; error?: string; exitCode?: number }
  | { type: "sweep_end"; sweepDir: string; completed: number; failed: number; notRun: number; elapsedMs: number }
  | LauncherEvent;

/** What a launcher reports beyond job starts and ends (see LaunchSink.notify). */
export type LauncherEvent =
  /** Counts across all workers of a distributed launcher; `retried` counts restarts (failures and stalls). */
  | { type: "launcher_progress"; launcher: string; queued: number; running: number; done: number; failed: number; retried: number }
  /** A job is being run again: after a failed attempt, or because its worker died (stalled). */
  | { type: "job_retry"; num: number; attempt: number; reason: string }
  /** Something the user should see, e.g. Redis unreachable and being waited for. */
  | { type: "launcher_notice"; launcher: string; level: "info" | "warning"; message: string };
