/**
 * The distributed launcher: queues the sweep's jobs in BullMQ for `hydrant worker`s on any machine and
 * follows them through the queue's event stream until each has completed or failed for good.
 *
 * - Streaming: at most `max_queued` of this sweep's jobs sit in the queue unfinished; the next batch
 *   is pulled from the sweep only as earlier ones finish, so a 10⁵-job sweep is never in memory at once.
 * - Idempotent: job ids derive from the sweep dir and job number. A resumed launcher re-adds the
 *   unfinished jobs; those still in the queue are followed, not duplicated, and those that completed
 *   while no launcher watched are recorded without running again.
 * - The manifest is the durable record: a job is removed from Redis once recorded there.
 */
import type { Job, JobsOptions, Queue, QueueEvents } from "bullmq";
import { UsageError } from "../../errors.js";
import { sweepDirOfJob } from "../../job/job-dirs.js";
import type { LauncherEvent } from "../../core/launcher.js";
import type { JobOutcome, LaunchContext, LaunchSink, Launcher, PreparedJob } from "../../core/launcher.js";
import { encodeJob } from "../wire.js";
import { parseLauncherConfig, redisConnection, type BullmqLauncherConfig } from "./config.js";
import { ConnectionWatch, firstConnection } from "./connection.js";
import { loadBullmq } from "./load-bullmq.js";
import { queueSecret, signJob } from "./signing.js";
import { DEFAULT_TIMING, formatTiming, publishTiming, sameTiming, TIMING_POLL_MS } from "./timing.js";
import { findOutcome, forgetOutcome, outcomeInJobDir, readOutcomeKeys } from "./outcome.js";
import { PROTOCOL_VERSION, queueJobId, type QueueOutcomeRecord, type QueueFailureDetails, type QueueJobData, type QueueJobResult, type QueuedTask, queuedTaskOf } from "./protocol.js";

const LAUNCHER = "bullmq";
/** Jobs added to Redis per round trip. */
const ADD_BATCH = 200;
/** How often the launcher double-checks the queue for endings it may have missed (events trimmed, outage). */
const RECONCILE_MS = 5000;
const PROGRESS_EVERY_MS = 250;
const ERROR_TAIL_LINES = 20;
/** A job lost from Redis is queued again at most this often before it counts as failed. */
const MAX_REQUEUES = 3;
/** After changing the queue's timing, how long its workers get to read it before jobs are queued. */
const TIMING_SETTLE_MS = TIMING_POLL_MS + 1000;

export function createBullmqLauncher(ctx: LaunchContext): Launcher {
  const config = parseLauncherConfig(ctx.config);
  const task = queuedTaskOf(ctx, "bullmq", "forking the app's main() script on the workers");
  const secret = queueSecret();
  return { launch: (jobs, sink) => new QueueSweep(config, task, sink, secret).run(jobs) };
}

interface Tracked {
  id: string;
  job: PreparedJob;
  /** Reported to the sink as started (once per launch, however often the queue restarts it). */
  started: boolean;
  /** Waiting in the queue (first time or for a retry) vs held by a worker. */
  state: "queued" | "running";
  /** In Redis: endings are looked for only after the job was added. */
  added: boolean;
  stalled: boolean;
  starts: number;
  /** Times the job was queued again after vanishing from Redis. */
  requeued: number;
}

class QueueSweep {
  private readonly tracked = new Map<string, Tracked>();
  private readonly counts = { done: 0, failed: 0, retried: 0 };
  private waiters: (() => void)[] = [];
  private lastProgressAt = 0;
  private progressTimer: NodeJS.Timeout | undefined;
  private queue!: Queue;
  /** The sweep dir, once the first job told it and the queue's timing was set. */
  private timingSweep: string | undefined;

  constructor(
    private readonly config: BullmqLauncherConfig,
    private readonly task: QueuedTask,
    private readonly sink: LaunchSink,
    private readonly secret: Buffer,
  ) {}

  async run(jobs: AsyncIterable<PreparedJob>): Promise<void> {
    const { Queue, QueueEvents } = await loadBullmq();
    const connection = redisConnection(this.config.redis);
    this.queue = new Queue(this.config.queue, { connection });
    const watch = new ConnectionWatch(this.config.redis, () => this.queue.getJobCounts("active"), {
      lost: (message) => this.notify({ type: "launcher_notice", launcher: LAUNCHER, level: "warning", message }),
      restored: (message) => {
        this.notify({ type: "launcher_notice", launcher: LAUNCHER, level: "info", message });
        // A Redis restarted without persistence forgot the timing too: workers started from now on need it.
        if (this.timingSweep) void publishTiming(this.queue, this.config.timing, this.timingSweep).catch(() => {});
      },
    });
    this.queue.on("error", (e) => watch.error(e));
    let events: QueueEvents | undefined;
    let reconcile: NodeJS.Timeout | undefined;
    try {
      await firstConnection(this.config.redis, this.queue.waitUntilReady(), this.config.connectTimeoutMs, "hydra.launcher.redis");
      events = new QueueEvents(this.config.queue, { connection, lastEventId: await this.streamMark() });
      events.on("error", (e) => watch.error(e));
      this.follow(events);
      reconcile = setInterval(() => void this.reconcile().catch((e: unknown) => watch.error(e)), RECONCILE_MS);
      await this.enqueueAll(jobs);
      await this.drain();
    } finally {
      clearInterval(reconcile);
      clearTimeout(this.progressTimer);
      this.emitProgress();
      await Promise.allSettled([events?.close(), this.queue.close()]);
    }
  }

  /**
   * Where to start reading the queue's event stream: a marker appended now. QueueEvents would otherwise
   * start at '$' whenever its first read happens, missing events of jobs that start right after adding.
   */
  private async streamMark(): Promise<string> {
    const client = await this.queue.getBackend().client;
    return client.xadd(this.queue.keys.events, "*", { event: "hydrant:attach" });
  }

  /** Pulls jobs in batches while fewer than `max_queued` are unfinished (backpressure on the sweep). */
  private async enqueueAll(jobs: AsyncIterable<PreparedJob>): Promise<void> {
    const it = jobs[Symbol.asyncIterator]();
    let exhausted = false;
    try {
      while (!exhausted && !this.sink.stopped) {
        await this.until(() => this.tracked.size < this.config.maxQueued || this.sink.stopped);
        const batch: PreparedJob[] = [];
        const room = Math.min(ADD_BATCH, this.config.maxQueued - this.tracked.size);
        while (batch.length < room && !this.sink.stopped) {
          const next = await it.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          batch.push(next.value);
        }
        if (batch.length > 0 && this.timingSweep === undefined) await this.setTiming(sweepDirOfJob(batch[0]!));
        if (batch.length > 0) await this.enqueue(batch);
      }
    } finally {
      if (!exhausted) await it.return?.();
    }
  }

  /**
   * Gives the queue this sweep's lock and stalled check (the last sweep to start wins). When they change,
   * the workers get a moment to read them, so that they take this sweep's first jobs with them.
   */
  private async setTiming(sweepDir: string): Promise<void> {
    this.timingSweep = sweepDir;
    const timing = this.config.timing;
    const before = (await publishTiming(this.queue, timing, sweepDir)) ?? DEFAULT_TIMING;
    if (sameTiming(before, timing)) return;
    const counts = await this.queue.getJobCounts("waiting", "prioritized", "delayed", "active");
    const pending = Object.values(counts).reduce((a, b) => a + b, 0);
    const by = "sweep" in before && before.sweep && before.sweep !== sweepDir ? ` set by ${before.sweep}` : "";
    const others = pending > 0 ? `; the ${pending} job(s) already in it are taken with these too, whichever sweep queued them` : "";
    this.notify({
      type: "launcher_notice",
      launcher: LAUNCHER,
      level: pending > 0 ? "warning" : "info",
      message: `queue '${this.config.queue}': workers now use ${formatTiming(timing)} (was ${formatTiming(before)}${by})${others}; workers started with --lock-duration/--stalled-interval keep theirs`,
    });
    await new Promise((resolve) => setTimeout(resolve, TIMING_SETTLE_MS));
  }

  /** Adds a batch; jobs this sweep already has in the queue (a resume) are followed instead. */
  private async enqueue(batch: PreparedJob[]): Promise<void> {
    const entries = batch.map((job) => this.track(job));
    const states = await Promise.all(entries.map((t) => this.queue.getJobState(t.id)));
    const unknown = entries.filter((_, i) => states[i] === "unknown");
    const recorded = new Map((await readOutcomeKeys(this.queue, unknown.map((t) => t.id))).map((r, i) => [unknown[i]!.id, r]));
    const toAdd: Tracked[] = [];
    await Promise.all(
      entries.map(async (t, i) => {
        const state = states[i];
        if (state === "unknown") {
          // Completed while no launcher watched and lost with a Redis restart: its worker's record says so.
          const record = recorded.get(t.id) ?? outcomeInJobDir(t.job.jobDir, t.id);
          if (record) return this.endRecorded(t, record);
          return void toAdd.push(t);
        }
        if (state === "failed") {
          // Failed for good while no launcher watched: a resume runs failed jobs again, as the local launcher does.
          await this.queue.remove(t.id);
          return void toAdd.push(t);
        }
        t.added = true;
        if (state === "completed") return this.endFromQueue(t.id, "completed");
        if (state === "active") this.markRunning(t);
      }),
    );
    await this.queue.addBulk(toAdd.map((t) => ({ name: `job-${t.job.num}`, data: this.payload(t.job), opts: this.jobOptions(t.id) })));
    for (const t of toAdd) t.added = true;
    this.progress();
  }

  private track(job: PreparedJob): Tracked {
    if (job.num === undefined) throw new UsageError("The bullmq launcher runs sweep jobs only (jobs need a number).");
    const id = queueJobId(sweepDirOfJob(job), job.num);
    const t: Tracked = { id, job, started: false, state: "queued", added: false, stalled: false, starts: 0, requeued: 0 };
    // Tracked before it is added: a fast worker's events can arrive before addBulk returns.
    this.tracked.set(id, t);
    return t;
  }

  private payload(job: PreparedJob): QueueJobData {
    return signJob(this.unsigned(job), this.secret);
  }

  private unsigned(job: PreparedJob): QueueJobData {
    return { v: PROTOCOL_VERSION, sweepDir: sweepDirOfJob(job), job: encodeJob(job), task: this.task, ...(this.config.timeoutMs !== undefined && { timeoutMs: this.config.timeoutMs }) };
  }

  private jobOptions(jobId: string): JobsOptions {
    const c = this.config;
    // Kept in Redis until recorded in the manifest: a job ending while no launcher watches is not lost.
    return { jobId, attempts: c.attempts, removeOnComplete: false, removeOnFail: false, ...(c.backoff && { backoff: c.backoff }), ...(c.priority > 0 && { priority: c.priority }) };
  }

  /** Waits until every queued job of this sweep ended; with fail-fast, unstarted ones are withdrawn. */
  private async drain(): Promise<void> {
    let withdrawn = false;
    while (this.tracked.size > 0) {
      if (this.sink.stopped && !withdrawn) {
        withdrawn = true;
        await this.withdrawUnstarted();
        continue;
      }
      await this.nextChange();
    }
  }

  private async withdrawUnstarted(): Promise<void> {
    for (const t of [...this.tracked.values()]) {
      if (t.started || !t.added) continue;
      // remove() refuses a job a worker holds (returns 0): that one runs to its end.
      if ((await this.queue.remove(t.id)) === 1 && !this.tracked.get(t.id)?.started) this.tracked.delete(t.id);
    }
    this.wake();
  }

  private follow(events: QueueEvents): void {
    events.on("active", ({ jobId }) => {
      const t = this.tracked.get(jobId);
      if (t) this.markRunning(t);
    });
    events.on("stalled", ({ jobId }) => {
      const t = this.tracked.get(jobId);
      if (t) t.stalled = true;
    });
    events.on("waiting", ({ jobId, prev }) => {
      if (prev === "active") this.requeued(jobId);
    });
    events.on("delayed", ({ jobId }) => this.requeued(jobId));
    events.on("completed", ({ jobId, returnvalue }) => {
      const t = this.tracked.get(jobId);
      if (t) this.end(t, completedOutcome(returnvalue));
    });
    events.on("failed", ({ jobId }) => void this.endFromQueue(jobId, "failed"));
  }

  private markRunning(t: Tracked): void {
    t.state = "running";
    t.starts++;
    if (!t.started) {
      t.started = true;
      this.sink.started(t.job, {});
    }
    this.progress();
  }

  /** Back in the queue after a start: a failed attempt being retried, a stalled (dead) worker, or a handed-back job. */
  private requeued(jobId: string): void {
    const t = this.tracked.get(jobId);
    if (!t || !t.started || t.state === "queued") return;
    t.state = "queued";
    this.counts.retried++;
    void this.retryReason(t).then((reason) => this.notify({ type: "job_retry", num: t.job.num as number, attempt: t.starts + 1, reason }));
    this.progress();
  }

  private async retryReason(t: Tracked): Promise<string> {
    const job = await this.queue.getJob(t.id).catch(() => undefined);
    // BullMQ announces a stalled job's 'waiting' before its 'stalled': look once the job was fetched.
    if (t.stalled) {
      t.stalled = false;
      return "its worker stopped responding (stalled job)";
    }
    return job?.failedReason ? `attempt failed: ${job.failedReason.split("\n", 1)[0]}` : "handed back by its worker";
  }

  /** Records an ending read from the job itself (a failure's details, or a completion seen by reconcile/resume). */
  private async endFromQueue(jobId: string, status: "completed" | "failed"): Promise<void> {
    if (!this.tracked.has(jobId)) return;
    const job = await this.queue.getJob(jobId);
    const t = this.tracked.get(jobId);
    if (!t) return;
    if (!job) return this.lost(t);
    this.end(t, status === "completed" ? { ...completedOutcome(job.returnvalue), attempts: job.attemptsStarted || undefined } : failedOutcome(job));
  }

  /**
   * The job vanished from Redis (restarted without persistence, or removed). A completion its worker
   * recorded in the job dir counts; otherwise the job is queued again, never marked failed for it.
   */
  private async lost(t: Tracked): Promise<void> {
    const record = await findOutcome(this.queue, t.id, t.job.jobDir);
    if (!this.tracked.has(t.id)) return;
    if (record) return this.endRecorded(t, record);
    if (++t.requeued > MAX_REQUEUES) {
      return this.end(t, { status: "failed", error: `the job disappeared from the queue ${MAX_REQUEUES} times (removed, or Redis restarted without persistence); resume the sweep to run it again` });
    }
    this.notify({ type: "launcher_notice", launcher: LAUNCHER, level: "warning", message: `job #${t.job.num} is no longer in the queue (Redis restarted without persistence?): queued again` });
    t.state = "queued";
    // Marked: if it did complete (its worker's record not written yet), the worker returns that record instead of running it again.
    await this.queue.add(`job-${t.job.num}`, signJob({ ...this.unsigned(t.job), resubmitted: true as const }, this.secret), this.jobOptions(t.id));
  }

  private endRecorded(t: Tracked, record: QueueOutcomeRecord): void {
    this.end(t, { ...completedOutcome(record), attempts: record.attempt });
  }

  private end(t: Tracked, outcome: JobOutcome): void {
    if (!this.tracked.delete(t.id)) return;
    if (!t.started) {
      t.started = true;
      this.sink.started(t.job, {});
    }
    if (outcome.status === "completed") this.counts.done++;
    else this.counts.failed++;
    this.sink.finished(t.job, outcome);
    // Recorded (the journal write is synchronous): Redis need not keep it.
    void this.queue.remove(t.id).catch(() => {});
    if (outcome.status === "completed") void forgetOutcome(this.queue, t.id).catch(() => {});
    this.wake();
    this.progress();
  }

  /** Safety net for endings whose events were missed (event stream trimmed during a long outage). */
  private async reconcile(): Promise<void> {
    const added = [...this.tracked.values()].filter((t) => t.added);
    const states = await Promise.all(added.map((t) => this.queue.getJobState(t.id)));
    await Promise.all(added.map((t, i) => (states[i] === "completed" || states[i] === "failed" || states[i] === "unknown" ? this.endFromQueue(t.id, states[i] === "completed" ? "completed" : "failed") : undefined)));
  }

  private until(ready: () => boolean): Promise<void> {
    return (async () => {
      while (!ready()) await this.nextChange();
    })();
  }

  private nextChange(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }

  private notify(e: LauncherEvent): void {
    this.sink.notify?.(e);
  }

  /** Queue-wide counts for this sweep, at most every PROGRESS_EVERY_MS. */
  private progress(): void {
    if (this.progressTimer) return;
    const wait = this.lastProgressAt + PROGRESS_EVERY_MS - Date.now();
    if (wait <= 0) return this.emitProgress();
    this.progressTimer = setTimeout(() => this.emitProgress(), wait);
  }

  private emitProgress(): void {
    this.progressTimer = undefined;
    this.lastProgressAt = Date.now();
    let queued = 0;
    for (const t of this.tracked.values()) if (t.state === "queued") queued++;
    this.notify({ type: "launcher_progress", launcher: LAUNCHER, queued, running: this.tracked.size - queued, ...this.counts });
  }
}

function completedOutcome(returnvalue: unknown): JobOutcome {
  const r = (typeof returnvalue === "string" ? safeParse(returnvalue) : returnvalue) as Partial<QueueJobResult> | null | undefined;
  return { status: "completed", result: r?.result, ...(r?.exitCode !== undefined && { exitCode: r.exitCode }), ...(r?.attempt !== undefined && { attempts: r.attempt }), ...(r?.host !== undefined && { host: r.host }) };
}

function failedOutcome(job: Job): JobOutcome {
  const d = (typeof job.progress === "object" ? job.progress : {}) as Partial<QueueFailureDetails>;
  const tail = d.logTail ? `\n--- last output ---\n${d.logTail.trimEnd().split("\n").slice(-ERROR_TAIL_LINES).join("\n")}` : "";
  return {
    status: "failed",
    error: `${job.failedReason || "failed"}${tail}`,
    ...(d.exitCode !== undefined && { exitCode: d.exitCode }),
    ...(d.result !== undefined && { result: d.result }),
    attempts: job.attemptsStarted || d.attempt,
    ...((d.host ?? job.processedBy) !== undefined && { host: d.host ?? job.processedBy }),
  };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
