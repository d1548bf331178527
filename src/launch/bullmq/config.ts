/**
 * `hydra/launcher=bullmq` options, checked once up front so a typo fails before any job is queued.
 * Times are in seconds in the config (Hydra style) and milliseconds inside.
 */
import { isDict, toPlainUnresolved } from "../../config/node.js";
import { LaunchError } from "../../errors.js";
import { checkTiming, DEFAULT_TIMING, LAUNCHER_KEYS, positiveSeconds, type QueueTiming } from "./timing.js";

export const BULLMQ_LAUNCHER_TARGET = "hydrant.launcher.BullMQLauncher";

/** The `hydra/launcher/bullmq` config node. */
export const BULLMQ_CONFIG_NODE = {
  _target_: BULLMQ_LAUNCHER_TARGET,
  redis: "redis://127.0.0.1:6379",
  queue: "hydrant",
  /** Tries per job (1 = no retry). */
  attempts: 1,
  /** Seconds before a retry (fixed), or {type: fixed|exponential, delay: seconds}. */
  backoff: 0,
  /** Seconds a job may run before its worker kills it (null = no limit); a timeout is a failed attempt. */
  timeout: null,
  /** BullMQ priority for this sweep's jobs: 0 = none, 1 = highest, larger = lower. */
  priority: 0,
  /** Jobs of this sweep queued but not finished at any time (bounds Redis memory for huge sweeps). */
  max_queued: 1000,
  /** Seconds to wait for Redis at start before giving up (later outages are waited out). */
  connect_timeout: 30,
  /**
   * Seconds a running job's lock lives unrenewed (its worker renews it every half of this): a dead
   * worker's job is retaken after about this plus `stalled_interval`. Set on the queue for its workers.
   */
  lock_duration: DEFAULT_TIMING.lockMs / 1000,
  /** Seconds between the workers' checks for jobs whose lock expired (shorter than `lock_duration`). */
  stalled_interval: DEFAULT_TIMING.stalledMs / 1000,
};

/** Name, target and config node: what registering the launcher needs, without its code. */
export const BULLMQ_LAUNCHER = { name: "bullmq", target: BULLMQ_LAUNCHER_TARGET, configNode: BULLMQ_CONFIG_NODE };

export interface Backoff {
  type: "fixed" | "exponential";
  delay: number;
}

export interface BullmqLauncherConfig {
  redis: string;
  queue: string;
  attempts: number;
  backoff?: Backoff;
  timeoutMs?: number;
  priority: number;
  maxQueued: number;
  connectTimeoutMs: number;
  /** The workers' lock and stalled check, written to the queue for them (timing.ts). */
  timing: QueueTiming;
}

export function parseLauncherConfig(raw: Record<string, unknown>): BullmqLauncherConfig {
  const redis = stringOption(raw, "redis", BULLMQ_CONFIG_NODE.redis);
  redisConnection(redis);
  return {
    redis,
    queue: queueName(stringOption(raw, "queue", BULLMQ_CONFIG_NODE.queue)),
    attempts: intOption(raw, "attempts", 1, 1),
    backoff: backoffOption(raw.backoff),
    timeoutMs: raw.timeout === null || raw.timeout === undefined ? undefined : seconds(raw, "timeout") * 1000,
    priority: intOption(raw, "priority", 0, 0),
    maxQueued: intOption(raw, "max_queued", BULLMQ_CONFIG_NODE.max_queued, 1),
    connectTimeoutMs: seconds(raw, "connect_timeout", BULLMQ_CONFIG_NODE.connect_timeout) * 1000,
    timing: checkTiming(
      {
        lockMs: positiveSeconds(raw.lock_duration ?? BULLMQ_CONFIG_NODE.lock_duration, LAUNCHER_KEYS.lock),
        stalledMs: positiveSeconds(raw.stalled_interval ?? BULLMQ_CONFIG_NODE.stalled_interval, LAUNCHER_KEYS.stalled),
      },
      LAUNCHER_KEYS,
    ),
  };
}

/** ioredis options from a `redis://[user:pass@]host:port[/db]` (or `rediss://`) URL. */
export interface RedisConnection {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: Record<string, never>;
  /** Commands wait for a reconnect instead of failing: a Redis outage is waited out. */
  maxRetriesPerRequest: null;
  /** Reconnect quickly (BullMQ's default backs off to 20 s, too slow to notice a brief outage ended). */
  retryStrategy: (times: number) => number;
}

export function redisConnection(url: string): RedisConnection {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw badRedis(url, "not a URL");
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") throw badRedis(url, `unsupported scheme '${u.protocol}'`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined;
  if (db !== undefined && !Number.isInteger(db)) throw badRedis(url, `'${u.pathname.slice(1)}' is not a database number`);
  return {
    host: u.hostname || "127.0.0.1",
    port: u.port ? Number(u.port) : 6379,
    ...(u.username && { username: decodeURIComponent(u.username) }),
    ...(u.password && { password: decodeURIComponent(u.password) }),
    ...(db !== undefined && { db }),
    ...(u.protocol === "rediss:" && { tls: {} }),
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(200 * times, 2000),
  };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

function badRedis(url: string, why: string): LaunchError {
  return new LaunchError(`hydra.launcher.redis='${redactUrl(url)}' is not a Redis URL (${why}). Use redis://HOST:PORT[/DB], e.g. redis://127.0.0.1:6379.`, { key: "hydra.launcher.redis" });
}

export function queueName(name: string): string {
  // BullMQ builds Redis keys as `bull:<queue>:…`; a colon would alias another queue's keys.
  if (!name || name.includes(":")) throw new LaunchError(`hydra.launcher.queue='${name}' is not a valid queue name: use a non-empty name without ':'.`, { key: "hydra.launcher.queue" });
  return name;
}

function stringOption(raw: Record<string, unknown>, key: string, fallback: string): string {
  const v = raw[key] ?? fallback;
  if (typeof v !== "string") throw new LaunchError(`hydra.launcher.${key} must be a string, got ${JSON.stringify(v)}.`, { key: `hydra.launcher.${key}` });
  return v;
}

function intOption(raw: Record<string, unknown>, key: string, fallback: number, min: number): number {
  const v = raw[key] ?? fallback;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) {
    throw new LaunchError(`hydra.launcher.${key} must be an integer >= ${min}, got ${JSON.stringify(v)}.`, { key: `hydra.launcher.${key}` });
  }
  return v;
}

function seconds(raw: Record<string, unknown>, key: string, fallback?: number): number {
  const v = raw[key] ?? fallback;
  if (typeof v !== "number" || !(v >= 0)) throw new LaunchError(`hydra.launcher.${key} must be a number of seconds >= 0, got ${JSON.stringify(v)}.`, { key: `hydra.launcher.${key}` });
  return v;
}

function backoffOption(v: unknown): Backoff | undefined {
  const plain = isDict(v) ? toPlainUnresolved(v) : v;
  if (plain === null || plain === undefined || plain === 0) return undefined;
  if (typeof plain === "number" && plain > 0) return { type: "fixed", delay: plain * 1000 };
  if (typeof plain === "object" && !Array.isArray(plain)) {
    const { type = "fixed", delay = 0 } = plain as Record<string, unknown>;
    if ((type === "fixed" || type === "exponential") && typeof delay === "number" && delay >= 0) return { type, delay: delay * 1000 };
  }
  throw new LaunchError(`hydra.launcher.backoff must be seconds (e.g. 5) or {type: fixed|exponential, delay: SECONDS}, got ${JSON.stringify(plain)}.`, { key: "hydra.launcher.backoff" });
}
