/**
 * The launcher's sink for an experiment: each start and end goes to experiment.json (journal line now,
 * atomic snapshot soon) with the engine's fields and the experiment's own. A run ended by a stop is
 * not a failure: it goes back to pending, marked `interrupted_at`, and a resume runs it again.
 */
import type { JobOutcome, JobPlacement, LaunchSink, PreparedJob } from "../../core/launcher.js";
import type { RunEvent } from "../../runs/events.js";
import type { ManifestWriter } from "../../runs/manifest.js";
import type { ExperimentRunRecord } from "./types.js";

export class ExperimentSink implements LaunchSink {
  constructor(
    private readonly manifest: ManifestWriter,
    private readonly emit: (e: RunEvent) => void,
    private readonly isStopping: () => boolean,
  ) {}

  get stopped(): boolean {
    return this.isStopping();
  }

  started(job: PreparedJob, where: JobPlacement): void {
    const num = job.num as number;
    const prev = this.record(num);
    const now = new Date().toISOString();
    // A fresh record: fields of an earlier attempt (a crash, a failure, a stop) must not linger.
    this.manifest.replace({
      num,
      overrides: job.overrides,
      status: "running",
      jobDir: job.jobDir,
      startedAt: now,
      attempts: (prev?.attempts ?? 0) + 1,
      ...pick(prev, ["values", "source_config", "config_path"]),
      run_dir: job.jobDir,
      started_at: now,
    } as ExperimentRunRecord);
    this.emit({ type: "job_start", num, overrides: job.overrides, jobDir: job.jobDir, ...where });
  }

  finished(job: PreparedJob, outcome: JobOutcome): void {
    const num = job.num as number;
    const prev = this.record(num);
    const end = new Date();
    const durationMs = prev?.startedAt ? end.getTime() - Date.parse(prev.startedAt) : 0;
    if (this.isStopping() && outcome.status === "failed") {
      this.manifest.update(num, { status: "pending", interrupted_at: end.toISOString(), durationMs, error: "interrupted by a stop; a resume runs it again" } as Partial<ExperimentRunRecord>);
      this.emit({ type: "job_end", num, status: "pending", durationMs, error: "interrupted" });
      return;
    }
    const patch: Partial<ExperimentRunRecord> = {
      status: outcome.status,
      endedAt: end.toISOString(),
      completed_at: end.toISOString(),
      durationMs,
      exitCode: outcome.exitCode,
      return_code: outcome.exitCode ?? null,
      error: outcome.error,
      result: outcome.result,
    };
    this.manifest.update(num, patch);
    this.emit({ type: "job_end", num, status: outcome.status, durationMs, error: outcome.error, exitCode: outcome.exitCode });
  }

  /** A run whose config cannot be read back: failed without starting. */
  failedBeforeStart(num: number, error: string): void {
    this.manifest.update(num, { status: "failed", error, return_code: null, completed_at: new Date().toISOString() } as Partial<ExperimentRunRecord>);
    this.emit({ type: "job_end", num, status: "failed", durationMs: 0, error });
  }

  private record(num: number): ExperimentRunRecord | undefined {
    return this.manifest.job(num) as ExperimentRunRecord | undefined;
  }
}

function pick<T extends object, K extends keyof T>(o: T | undefined, keys: K[]): Partial<T> {
  const out: Partial<T> = {};
  if (o) for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
