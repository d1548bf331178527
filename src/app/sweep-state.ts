/** The launcher's sink for one sweep: records every change in the manifest and emits events. */
import type { LauncherEvent, RunEvent } from "../runs/events.js";
import type { JobRecord, ManifestWriter } from "../runs/manifest.js";
import type { JobOutcome, JobPlacement, LaunchSink, PreparedJob } from "../launch/types.js";

export class SweepState implements LaunchSink {
  stopped = false;
  running = 0;
  completed = 0;
  failed = 0;
  readonly startedAt = Date.now();

  constructor(
    private readonly manifest: ManifestWriter,
    private readonly emit: (e: RunEvent) => void,
    private readonly failFast: boolean,
  ) {}

  started(job: PreparedJob, where: JobPlacement): void {
    const num = job.num as number;
    const attempts = (this.manifest.job(num)?.attempts ?? 0) + 1;
    this.manifest.replace({ num, overrides: job.overrides, status: "running", jobDir: job.jobDir, startedAt: new Date().toISOString(), attempts, ...launcherFacts(where) });
    this.running++;
    this.emit({ type: "job_start", num, overrides: job.overrides, jobDir: job.jobDir, ...where });
  }

  finished(job: PreparedJob, outcome: JobOutcome): void {
    this.running--;
    this.record(job.num as number, outcome);
  }

  notify(event: LauncherEvent): void {
    this.emit(event);
  }

  /** A job that could not even be composed: recorded as failed without starting. */
  failedBeforeStart(num: number, overrides: string[], error: string): void {
    this.manifest.replace({ num, overrides, status: "failed", error, attempts: (this.manifest.job(num)?.attempts ?? 0) + 1 });
    this.record(num, { status: "failed", error });
  }

  private record(num: number, outcome: JobOutcome): void {
    const prev = this.manifest.job(num);
    const endedAt = new Date();
    const durationMs = prev?.startedAt ? endedAt.getTime() - Date.parse(prev.startedAt) : 0;
    this.manifest.update(num, { status: outcome.status, endedAt: endedAt.toISOString(), durationMs, exitCode: outcome.exitCode, error: outcome.error, result: outcome.result, ...launcherFacts(outcome) });
    if (outcome.status === "completed") this.completed++;
    else this.failed++;
    if (outcome.status === "failed" && this.failFast) this.stopped = true;
    this.emit({ type: "job_end", num, status: outcome.status, durationMs, error: outcome.error, exitCode: outcome.exitCode });
  }
}

/** Attempts, host and scheduler job, recorded only when the launcher knows them (a distributed launcher does). */
function launcherFacts(facts: Pick<JobOutcome, "attempts" | "host" | "scheduler">): Pick<JobRecord, "attempts" | "host" | "scheduler"> {
  return { ...(facts.attempts !== undefined && { attempts: facts.attempts }), ...(facts.host !== undefined && { host: facts.host }), ...(facts.scheduler !== undefined && { scheduler: facts.scheduler }) };
}
