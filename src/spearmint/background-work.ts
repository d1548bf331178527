/**
 * Shared machinery of one Spearmint: the concurrency limiter, the record sinks, and the set of
 * unfinished background work that `drain()` waits for. Nothing here ever rejects into the void:
 * failures of background work end up in records or in `sinkErrors`.
 */
import { ConcurrencyLimiter } from "./limiter.js";
import type { RecordSink, RunRecord } from "./records.js";
import { ResultSet } from "./result-set.js";

export class Background {
  readonly #pending = new Set<Promise<unknown>>();
  /** Errors thrown by sinks (write or flush); recording never fails a branch. */
  readonly sinkErrors: unknown[] = [];

  constructor(
    readonly limiter: ConcurrencyLimiter,
    readonly sinks: readonly RecordSink[],
    readonly results: ResultSet,
  ) {}

  get pendingCount(): number {
    return this.#pending.size;
  }

  /** Keeps `work` visible to drain(); its rejection, if any, is swallowed after being handled. */
  track(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.#pending.add(settled);
    void settled.then(() => this.#pending.delete(settled));
  }

  /** Runs `task` on a later turn of the event loop, so synchronous work in it cannot delay the caller. */
  later<T>(task: () => Promise<T>): Promise<T> {
    const work = new Promise<void>((resolve) => setImmediate(resolve)).then(task);
    this.track(work);
    return work;
  }

  record(record: RunRecord): void {
    this.results.add(record);
    for (const sink of this.sinks) {
      this.track(
        Promise.resolve()
          .then(() => sink.write(record))
          .catch((error: unknown) => this.sinkErrors.push(error)),
      );
    }
  }

  /** Waits until no background work is left (work started meanwhile included), then flushes sinks. */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
    await Promise.all(
      this.sinks.map((sink) => Promise.resolve().then(() => sink.flush?.()).catch((error: unknown) => this.sinkErrors.push(error))),
    );
  }
}
