/** Events the run engine emits instead of printing (see RunHooks.onEvent). */
import type { LauncherEvent } from "../core/launcher.js";
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
