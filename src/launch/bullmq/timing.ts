/**
 * How soon a dead worker's job is retaken: its lock's life and how often workers look for expired locks.
 * BullMQ reads both from the worker that takes a job, and the sweep process runs no worker, so a sweep's
 * `hydra.launcher.lock_duration`/`stalled_interval` travel through Redis: the launcher writes them into
 * a hash of the queue (`bull:<queue>:hydrant-timing`) before queueing, and every `hydrant worker` of the
 * queue reads it when it starts and every {@link TIMING_POLL_MS} after, for the jobs it takes next.
 * The last sweep to start on a queue sets them for all its workers; a worker's own flags win.
 */
import type { Queue } from "bullmq";
import { LaunchError } from "../../errors.js";

/** A worker's lock duration and stalled-check interval, in milliseconds. */
export interface QueueTiming {
  lockMs: number;
  stalledMs: number;
}

/**
 * A dead worker's job is back in the queue within about 8 s (lock 6 s + one 2 s check), not BullMQ's
 * 30 s + 30 s: the lock is renewed every 3 s by a live worker, cheap for Redis and safe because the
 * worker's event loop only watches child processes.
 */
export const DEFAULT_TIMING: Readonly<QueueTiming> = { lockMs: 6_000, stalledMs: 2_000 };

/** How often a worker re-reads its queue's timing (a sweep started after the worker may change it). */
export const TIMING_POLL_MS = 1_000;

/** What the queue's hash holds: the timing, and which sweep set it when. */
export interface PublishedTiming extends QueueTiming {
  sweep?: string;
  at?: number;
}

/** Where a timing value was given, for messages: `hydra.launcher.lock_duration`, `--lock-duration`, … */
export interface TimingNames {
  lock: string;
  stalled: string;
}

export const LAUNCHER_KEYS: TimingNames = { lock: "hydra.launcher.lock_duration", stalled: "hydra.launcher.stalled_interval" };
export const WORKER_FLAGS: TimingNames = { lock: "--lock-duration", stalled: "--stalled-interval" };

/** A time given in seconds, as milliseconds; anything but a positive number is refused, naming `name`. */
export function positiveSeconds(value: unknown, name: string): number {
  const ms = typeof value === "number" && Number.isFinite(value) ? Math.round(value * 1000) : NaN;
  const shown = typeof value === "number" ? String(value) : JSON.stringify(value);
  if (!(ms > 0)) throw new LaunchError(`${name} must be a positive number of seconds (e.g. ${name}=2), got ${name}=${shown}.`, { key: name });
  return ms;
}

/**
 * Why this lock/check pair is not sensible, or undefined. No check more seldom than the lock lives: a
 * dead worker's job waits for its lock to expire and then for the next check, so a longer interval, not
 * the lock, would decide how late the retry is (and BullMQ's two-phase check needs a lock that outlives one).
 */
export function timingProblem(t: QueueTiming, names: TimingNames): string | undefined {
  if (t.stalledMs < t.lockMs) return undefined;
  return `${names.stalled} (${t.stalledMs / 1000}s) must be shorter than ${names.lock} (${t.lockMs / 1000}s): a dead worker's job is retaken after its lock expired, at the next stalled check`;
}

/** Throws a {@link LaunchError} naming both keys when the pair is not sensible. */
export function checkTiming(t: QueueTiming, names: TimingNames): QueueTiming {
  const problem = timingProblem(t, names);
  if (problem) throw new LaunchError(`${problem}. Lower ${names.stalled} or raise ${names.lock}.`, { key: names.stalled });
  return t;
}

function keyOf(queue: Queue): string {
  return queue.toKey("hydrant-timing");
}

/** The timing the queue's workers use unless their flags say otherwise (undefined: none published, or unreadable). */
export async function readTiming(queue: Queue): Promise<PublishedTiming | undefined> {
  const client = await queue.getBackend().client;
  const h = await client.hgetall(keyOf(queue));
  const lockMs = Number(h.lock_ms);
  const stalledMs = Number(h.stalled_ms);
  if (!(lockMs > 0 && stalledMs > 0)) return undefined;
  return { lockMs, stalledMs, ...(h.sweep && { sweep: h.sweep }), ...(Number(h.at) > 0 && { at: Number(h.at) }) };
}

/** Sets the queue's timing (the last sweep to start wins); returns what it replaced. */
export async function publishTiming(queue: Queue, timing: QueueTiming, sweep: string): Promise<PublishedTiming | undefined> {
  const before = await readTiming(queue);
  const client = await queue.getBackend().client;
  await client.hset(keyOf(queue), { lock_ms: timing.lockMs, stalled_ms: timing.stalledMs, sweep, at: Date.now() });
  return before;
}

export function sameTiming(a: QueueTiming, b: QueueTiming): boolean {
  return a.lockMs === b.lockMs && a.stalledMs === b.stalledMs;
}

/** e.g. "lock 6s, stalled check every 2s" */
export function formatTiming(t: QueueTiming): string {
  return `lock ${t.lockMs / 1000}s, stalled check every ${t.stalledMs / 1000}s`;
}
