/** `hydrant queue status`: what a queue holds and which workers serve it. */
import { queueName, redactUrl, redisConnection } from "./config.js";
import { firstConnection } from "./connection.js";
import { loadBullmq } from "./load-bullmq.js";

export const QUEUE_STATES = ["waiting", "prioritized", "delayed", "active", "completed", "failed"] as const;
/** A state a queued job is in, as BullMQ counts them. */
export type QueueState = (typeof QUEUE_STATES)[number];

/** A worker connected to the queue. */
export interface QueueWorkerInfo {
  /** The worker's name (host:pid for `hydrant worker`). */
  name: string;
  /** Client address as Redis sees it. */
  addr?: string;
  /** Seconds since it connected. */
  ageSeconds?: number;
  /** Seconds since its connection last did something. */
  idleSeconds?: number;
}

/** A BullMQ sweep queue at one instant: job counts by state, and its workers. */
export interface QueueStatus {
  redis: string;
  queue: string;
  paused: boolean;
  counts: Record<QueueState, number>;
  workers: QueueWorkerInfo[];
}

/** Reads the state of a sweep's queue on Redis (what `hydrant queue status` prints). Needs the optional peers bullmq and ioredis. */
export async function queueStatus(o: { redis: string; queue: string; connectTimeout?: number }): Promise<QueueStatus> {
  const { Queue } = await loadBullmq();
  const queue = new Queue(queueName(o.queue), { connection: redisConnection(o.redis) });
  queue.on("error", () => {
    // Connection errors surface as the connect timeout below.
  });
  try {
    await firstConnection(o.redis, queue.waitUntilReady(), (o.connectTimeout ?? 10) * 1000, "--redis");
    const [raw, paused, clients] = await Promise.all([queue.getJobCounts(...QUEUE_STATES), queue.isPaused(), queue.getWorkers()]);
    const counts = Object.fromEntries(QUEUE_STATES.map((s) => [s, raw[s] ?? 0])) as Record<QueueState, number>;
    return { redis: redactUrl(o.redis), queue: o.queue, paused, counts, workers: clients.map(workerInfo) };
  } finally {
    await queue.close();
  }
}

function workerInfo(c: Record<string, string>): QueueWorkerInfo {
  const num = (v: string | undefined) => (v === undefined || v === "" ? undefined : Number(v));
  // BullMQ names a worker's connection `<prefix>:<queue>:w:<worker name>`.
  const raw = c.rawname ?? "";
  const at = raw.indexOf(":w:");
  return { name: at >= 0 ? raw.slice(at + 3) : "(unnamed)", ...(c.addr && { addr: c.addr }), ...defined("ageSeconds", num(c.age)), ...defined("idleSeconds", num(c.idle)) };
}

function defined<K extends string>(key: K, v: number | undefined): Partial<Record<K, number>> {
  return v === undefined || Number.isNaN(v) ? {} : ({ [key]: v } as Record<K, number>);
}

/** e.g. "queue 'hydrant' on redis://…: 3 waiting, 2 active, 10 completed, 1 failed\n2 workers: …" */
export function formatQueueStatus(s: QueueStatus): string {
  const counts = QUEUE_STATES.filter((k) => s.counts[k] > 0 || k === "waiting" || k === "active").map((k) => `${s.counts[k]} ${k}`);
  const lines = [`queue '${s.queue}' on ${s.redis}${s.paused ? " (paused)" : ""}: ${counts.join(", ")}`];
  lines.push(s.workers.length === 0 ? "no workers connected (start one with: hydrant worker --redis URL --queue NAME)" : `${s.workers.length} worker${s.workers.length === 1 ? "" : "s"}:`);
  for (const w of s.workers) {
    const details = [w.addr, w.ageSeconds !== undefined ? `up ${w.ageSeconds}s` : "", w.idleSeconds !== undefined ? `idle ${w.idleSeconds}s` : ""].filter(Boolean);
    lines.push(`  ${w.name}${details.length ? ` (${details.join(", ")})` : ""}`);
  }
  return lines.join("\n");
}
