/**
 * `hydrant worker`: takes jobs from the queue and runs them as the local launcher would. On shutdown
 * (the `signal`) it takes no new job, lets the running ones finish for `graceMs`, then kills them and
 * puts them back in the queue for another worker. A worker that dies without warning (SIGKILL) leaves
 * its jobs locked; BullMQ's stalled-job check on the other workers puts them back after `lockDuration`,
 * which (with the check's interval) the worker takes from its queue unless told otherwise (timing.ts).
 */
import os from "node:os";
import type { Job, Queue } from "bullmq";
import { queueName, redisConnection } from "./config.js";
import { ConnectionWatch, firstConnection } from "./connection.js";
import { loadBullmq } from "./load-bullmq.js";
import { findOutcome, recordOutcome } from "./outcome.js";
import { isQueueJobData, jsonSafe, type QueueFailureDetails, type QueueJobData, type QueueJobResult } from "./protocol.js";
import { EntryProcesses, runPayload } from "./run-payload.js";
import { queueSecret, SECRET_ENV, signatureProblem } from "./signing.js";
import { TimedWorkers, type WorkerFactory } from "./generations.js";
import { LaunchError } from "../../errors.js";
import { DEFAULT_TIMING, formatTiming, readTiming, sameTiming, TIMING_POLL_MS, timingProblem, type PublishedTiming, type QueueTiming } from "./timing.js";

/** Options of {@link runWorker}: which Redis and queue, how many jobs at once, and where events go. */
export interface RunWorkerOptions {
  /** Redis URL, e.g. redis://127.0.0.1:6379. */
  redis: string;
  /** Queue name (the sweep's hydra.launcher.queue). */
  queue: string;
  /** Jobs run at once by this worker (default 1). */
  concurrency?: number;
  /** Aborting it shuts the worker down gracefully; runWorker resolves when it has. */
  signal?: AbortSignal;
  /** After the signal, how long running jobs may finish before they are killed and re-queued (default 10 000 ms). */
  graceMs?: number;
  /**
   * Milliseconds a job's lock lives without renewal (a live worker renews it every half of this): a dead
   * worker's job is retaken after about this plus `stalledInterval`. Default: the queue's, which the last
   * sweep started on it set (`hydra.launcher.lock_duration`), else {@link DEFAULT_LOCK_MS}; given here, it
   * wins over the queue's.
   */
  lockDuration?: number;
  /**
   * Milliseconds between this worker's checks for stalled jobs, shorter than the lock. Default: the queue's
   * (`hydra.launcher.stalled_interval`), else {@link DEFAULT_STALLED_INTERVAL_MS}; given here, it wins.
   */
  stalledInterval?: number;
  /** Stalls a job may survive before it is failed (default 1). */
  maxStalledCount?: number;
  /** Recorded as the host of the jobs this worker runs (default `hostname:pid`). */
  name?: string;
  /** Seconds to wait for Redis at start (default 30). */
  connectTimeout?: number;
  onEvent?: (event: WorkerEvent) => void;
  /** The same events as one-line messages, for a terminal. */
  onMessage?: (text: string) => void;
}

/** A job's lock when neither the worker nor its queue says otherwise: see {@link DEFAULT_TIMING}. */
export const DEFAULT_LOCK_MS = DEFAULT_TIMING.lockMs;
/** How often a worker looks for stalled jobs when neither it nor its queue says otherwise. */
export const DEFAULT_STALLED_INTERVAL_MS = DEFAULT_TIMING.stalledMs;

/** What a queue worker reports while it runs (see {@link RunWorkerOptions}). */
export type WorkerEvent =
  | { type: "worker_ready"; name: string; queue: string; concurrency: number; lockMs: number; stalledIntervalMs: number; timingFrom: string }
  /** The queue's timing changed (a sweep set it): the jobs taken from now on get it. */
  | { type: "timing_changed"; lockMs: number; stalledIntervalMs: number; timingFrom: string }
  /** The queue's timing cannot be combined with this worker's flag: the worker keeps what it has. */
  | { type: "timing_refused"; reason: string }
  | { type: "job_start"; id: string; num?: number; attempt: number; jobDir: string }
  | { type: "job_end"; id: string; num?: number; status: "completed" | "failed" | "released"; durationMs: number; error?: string }
  | { type: "job_rejected"; id: string; reason: string }
  | { type: "connection_lost"; message: string }
  | { type: "connection_restored"; message: string }
  | { type: "worker_stopping"; running: number; graceMs: number }
  | { type: "worker_stopped"; completed: number; failed: number; released: number };

/** What a worker did, once it stopped. */
export interface WorkerSummary {
  name: string;
  completed: number;
  failed: number;
  /** Jobs put back in the queue at shutdown. */
  released: number;
}

interface Running {
  stop: AbortController;
  released: boolean;
}

/** Serves the queue until `signal` aborts; resolves with what it did. */
export async function runWorker(o: RunWorkerOptions): Promise<WorkerSummary> {
  const { Worker, Queue, WaitingError, UnrecoverableError } = await loadBullmq();
  const connection = redisConnection(o.redis);
  const name = o.name ?? `${os.hostname()}:${process.pid}`;
  const concurrency = Math.max(1, Math.floor(o.concurrency ?? 1));
  const emit = eventSink(o);
  const summary: WorkerSummary = { name, completed: 0, failed: 0, released: 0 };
  const running = new Map<string, Running>();
  const processes = new EntryProcesses();
  const secret = queueSecret();

  const processor = async (bjob: Job<QueueJobData>, token?: string): Promise<QueueJobResult> => {
    const forged = signatureProblem(bjob.data, secret);
    if (forged) {
      // Never run it: anyone able to write to Redis could have queued it. Recorded as the job's failure.
      emit({ type: "job_rejected", id: String(bjob.id), reason: forged });
      throw new UnrecoverableError(`rejected by worker ${name}: ${forged}; hydrant workers run only jobs signed with their shared secret (${SECRET_ENV})`);
    }
    if (!isQueueJobData(bjob.data)) throw new UnrecoverableError("not a hydrant job (or one from an incompatible hydrant version)");
    const id = String(bjob.id);
    if (bjob.data.resubmitted) {
      const done = await findOutcome(probe, id, bjob.data.job.jobDir);
      if (done) return alreadyCompleted(bjob, done, emit);
    }
    const slot: Running = { stop: new AbortController(), released: false };
    running.set(id, slot);
    try {
      return await processOne(bjob, slot, { name, processes, emit, summary, queue: probe });
    } catch (e) {
      if (!slot.released) throw e;
      // Shutdown: hand the job back untouched so another worker runs it (not a failed attempt).
      await bjob.moveToWait(token);
      throw new WaitingError();
    } finally {
      running.delete(id);
    }
  };

  const probe: Queue = new Queue(queueName(o.queue), { connection });
  const watch = new ConnectionWatch(o.redis, () => probe.getJobCounts("active"), {
    lost: (message) => emit({ type: "connection_lost", message }),
    restored: (message) => emit({ type: "connection_restored", message }),
  });
  probe.on("error", (e) => watch.error(e));
  const connectMs = (o.connectTimeout ?? 30) * 1000;
  const create: WorkerFactory = (t, n, fn) => {
    const w = new Worker<QueueJobData, QueueJobResult>(o.queue, fn, { connection, concurrency: n, name, autorun: false, lockDuration: t.lockMs, stalledInterval: t.stalledMs, ...(o.maxStalledCount !== undefined && { maxStalledCount: o.maxStalledCount }) });
    w.on("error", (e) => watch.error(e));
    return w;
  };
  let started: { workers: TimedWorkers; from: string } | undefined;
  try {
    await firstConnection(o.redis, probe.waitUntilReady(), connectMs, "--redis");
    const first = timingFor(o, await readTiming(probe));
    if (first.problem) throw new LaunchError(`${first.problem}. Give this worker other --lock-duration/--stalled-interval, or set the queue's with a sweep.`, { key: "--stalled-interval" });
    started = { workers: new TimedWorkers(create, concurrency, processor, first.timing), from: first.from };
    await firstConnection(o.redis, started.workers.ready(), connectMs, "--redis");
  } catch (e) {
    await Promise.allSettled([started?.workers.close(), probe.close()]);
    throw e;
  }
  const { workers, from } = started;
  workers.start();
  emit({ type: "worker_ready", name, queue: o.queue, concurrency, lockMs: workers.timing.lockMs, stalledIntervalMs: workers.timing.stalledMs, timingFrom: from });
  const follow = followQueueTiming(o, probe, workers, emit);
  await untilAborted(o.signal);
  follow.stop();
  await shutdown(workers, running, o.graceMs ?? 10_000, emit);
  await workers.done();
  await Promise.allSettled([processes.stopAll(), probe.close()]);
  emit({ type: "worker_stopped", completed: summary.completed, failed: summary.failed, released: summary.released });
  return summary;
}

/** The timing this worker's flags and its queue's hash give, where it comes from, and what is wrong with it. */
function timingFor(o: RunWorkerOptions, published: PublishedTiming | undefined): { timing: QueueTiming; from: string; problem?: string } {
  const base = published ?? DEFAULT_TIMING;
  const timing = { lockMs: o.lockDuration ?? base.lockMs, stalledMs: o.stalledInterval ?? base.stalledMs };
  const queueKey = (key: string) => (published ? `the queue's hydra.launcher.${key}` : `the default ${key}`);
  const names = { lock: o.lockDuration !== undefined ? "--lock-duration" : queueKey("lock_duration"), stalled: o.stalledInterval !== undefined ? "--stalled-interval" : queueKey("stalled_interval") };
  const flags = [o.lockDuration !== undefined && "--lock-duration", o.stalledInterval !== undefined && "--stalled-interval"].filter(Boolean);
  const queue = published ? `the queue's${published.sweep ? `, set by the sweep ${published.sweep}` : ""}` : "the defaults: no sweep set the queue's";
  const from = flags.length === 2 ? flags.join(" and ") : flags.length === 1 ? `${flags[0]}; otherwise ${queue}` : queue;
  return { timing, from, problem: timingProblem(timing, names) };
}

/** Re-reads the queue's timing every TIMING_POLL_MS; a change is adopted for the jobs taken next. */
function followQueueTiming(o: RunWorkerOptions, probe: Queue, workers: TimedWorkers, emit: (e: WorkerEvent) => void): { stop(): void } {
  if (o.lockDuration !== undefined && o.stalledInterval !== undefined) return { stop: () => {} };
  let busy = false;
  let refused = "";
  const check = async () => {
    const published = await readTiming(probe);
    // None (Redis restarted empty, or the key was removed): keep what the worker has.
    if (!published) return;
    const next = timingFor(o, published);
    if (sameTiming(next.timing, workers.timing)) return;
    if (next.problem) {
      if (next.problem !== refused) emit({ type: "timing_refused", reason: next.problem });
      refused = next.problem;
      return;
    }
    refused = "";
    workers.adopt(next.timing);
    emit({ type: "timing_changed", lockMs: next.timing.lockMs, stalledIntervalMs: next.timing.stalledMs, timingFrom: next.from });
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    // A Redis outage is reported by the connection watch; the next read after it catches up.
    void check()
      .catch(() => {})
      .finally(() => (busy = false));
  }, TIMING_POLL_MS);
  return { stop: () => clearInterval(timer) };
}

interface ProcessContext {
  name: string;
  /** Where a completion is recorded beside the job (outcome.ts). */
  queue: Queue;
  processes: EntryProcesses;
  emit: (e: WorkerEvent) => void;
  summary: WorkerSummary;
}

/** One attempt: returns the result, or records the failure's details in the job's progress and throws. */
async function processOne(bjob: Job<QueueJobData>, slot: Running, c: ProcessContext): Promise<QueueJobResult> {
  const data = bjob.data;
  const id = String(bjob.id);
  const attempt = Math.max(1, bjob.attemptsStarted);
  const t0 = Date.now();
  let timedOut = false;
  const timer = data.timeoutMs === undefined ? undefined : setTimeout(() => ((timedOut = true), slot.stop.abort()), data.timeoutMs);
  c.emit({ type: "job_start", id, num: data.job.num, attempt, jobDir: data.job.jobDir });
  try {
    const { outcome, logTail } = await runPayload(data, c.processes, slot.stop.signal);
    if (slot.released) throw new Error("released at shutdown");
    if (outcome.status === "completed") {
      c.summary.completed++;
      c.emit({ type: "job_end", id, num: data.job.num, status: "completed", durationMs: Date.now() - t0 });
      const result: QueueJobResult = { result: jsonSafe(outcome.result), ...(outcome.exitCode !== undefined && { exitCode: outcome.exitCode }), host: c.name, attempt };
      // Before BullMQ is told: if Redis restarts and forgets the job, the sweep process still finds this.
      await recordOutcome(c.queue, data.job.jobDir, { id, status: "completed", ...result });
      return result;
    }
    const error = timedOut ? `timed out after ${(data.timeoutMs as number) / 1000}s (hydra.launcher.timeout)` : (outcome.error ?? "failed");
    const details: QueueFailureDetails = { host: c.name, attempt, ...(outcome.exitCode !== undefined && { exitCode: outcome.exitCode }), ...(outcome.result !== undefined && { result: jsonSafe(outcome.result) }), ...(logTail && { logTail }) };
    await bjob.updateProgress(details as unknown as object);
    c.summary.failed++;
    c.emit({ type: "job_end", id, num: data.job.num, status: "failed", durationMs: Date.now() - t0, error });
    throw new Error(error);
  } catch (e) {
    if (slot.released) {
      c.summary.released++;
      c.emit({ type: "job_end", id, num: data.job.num, status: "released", durationMs: Date.now() - t0 });
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** A job queued again after Redis lost it, that had completed: its recorded outcome, not a second run. */
function alreadyCompleted(bjob: Job<QueueJobData>, record: QueueJobResult, emit: (e: WorkerEvent) => void): QueueJobResult {
  emit({ type: "job_end", id: String(bjob.id), num: bjob.data.job.num, status: "completed", durationMs: 0, error: undefined });
  const { result, exitCode, host, attempt } = record;
  return { result, ...(exitCode !== undefined && { exitCode }), host, attempt };
}

/** No new jobs; running ones get `graceMs`, then are killed and handed back to the queue. */
async function shutdown(workers: TimedWorkers, running: Map<string, Running>, graceMs: number, emit: (e: WorkerEvent) => void): Promise<void> {
  emit({ type: "worker_stopping", running: running.size, graceMs });
  const closing = workers.close();
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
  await Promise.race([closing, grace]);
  clearTimeout(timer);
  for (const slot of running.values()) {
    slot.released = true;
    slot.stop.abort();
  }
  await closing;
}

function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => {});
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}

function eventSink(o: RunWorkerOptions): (e: WorkerEvent) => void {
  return (e) => {
    o.onEvent?.(e);
    if (o.onMessage) o.onMessage(formatWorkerEvent(e));
  };
}

/** One worker event as the line `hydrant worker` prints. */
export function formatWorkerEvent(e: WorkerEvent): string {
  switch (e.type) {
    case "worker_ready":
      return `worker ${e.name} ready: queue '${e.queue}', concurrency ${e.concurrency}, ${formatTiming({ lockMs: e.lockMs, stalledMs: e.stalledIntervalMs })} (${e.timingFrom})`;
    case "timing_changed":
      return `from now on: ${formatTiming({ lockMs: e.lockMs, stalledMs: e.stalledIntervalMs })} (${e.timingFrom}); running jobs keep theirs`;
    case "timing_refused":
      return `the queue's new timing is not used: ${e.reason}`;
    case "job_start":
      return `job #${e.num ?? "?"} started (attempt ${e.attempt}) in ${e.jobDir}`;
    case "job_end":
      return `job #${e.num ?? "?"} ${e.status} after ${(e.durationMs / 1000).toFixed(1)}s${e.error ? `: ${firstLine(e.error)}` : ""}`;
    case "job_rejected":
      return `job ${e.id} REJECTED, not run: ${e.reason}`;
    case "connection_lost":
    case "connection_restored":
      return e.message;
    case "worker_stopping":
      return e.running > 0 ? `stopping: ${e.running} job(s) running, waiting up to ${(e.graceMs / 1000).toFixed(0)}s before handing them back to the queue` : "stopping";
    case "worker_stopped":
      return `stopped: ${e.completed} completed, ${e.failed} failed, ${e.released} handed back`;
  }
}

function firstLine(s: string): string {
  return s.split("\n", 1)[0];
}
