/**
 * What travels through the queue between the launcher and `hydrant worker`: the job (wire form),
 * how to run it, and what comes back. Plain JSON: BullMQ stores it in Redis as JSON text.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { LaunchContext } from "../../core/launcher.js";
import { UsageError } from "../../errors.js";
import type { WireJob } from "../wire.js";

export const PROTOCOL_VERSION = 1;

/** How a worker runs the job: the same command as the local launcher, or a fork of the app's `main()` script. */
export type QueuedTask = { kind: "command"; argv: string[] } | { kind: "function"; entry: { script: string; execArgv: string[] } };

/**
 * The task a launcher that runs jobs elsewhere (a queue's workers, SLURM's array tasks) sends: a command
 * as it is, a function task as the app's `main()` script to start there. `how` says how `launcher` runs
 * function tasks, for the error when there is no script (the task was not given through `main()`).
 */
export function queuedTaskOf(ctx: LaunchContext, launcher: string, how: string): QueuedTask {
  if (ctx.task.kind === "command") return { kind: "command", argv: ctx.task.argv };
  if (!ctx.entry) {
    throw new UsageError(`The ${launcher} launcher runs function tasks by ${how}; call it through main(), or run a command task (hydrant … -- CMD).`, { key: "hydra/launcher" });
  }
  return { kind: "function", entry: { script: path.resolve(ctx.entry.script), execArgv: ctx.entry.execArgv } };
}

export interface QueueJobData {
  v: typeof PROTOCOL_VERSION;
  sweepDir: string;
  job: WireJob;
  task: QueuedTask;
  timeoutMs?: number;
  /**
   * Queued again after Redis lost it: it may have completed already, so the worker first looks for
   * its recorded outcome (outcome.ts) rather than running it twice.
   */
  resubmitted?: true;
  /** HMAC-SHA256 of the rest, with the secret the submitter and workers share (signing.ts). */
  sig?: string;
}

/** A completed job's return value (BullMQ `returnvalue`). */
export interface QueueJobResult {
  result?: unknown;
  exitCode?: number;
  host: string;
  attempt: number;
}

/** Written to the job's progress just before a failed attempt throws, so the launcher can record it. */
export interface QueueFailureDetails {
  exitCode?: number;
  result?: unknown;
  host: string;
  attempt: number;
  logTail?: string;
}

/**
 * The BullMQ job id of sweep job `num`: the same on every run of the same sweep dir, so adding it again
 * (a resumed launcher) finds the existing job instead of queueing a second copy.
 */
export function queueJobId(sweepDir: string, num: number): string {
  const sweep = createHash("sha1").update(sweepDir).digest("hex").slice(0, 16);
  return `s${sweep}-${num}`;
}

/** Values Redis can store as JSON: bigints and the like become strings, failing values their text. */
export function jsonSafe(v: unknown): unknown {
  try {
    const text = JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x instanceof Map ? Object.fromEntries(x) : x instanceof Set ? [...x] : x));
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return String(v);
  }
}

export function isQueueJobData(v: unknown): v is QueueJobData {
  if (typeof v !== "object" || v === null) return false;
  const d = v as Partial<QueueJobData>;
  return d.v === PROTOCOL_VERSION && typeof d.sweepDir === "string" && typeof d.job === "object" && typeof d.task === "object";
}

/**
 * Written by the worker into the job's dir (and to Redis: outcome.ts) when the job completed: a Redis
 * restarted without persistence forgets the job, and the launcher then reads this instead of calling it failed.
 */
export const QUEUE_OUTCOME_FILE = ".hydrant-queue-outcome.json";

export interface QueueOutcomeRecord extends QueueJobResult {
  id: string;
  status: "completed";
}
