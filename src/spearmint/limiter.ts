/**
 * Bounds how many branches run at once. Main branches wait in a queue ahead of variants, so a
 * backlog of shadow variants does not hold up the result a caller is waiting for.
 */
import { SpearmintError } from "../errors.js";

export type Priority = "high" | "low";

/** Bounds how many branches run at once; main branches go ahead of variants. */
export class ConcurrencyLimiter {
  #active = 0;
  readonly #waiting: Record<Priority, Array<() => void>> = { high: [], low: [] };

  constructor(readonly max: number = Number.POSITIVE_INFINITY) {
    if (!(max >= 1) || (Number.isFinite(max) && !Number.isInteger(max))) {
      throw new SpearmintError(`maxConcurrency must be a positive integer or Infinity, got ${max}`);
    }
  }

  get active(): number {
    return this.#active;
  }

  get waiting(): number {
    return this.#waiting.high.length + this.#waiting.low.length;
  }

  async run<T>(task: () => T | Promise<T>, priority: Priority = "low"): Promise<T> {
    await this.#acquire(priority);
    try {
      return await task();
    } finally {
      this.#release();
    }
  }

  #acquire(priority: Priority): Promise<void> {
    if (this.#active < this.max) {
      this.#active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting[priority].push(resolve));
  }

  #release(): void {
    const next = this.#waiting.high.shift() ?? this.#waiting.low.shift();
    // The slot passes straight to the next task, so #active stays the same.
    if (next) next();
    else this.#active--;
  }
}
