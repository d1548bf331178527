/**
 * The SLURM launcher: a sweep becomes job arrays (one task per job, `--array=0-N%array_parallelism`,
 * in chunks below the cluster's MaxArraySize), then squeue is polled at a bounded rate until every task
 * ended; each ending is recorded from SLURM's state and the outcome file the task wrote in its job dir.
 *
 * - Re-attachable: the submissions journal says which task runs which job, so a resumed launcher follows
 *   tasks still queued and collects those that ended while nobody watched instead of submitting again.
 * - `detach`: submit, record the submission, return; `--resume` later follows and records the rest.
 * - Abort (Ctrl-C of the submitter): scancel the arrays; tasks that had started are recorded cancelled.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LaunchError } from "../../errors.js";
import { resolvePath } from "../../compose/helpers.js";
import { queuedTaskOf, type QueuedTask } from "../bullmq/protocol.js";
import type { JobOutcome, LaunchContext, LaunchSink, Launcher, LauncherEvent, PreparedJob } from "../../core/launcher.js";
import { encodeJob } from "../wire.js";
import { sweepDirOfJob } from "../../job/job-dirs.js";
import { clusterMaxArraySize, sbatch, scancel, squeue, type QueueRow } from "./slurm-commands.js";
import { parseSlurmConfig, type SlurmConfig } from "./config.js";
import { SubmissionJournal, type TaskRef } from "./journal.js";
import { taskRunner } from "./task-program.js";
import { formatArrayScript } from "./script.js";
import { endingOf, isActive } from "./states.js";
import { readOutcome, writeTaskFile } from "./task-files.js";

const LAUNCHER = "slurm";

export function createSlurmLauncher(ctx: LaunchContext): Launcher {
  const config = parseSlurmConfig(ctx.config);
  const task = queuedTaskOf(ctx, "slurm", "starting the app's main() script in each array task");
  return { launch: (jobs, sink) => new SlurmSweep(config, task, sink, ctx).run(jobs) };
}

interface Tracked {
  job: PreparedJob;
  task: TaskRef;
  state: string;
  started: boolean;
  /** Resubmissions after a time limit / after the task was lost. */
  timeouts: number;
  lost: number;
  /** Never started and no longer wanted (fail-fast, Ctrl-C): dropped, not recorded, when it ends. */
  withdrawn: boolean;
}

class SlurmSweep {
  private readonly tracked = new Map<string, Tracked>();
  private readonly counts = { done: 0, failed: 0, retried: 0 };
  private journal!: SubmissionJournal;
  private folder!: string;
  private arrays = 0;
  private interrupted = false;

  constructor(
    private readonly config: SlurmConfig,
    private readonly task: QueuedTask,
    private readonly sink: LaunchSink,
    private readonly ctx: LaunchContext,
  ) {}

  async run(jobs: AsyncIterable<PreparedJob>): Promise<void> {
    const chunkSize = Math.min(this.config.maxArraySize ?? Infinity, await clusterMaxArraySize());
    let previous: string | undefined;
    for await (const chunk of chunks(jobs, chunkSize, () => this.sink.stopped || this.aborted)) {
      this.open(chunk[0]);
      const fresh = chunk.filter((job) => !this.adopt(job));
      if (fresh.length > 0) previous = await this.submit(fresh, previous);
    }
    if (this.ctx.detach) return this.detached();
    await this.follow();
  }

  private get aborted(): boolean {
    return this.ctx.signal?.aborted === true;
  }

  /** The submitit folder and journal, known once the first job (and so the sweep dir) is. */
  private open(first: PreparedJob): void {
    if (this.journal) return;
    const folder = resolvePath(first.config, "hydra.launcher.submitit_folder");
    this.folder = path.resolve(typeof folder === "string" ? folder : path.join(sweepDirOfJob(first), ".slurm"));
    this.journal = new SubmissionJournal(this.folder);
  }

  /** A job whose last task has not been recorded yet (a resume): follow that task rather than submit again. */
  private adopt(job: PreparedJob): boolean {
    const task = this.journal.unrecorded(job.num as number);
    if (!task) return false;
    this.tracked.set(task.id, { job, task, state: "UNKNOWN", started: false, timeouts: 0, lost: 0, withdrawn: false });
    return true;
  }

  /** One array for these jobs: task files, batch script, sbatch. Returns the array's id. */
  private async submit(jobs: PreparedJob[], after: string | undefined, carried?: Tracked[]): Promise<string> {
    const dir = path.join(this.folder, `${Date.now().toString(36)}-${this.arrays++}`);
    const taskDir = path.join(dir, "tasks");
    const logDir = path.join(dir, "logs");
    mkdirSync(logDir, { recursive: true });
    jobs.forEach((job, index) => writeTaskFile(taskDir, index, { v: 1, sweepDir: sweepDirOfJob(job), job: encodeJob(job), task: this.task }));
    const script = path.join(dir, "array.sbatch");
    writeFileSync(script, formatArrayScript({ config: this.config, count: jobs.length, logDir, taskDir, cwd: process.cwd(), node: process.execPath, runner: taskRunner(), after }));
    const arrayId = await sbatch(script);
    const tasks = this.journal.submitted(arrayId, dir, jobs.map((j) => j.num as number));
    jobs.forEach((job, i) => {
      const prev = carried?.[i];
      this.tracked.set(tasks[i].id, { job, task: tasks[i], state: "PENDING", started: prev?.started ?? false, timeouts: prev?.timeouts ?? 0, lost: prev?.lost ?? 0, withdrawn: false });
    });
    this.notice("info", `submitted ${jobs.length} job${jobs.length === 1 ? "" : "s"} as array job ${arrayId} (${dir})`);
    return arrayId;
  }

  private detached(): void {
    const arrays = [...new Set([...this.tracked.values()].map((t) => t.task.arrayId))];
    this.notice("info", `detached: ${this.tracked.size} jobs left to SLURM in array job${arrays.length === 1 ? "" : "s"} ${arrays.join(", ")}; hydrant --resume DIR follows and records them`);
  }

  /** Polls squeue until every tracked task ended and was recorded (or dropped). */
  private async follow(): Promise<void> {
    let withdrawn = false;
    let cancelled = false;
    while (this.tracked.size > 0) {
      if (this.aborted && !cancelled) {
        cancelled = this.interrupted = true;
        await this.cancelAll();
      } else if (this.sink.stopped && !withdrawn) {
        withdrawn = true;
        await this.withdrawPending();
      }
      await this.poll();
      this.progress();
      if (this.tracked.size > 0) await sleep(this.config.pollIntervalMs, cancelled ? undefined : this.ctx.signal);
    }
  }

  private async poll(): Promise<void> {
    const rows = await squeue(new Set([...this.tracked.values()].map((t) => t.task.arrayId)));
    const again: Tracked[] = [];
    for (const t of [...this.tracked.values()]) {
      const row = rows.get(t.task.id);
      if (row && isActive(row.state)) {
        this.update(t, row);
        continue;
      }
      const retry = this.ended(t, row);
      if (retry) again.push(retry);
    }
    if (again.length > 0 && !this.aborted && !this.sink.stopped) await this.submit(again.map((t) => t.job), undefined, again);
  }

  private update(t: Tracked, row: QueueRow): void {
    t.state = row.state;
    if (t.started || (row.state !== "RUNNING" && row.state !== "COMPLETING")) return;
    t.started = true;
    this.sink.started(t.job, { ...(row.node && { host: row.node }), scheduler: { id: t.task.id, state: row.state } });
  }

  /** A task left the queue's live states: record it, or return it when it should run again. */
  private ended(t: Tracked, row: QueueRow | undefined): Tracked | undefined {
    this.tracked.delete(t.task.id);
    const outcome = readOutcome(t.job.jobDir, t.task.id);
    const ending = endingOf(row?.state, outcome !== undefined, this.interrupted);
    if (t.withdrawn && !t.started && !outcome) {
      // Never ran: the job stays pending in the manifest, and a resume submits it afresh.
      this.journal.close(t.task.id);
      return undefined;
    }
    if (ending.retry === "timeout" && t.timeouts < this.config.maxNumTimeout) return this.retry(t, "timeouts", `it reached its time limit (timeout_min=${this.config.timeoutMin})`);
    if (ending.retry === "lost" && t.lost < this.config.maxNumLost) return this.retry(t, "lost", ending.reason);
    const result: JobOutcome = outcome
      ? { status: outcome.status, result: outcome.result, exitCode: outcome.exitCode, error: outcome.error, host: outcome.host }
      : { status: "failed", error: `${ending.reason}; SLURM's log: ${path.join(t.task.dir, "logs", `${t.task.arrayId}_${t.task.index}.out`)}` };
    // SLURM's verdict wins over what the task wrote when SLURM stopped it (time limit, scancel, memory).
    if (ending.failed) Object.assign(result, { status: "failed", error: outcome?.error ? `${ending.reason} (${outcome.error})` : result.error });
    this.record(t, { ...result, host: result.host ?? row?.node, scheduler: { id: t.task.id, state: row?.state ?? ending.state } });
    return undefined;
  }

  private retry(t: Tracked, kind: "timeouts" | "lost", reason: string): Tracked {
    t[kind]++;
    this.counts.retried++;
    this.notify({ type: "job_retry", num: t.job.num as number, attempt: t.timeouts + t.lost + 1, reason: `SLURM task ${t.task.id}: ${reason}` });
    return t;
  }

  private record(t: Tracked, outcome: JobOutcome): void {
    if (!t.started) {
      t.started = true;
      this.sink.started(t.job, { ...(outcome.host && { host: outcome.host }), scheduler: outcome.scheduler });
    }
    if (outcome.status === "completed") this.counts.done++;
    else this.counts.failed++;
    this.sink.finished(t.job, outcome);
    this.journal.close(t.task.id);
  }

  /** Ctrl-C: every task of this sweep is cancelled; those never started are simply not run. */
  private async cancelAll(): Promise<void> {
    for (const t of this.tracked.values()) if (!t.started) t.withdrawn = true;
    await scancel(this.arrayIds()).catch((e: unknown) => this.notice("warning", `could not cancel: ${(e as Error).message}`));
  }

  /** Fail-fast: no new task starts; running ones finish. */
  private async withdrawPending(): Promise<void> {
    for (const t of this.tracked.values()) if (!t.started) t.withdrawn = true;
    await scancel(this.arrayIds(), true).catch((e: unknown) => this.notice("warning", `could not withdraw pending tasks: ${(e as Error).message}`));
  }

  private arrayIds(): string[] {
    return [...new Set([...this.tracked.values()].map((t) => t.task.arrayId))];
  }

  private progress(): void {
    let queued = 0;
    let running = 0;
    for (const t of this.tracked.values()) {
      if (t.started) running++;
      else queued++;
    }
    this.notify({ type: "launcher_progress", launcher: LAUNCHER, queued, running, ...this.counts });
  }

  private notice(level: "info" | "warning", message: string): void {
    this.notify({ type: "launcher_notice", launcher: LAUNCHER, level, message });
  }

  private notify(e: LauncherEvent): void {
    this.sink.notify?.(e);
  }
}

/** The sweep's jobs in arrays of at most `size`; stops pulling when `stop()` says so. */
async function* chunks(jobs: AsyncIterable<PreparedJob>, size: number, stop: () => boolean): AsyncGenerator<PreparedJob[]> {
  let chunk: PreparedJob[] = [];
  for await (const job of jobs) {
    if (job.num === undefined) throw new LaunchError("The slurm launcher runs sweep jobs only (jobs need a number): use --multirun.");
    chunk.push(job);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
    if (stop()) break;
  }
  if (chunk.length > 0 && !stop()) yield chunk;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
