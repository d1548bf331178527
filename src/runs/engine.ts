/**
 * The run engine: a sweep's jobs, in order, through a launcher, recorded in the manifest. A Hydra
 * app's multirun (src/app/run-app.ts) and an experiment (src/experiment/) differ in where their jobs
 * come from and what a run record adds, not in how a sweep runs. A first run and a resume are the
 * same thing: run whatever is not completed.
 */
import type { LaunchContext, LauncherPlugin, PreparedJob } from "../core/launcher.js";
import { formatThrown } from "../job/format-thrown.js";
import type { RunEvent } from "./events.js";
import { readManifest, type JobRecord, type JobStatus, type SweepStatus } from "./manifest.js";
import type { ManifestWriter } from "./manifest-writer.js";
import { JobRecorder, type RecorderOptions } from "./recorder.js";
import type { FailurePolicy } from "./failure-policy.js";
import { withRetries } from "./retries.js";
import { withLeanHeap } from "../job/heap-policy.js";

/** A job of the sweep before it is prepared: its number and overrides. */
export interface SweepJob {
  num: number;
  overrides: string[];
}

export interface SweepRun<J extends SweepJob = SweepJob> {
  /** The sweep's manifest, open; the engine closes it. */
  manifest: ManifestWriter;
  /** Where the manifest is, as the events name the sweep. */
  sweepDir: string;
  plugin: LauncherPlugin;
  context: LaunchContext;
  /** Every job of the sweep in order, completed ones included (they are skipped). Read lazily. */
  jobs: Iterable<J>;
  /** Makes a job ready to run (composes it, reads it back); a throw records it as failed before it starts. */
  prepare(job: J): PreparedJob;
  /** Start at most this many jobs now; the rest stay pending for a resume. */
  limit?: number;
  onEvent?: (event: RunEvent) => void;
  recorder?: RecorderOptions;
  /** Runs once the manifest is final, before the end is announced (an experiment's orchestrator record). */
  onFinished?(): void;
  /** Retries of failed jobs (max_failures goes to the recorder); none by default. */
  policy?: Pick<FailurePolicy, "retries" | "retryBackoffMs">;
  /** Run only the jobs that failed before (`--resume --retry-failed`); pending ones stay pending. */
  failedOnly?: boolean;
}

export interface SweepResult {
  status: Exclude<SweepStatus, "running">;
  total: number;
  completed: number;
  failed: number;
  /** Jobs not run now (a limit, a stop, fail-fast, an interrupted sweep). */
  notRun: number;
  jobs: JobRecord[];
}

export async function runSweep<J extends SweepJob>(run: SweepRun<J>): Promise<SweepResult> {
  const emit = run.onEvent ?? (() => {});
  const startedAt = Date.now();
  const recorder = new JobRecorder(run.manifest, emit, run.recorder);
  let interrupted = false;
  try {
    const tracked = withJobTracking(run.context, run.manifest, run.recorder?.signal);
    const launcher = run.plugin.create(run.policy?.retries ? withRetries(tracked, run.manifest, recorder, { retries: run.policy.retries, retryBackoffMs: run.policy.retryBackoffMs }) : tracked);
    emit({ type: "sweep_start", sweepDir: run.sweepDir, total: run.manifest.total, toRun: countToRun(run.manifest, run.limit, run.failedOnly), launcher: run.plugin.name });
    await withLeanHeap(() => launcher.launch(jobStream(run, recorder), recorder));
  } finally {
    interrupted = interruptedNow(run);
    finish(run.manifest, interrupted);
    run.onFinished?.();
  }
  const result = resultOf(run.manifest, run.sweepDir, interrupted);
  emit({ type: "sweep_end", sweepDir: run.sweepDir, completed: result.completed, failed: result.failed, notRun: result.notRun, elapsedMs: Date.now() - startedAt });
  return result;
}

function interruptedNow(run: SweepRun<SweepJob>): boolean {
  return run.recorder?.interruptedAs === "interrupted" && run.recorder.signal?.aborted === true;
}

/**
 * Every command the launcher starts is recorded with its pid, and may take a run that finished just
 * before a previous launcher died as done (the job dir's exit record says so) instead of repeating it.
 * Stopping the sweep (Ctrl-C) signals every running command, whatever the launcher asked.
 */
function withJobTracking(context: LaunchContext, manifest: ManifestWriter, stop: AbortSignal | undefined): LaunchContext {
  return {
    ...context,
    execute: (job, o) => context.execute(job, { ...o, signal: eitherSignal(o?.signal, stop), resume: true, onSpawn: (pid) => job.num !== undefined && manifest.update(job.num, { pid }) }),
  };
}

/** Aborts when either does, with the reason of the one that did (the signal hydrant got). */
function eitherSignal(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  return a && b ? AbortSignal.any([a, b]) : (a ?? b);
}

/** Jobs not completed yet (or only the failed ones), at most `limit`: what this run means to start. */
function countToRun(manifest: ManifestWriter, limit: number | undefined, failedOnly = false): number {
  const c = manifest.countJobs();
  const notDone = failedOnly ? c.failed : manifest.total - c.completed;
  return limit === undefined ? notDone : Math.min(limit, notDone);
}

/** Jobs in sweep order, prepared one at a time as the launcher asks; completed ones are skipped. */
async function* jobStream<J extends SweepJob>(run: SweepRun<J>, recorder: JobRecorder): AsyncGenerator<PreparedJob> {
  let dispatched = 0;
  for (const job of run.jobs) {
    const status = run.manifest.status(job.num);
    if (status === "completed" || (run.failedOnly && status !== "failed")) continue;
    if (run.limit !== undefined && dispatched >= run.limit) return;
    if (recorder.stopped) return;
    dispatched++;
    let prepared: PreparedJob;
    try {
      prepared = run.prepare(job);
    } catch (e) {
      recorder.failedBeforeStart(job.num, job.overrides, formatThrown(e));
      continue;
    }
    yield prepared;
  }
}

function finish(manifest: ManifestWriter, interrupted: boolean): void {
  const status = interrupted ? "interrupted" : statusOf(manifest.countJobs());
  manifest.setSweep({ status, completed_at: new Date().toISOString() });
  manifest.close();
}

function statusOf(c: Record<JobStatus, number>): SweepResult["status"] {
  if (c.failed > 0) return "failed";
  return notRunOf(c) > 0 ? "partial" : "completed";
}

function notRunOf(c: Record<JobStatus, number>): number {
  return c.pending + c.running + c.interrupted;
}

function resultOf(manifest: ManifestWriter, sweepDir: string, interrupted: boolean): SweepResult {
  const c = manifest.countJobs();
  const result = { status: interrupted ? "interrupted" : statusOf(c), total: manifest.total, completed: c.completed, failed: c.failed, notRun: notRunOf(c) } as const;
  return withLazyJobs(result, sweepDir);
}

/**
 * The records are read from the manifest when first asked for: a 100,000-job sweep keeps none of them in
 * memory while it runs, and a caller that needs only the counts never loads them.
 */
export function withLazyJobs<T extends object>(result: T, sweepDir: string): T & { jobs: JobRecord[] } {
  let jobs: JobRecord[] | undefined;
  return Object.defineProperty(result, "jobs", {
    enumerable: true,
    get: () => (jobs ??= readManifest(sweepDir).jobs),
  }) as T & { jobs: JobRecord[] };
}
