/**
 * The launcher's sink for one sweep (a multirun or an experiment): records every start and end in
 * the manifest, emits the events, passes the launcher's own news on, and says when to start no more
 * jobs. The one place that decides what a job record holds; an experiment adds its own fields
 * through a `RecordExtension`.
 */
import type { JobOutcome, JobPlacement, LauncherEvent, LaunchSink, PreparedJob } from "../core/launcher.js";
import type { RunEvent } from "./events.js";
import type { JobRecord } from "./manifest.js";
import type { ManifestWriter } from "./manifest-writer.js";

/** What a kind of sweep adds to the engine's job record (an experiment's run record). */
export interface RecordExtension {
  /** Fields of the earlier record a restarted job keeps (they describe the job, not an attempt). */
  kept?: readonly string[];
  /** Extra fields when the job starts. */
  started?(job: PreparedJob, at: string): Record<string, unknown>;
  /** Extra fields when job `num` ends (or fails before starting: no exit code then). */
  ended?(outcome: JobOutcome, at: string, num: number): Record<string, unknown>;
  /** Extra fields when a stop interrupted it (it goes back to pending). */
  interrupted?(at: string): Record<string, unknown>;
}

export interface RecorderOptions {
  /** Stop the sweep at the first failed job (the failure is still recorded): `maxFailures` 1. */
  failFast?: boolean;
  /** Stop starting jobs once this many failed in this run; running ones finish. */
  maxFailures?: number;
  /**
   * Aborting stops the sweep: no new job starts, and a job that fails while stopping (its process got
   * the signal) is not a failure: it goes back to pending and a resume runs it again.
   */
  signal?: AbortSignal;
  /**
   * How a job the stop cut short is recorded: `pending` again (an experiment's run, with the
   * extension's `interrupted` fields), or `interrupted` with its end time (a Hydra app's sweep).
   * Either way a resume runs it again.
   */
  interruptedAs?: "pending" | "interrupted";
  extension?: RecordExtension;
}

export class JobRecorder implements LaunchSink {
  private failedFast = false;
  private failures = 0;

  constructor(
    private readonly manifest: ManifestWriter,
    private readonly emit: (e: RunEvent) => void,
    private readonly options: RecorderOptions = {},
  ) {}

  get stopped(): boolean {
    return this.failedFast || this.stopping;
  }

  private get stopping(): boolean {
    return this.options.signal?.aborted ?? false;
  }

  started(job: PreparedJob, where: JobPlacement): void {
    const num = job.num as number;
    const at = new Date().toISOString();
    // A fresh record: fields of an earlier attempt (a crash, a failure, a stop) must not linger.
    this.restart({ num, overrides: job.overrides, status: "running", job_dir: job.jobDir, started_at: at, ...launcherFacts(where) }, this.options.extension?.started?.(job, at));
    this.emit({ type: "job_start", num, overrides: job.overrides, jobDir: job.jobDir, ...where });
  }

  finished(job: PreparedJob, outcome: JobOutcome): void {
    const num = job.num as number;
    if (this.stopping && outcome.status === "failed") return this.interrupted(num);
    this.record(num, outcome);
  }

  notify(event: LauncherEvent): void {
    this.emit(event);
  }

  /** A job that could not even be prepared (composed, read back): recorded as failed without starting. */
  failedBeforeStart(num: number, overrides: string[], error: string): void {
    this.restart({ num, overrides, status: "failed", error });
    this.record(num, { status: "failed", error });
  }

  private restart(record: JobRecord, extra: Record<string, unknown> = {}): void {
    const prev = this.manifest.job(record.num);
    this.manifest.replace({ ...record, attempts: (prev?.attempts ?? 0) + 1, ...kept(prev, this.options.extension?.kept), ...extra });
  }

  private record(num: number, outcome: JobOutcome): void {
    const end = new Date();
    const durationMs = this.durationMs(num, end);
    const at = end.toISOString();
    const ext = this.options.extension?.ended?.(outcome, at, num) ?? {};
    this.manifest.update(num, { status: outcome.status, completed_at: at, duration_ms: durationMs, return_code: outcome.exitCode, error: outcome.error, result: outcome.result, ...launcherFacts(outcome), ...ext });
    if (outcome.status === "failed" && ++this.failures >= this.failureLimit) this.failedFast = true;
    this.emit({ type: "job_end", num, status: outcome.status, durationMs, error: outcome.error, exitCode: outcome.exitCode });
  }

  private get failureLimit(): number {
    return this.options.failFast ? 1 : (this.options.maxFailures ?? Number.POSITIVE_INFINITY);
  }

  private interrupted(num: number): void {
    const end = new Date();
    const durationMs = this.durationMs(num, end);
    const at = end.toISOString();
    const extra = this.options.extension?.interrupted?.(at) ?? {};
    if (this.options.interruptedAs === "interrupted") {
      const why = `interrupted by ${String(this.options.signal?.reason ?? "a stop")}; --resume runs it again`;
      this.manifest.update(num, { status: "interrupted", completed_at: at, ...extra, duration_ms: durationMs, error: why });
      this.emit({ type: "job_end", num, status: "interrupted", durationMs, error: "interrupted" });
      return;
    }
    this.manifest.update(num, { status: "pending", ...extra, duration_ms: durationMs, error: "interrupted by a stop; a resume runs it again" });
    this.emit({ type: "job_end", num, status: "pending", durationMs, error: "interrupted" });
  }

  private durationMs(num: number, end: Date): number {
    const startedAt = this.manifest.job(num)?.started_at;
    return startedAt ? end.getTime() - Date.parse(startedAt) : 0;
  }
}

/** Attempts, host and scheduler job, recorded only when the launcher knows them (a distributed launcher does). */
function launcherFacts(facts: Pick<JobOutcome, "attempts" | "host" | "scheduler">): Pick<JobRecord, "attempts" | "host" | "scheduler"> {
  return { ...(facts.attempts !== undefined && { attempts: facts.attempts }), ...(facts.host !== undefined && { host: facts.host }), ...(facts.scheduler !== undefined && { scheduler: facts.scheduler }) };
}

function kept(prev: JobRecord | undefined, keys: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (prev) for (const k of keys) if ((prev as unknown as Record<string, unknown>)[k] !== undefined) out[k] = (prev as unknown as Record<string, unknown>)[k];
  return out;
}
