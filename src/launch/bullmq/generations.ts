/**
 * The BullMQ Workers behind one `hydrant worker`. BullMQ fixes a Worker's lock duration and stalled
 * check when it is built, so a worker that must adopt a new timing (its queue's, set by a sweep started
 * later) builds a new Worker for the jobs it takes from then on, and retires the old one: it takes no
 * more jobs, but keeps renewing the locks of those it runs until they end. Together they never run more
 * than `concurrency` jobs: the new Worker gets the slots the retiring ones free, as they free them.
 */
import type { Job, Worker } from "bullmq";
import type { QueueJobData, QueueJobResult } from "./protocol.js";
import type { QueueTiming } from "./timing.js";

export type Processor = (job: Job<QueueJobData>, token?: string) => Promise<QueueJobResult>;

/** Builds a Worker that is not running yet (autorun: false). */
export type WorkerFactory = (timing: QueueTiming, concurrency: number, processor: Processor) => Worker<QueueJobData, QueueJobResult>;

interface Generation {
  worker: Worker<QueueJobData, QueueJobResult>;
  timing: QueueTiming;
  running: number;
  run?: Promise<void>;
}

export class TimedWorkers {
  private current: Generation;
  private readonly retiring = new Set<Generation>();
  private readonly runs: Promise<void>[] = [];

  constructor(
    private readonly create: WorkerFactory,
    private readonly concurrency: number,
    private readonly processor: Processor,
    timing: QueueTiming,
  ) {
    this.current = this.generation(timing, concurrency);
  }

  /** The timing of the jobs taken from now on. */
  get timing(): QueueTiming {
    return this.current.timing;
  }

  /** Resolves once the first Worker reached Redis. */
  ready(): Promise<unknown> {
    return this.current.worker.waitUntilReady();
  }

  /** Starts taking jobs. */
  start(): void {
    this.run(this.current);
  }

  /** Jobs taken from now on get `timing`; running ones keep their Worker's until they end. */
  adopt(timing: QueueTiming): void {
    const old = this.current;
    this.retiring.add(old);
    this.current = this.generation(timing, 1);
    void old.worker
      .close()
      .catch(() => {
        // reported through the Worker's 'error' event
      })
      .finally(() => {
        this.retiring.delete(old);
        this.rebalance();
      });
    this.rebalance();
  }

  /** Takes no new job; resolves once every Worker closed (their running jobs ended). */
  close(): Promise<unknown> {
    return Promise.allSettled([this.current, ...this.retiring].map((g) => g.worker.close()));
  }

  /** Resolves when every started Worker's loop ended (after close). */
  async done(): Promise<void> {
    await Promise.allSettled(this.runs);
  }

  private run(g: Generation): void {
    if (g.run) return;
    g.run = g.worker.run().catch(() => {
      // reported through the Worker's 'error' event
    });
    this.runs.push(g.run);
  }

  /** The current Worker may run what the retiring ones leave free; it starts once that is one job. */
  private rebalance(): void {
    let busy = 0;
    for (const g of this.retiring) busy += g.running;
    const free = this.concurrency - busy;
    if (free < 1) return;
    this.current.worker.concurrency = free;
    this.run(this.current);
  }

  private generation(timing: QueueTiming, concurrency: number): Generation {
    const g = { timing, running: 0 } as Generation;
    g.worker = this.create(timing, concurrency, async (job, token) => {
      g.running++;
      try {
        return await this.processor(job, token);
      } finally {
        g.running--;
        if (this.retiring.has(g)) this.rebalance();
      }
    });
    return g;
  }
}
