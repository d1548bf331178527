/**
 * Where a completed job's outcome outlives Redis forgetting the job (a restart without persistence):
 * the job's dir, when the workers and the sweep process share a file system, and a key of its own in
 * Redis, written by the worker once its Redis answers again, which the sweep process reads whatever
 * file system it sees. The sweep process looks at both when a job vanished from the queue, and a
 * worker handed such a job again returns the recorded outcome instead of running it a second time.
 * The key goes once the sweep's manifest holds the outcome (and after a day in any case).
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Queue } from "bullmq";
import { QUEUE_OUTCOME_FILE, type QueueOutcomeRecord } from "./protocol.js";

/** A key nobody removed (its sweep process died first) still goes, after this long. */
const KEY_TTL_S = 24 * 3600;

function keyOf(queue: Queue, id: string): string {
  return queue.toKey(`hydrant-outcome:${id}`);
}

/** The completion recorded for job `id`, in its job dir or in Redis. */
export async function findOutcome(queue: Queue, id: string, jobDir: string): Promise<QueueOutcomeRecord | undefined> {
  return outcomeInJobDir(jobDir, id) ?? (await readOutcomeKeys(queue, [id]))[0];
}

/** The completions recorded in Redis for these jobs (sent together), in order; undefined where none is. */
export async function readOutcomeKeys(queue: Queue, ids: readonly string[]): Promise<(QueueOutcomeRecord | undefined)[]> {
  if (ids.length === 0) return [];
  const client = await queue.getBackend().client;
  return Promise.all(ids.map(async (id) => parseOutcome(await client.get(keyOf(queue, id)), id)));
}

/** Records a completion in both places; resolves once Redis has it (it waits out an outage). */
export async function recordOutcome(queue: Queue, jobDir: string, record: QueueOutcomeRecord): Promise<void> {
  writeOutcomeFile(jobDir, record);
  const client = await queue.getBackend().client;
  await client.set(keyOf(queue, record.id), JSON.stringify(record), { EX: KEY_TTL_S });
}

/** Once the manifest holds the outcome, Redis need not. */
export async function forgetOutcome(queue: Queue, id: string): Promise<void> {
  const client = await queue.getBackend().client;
  await client.del(keyOf(queue, id));
}

/** The completion the worker recorded in the job dir, if this job's and the dir is shared. */
export function outcomeInJobDir(jobDir: string, id: string): QueueOutcomeRecord | undefined {
  try {
    return parseOutcome(readFileSync(path.join(jobDir, QUEUE_OUTCOME_FILE), "utf8"), id);
  } catch {
    return undefined;
  }
}

/** Best effort: on a dir the submitter cannot see (no shared file system) the Redis key is the record. */
function writeOutcomeFile(jobDir: string, record: QueueOutcomeRecord): void {
  try {
    // tmp + rename: the launcher reads either nothing or the whole record.
    const file = path.join(jobDir, QUEUE_OUTCOME_FILE);
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(record) + "\n");
    renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    // the job dir is gone or read-only
  }
}

function parseOutcome(text: string | null, id: string): QueueOutcomeRecord | undefined {
  if (!text) return undefined;
  try {
    const r = JSON.parse(text) as QueueOutcomeRecord;
    return r?.id === id && r.status === "completed" ? r : undefined;
  } catch {
    return undefined;
  }
}
