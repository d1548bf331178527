/**
 * A slot pool: pulls a job only when a slot is free (so job generation stays lazy), runs up to
 * `slots` jobs at once, reports start/end through the sink.
 */
import { formatThrown } from "../job/format-thrown.js";
import type { JobOutcome, JobPlacement, LaunchSink, PreparedJob } from "../core/launcher.js";

export type SlotRunner = (job: PreparedJob, slot: number) => Promise<JobOutcome>;

export async function runPool(jobs: AsyncIterable<PreparedJob>, slots: number, run: SlotRunner, sink: LaunchSink, placement: (slot: number) => JobPlacement = (slot) => ({ worker: slot })): Promise<void> {
  const it = jobs[Symbol.asyncIterator]();
  const free = Array.from({ length: Math.max(1, slots) }, (_, i) => i);
  const running = new Set<Promise<void>>();
  let exhausted = false;
  try {
    for (;;) {
      while (free.length > 0 && !exhausted && !sink.stopped) {
        const next = await it.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const slot = free.shift() as number;
        const p = runOne(next.value, slot, run, sink, placement(slot)).finally(() => {
          running.delete(p);
          free.push(slot);
        });
        running.add(p);
      }
      if (running.size === 0) break;
      await Promise.race(running);
    }
  } finally {
    await Promise.allSettled(running);
    if (!exhausted) await it.return?.();
  }
}

async function runOne(job: PreparedJob, slot: number, run: SlotRunner, sink: LaunchSink, where: JobPlacement): Promise<void> {
  sink.started(job, where);
  let outcome: JobOutcome;
  try {
    outcome = await run(job, slot);
  } catch (e) {
    outcome = { status: "failed", error: formatThrown(e) };
  }
  sink.finished(job, outcome);
}
