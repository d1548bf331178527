/**
 * Worker processes for function tasks in the local pool. The parent forks the user's `main()` script
 * (same node flags, so tsx loaders work) with HYDRANT_WORKER=1; `main()` sees the marker and serves
 * jobs over IPC instead of parsing argv.
 */
import { fork, type ChildProcess } from "node:child_process";
import { executeJob } from "../job/executor.js";
import { withLeanHeap } from "../job/heap-policy.js";
import { cloneableResult, decodeJob, encodeJob, type WireJob } from "./wire.js";
import type { ExecuteOptions, JobOutcome, PreparedJob } from "../core/launcher.js";
import type { TaskRef } from "../core/task.js";

export const WORKER_ENV = "HYDRANT_WORKER";

type ToWorker = { type: "job"; job: WireJob; gpu?: string } | { type: "stop" };
type FromWorker = { type: "ready" } | { type: "done"; outcome: JobOutcome };

export function isWorkerProcess(): boolean {
  return process.env[WORKER_ENV] === "1" && typeof process.send === "function";
}

/** Worker side: run jobs as they arrive until told to stop; resolves then (the process can end). */
export function serveJobs(task: TaskRef): Promise<void> {
  // A worker lives as long as its sweep: its heap stays flat as its launcher's does.
  return withLeanHeap(() => serveUntilStopped(task));
}

function serveUntilStopped(task: TaskRef): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    // The parent died (SIGKILL, crash): end now rather than finish an orphaned job nobody records.
    process.on("disconnect", () => {
      if (!stopping) process.exit(1);
    });
    const send = (m: FromWorker): void => {
      if (process.send) process.send(m);
    };
    process.on("message", (m: ToWorker) => {
      if (m.type === "stop") {
        stopping = true;
        if (process.disconnect) process.disconnect();
        resolve();
        return;
      }
      void executeJob(decodeJob(m.job), task, { gpu: m.gpu }).then((o) => {
        const { thrown: _t, ...outcome } = o;
        send({ type: "done", outcome: { ...outcome, result: cloneableResult(outcome.result) } });
      });
    });
    send({ type: "ready" });
  });
}

/** Parent side: one forked worker running one job at a time. */
export class WorkerHandle {
  private readonly child: ChildProcess;
  private pending: ((o: JobOutcome) => void) | undefined;
  private exited = false;
  /** The job it runs now, for its output. */
  private jobNum: number | undefined;
  /** Jobs are sent only once the worker's main() listens: earlier messages could be lost. */
  private readonly ready: Promise<void>;

  /**
   * `output` takes what the worker's jobs print (the caller decides where it goes, e.g. above a
   * progress line); without it the worker writes straight to this process's stdout and stderr.
   */
  constructor(entry: { script: string; execArgv: string[] }, output?: ExecuteOptions["onOutput"]) {
    const stdio = output ? "pipe" : "inherit";
    this.child = fork(entry.script, [], {
      execArgv: entry.execArgv,
      env: { ...process.env, [WORKER_ENV]: "1" },
      serialization: "advanced",
      stdio: ["ignore", stdio, stdio, "ipc"],
    });
    if (output) {
      this.child.stdout?.on("data", (chunk: Uint8Array) => output(chunk, "stdout", this.jobNum));
      this.child.stderr?.on("data", (chunk: Uint8Array) => output(chunk, "stderr", this.jobNum));
    }
    let markReady = (): void => {};
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.child.on("message", (m: FromWorker) => {
      if (m.type === "ready") markReady();
      if (m.type === "done") this.settle(m.outcome);
    });
    this.child.on("exit", (code, signal) => {
      this.exited = true;
      markReady();
      this.settle({ status: "failed", error: `worker process exited (${signal ?? `code ${code}`}) while running the job` });
    });
  }

  get alive(): boolean {
    return !this.exited;
  }

  async run(job: PreparedJob, gpu?: string): Promise<JobOutcome> {
    await this.ready;
    if (this.exited) return { status: "failed", error: "worker process exited before it could take the job (does the script call main()?)" };
    this.jobNum = job.num;
    return new Promise((resolve) => {
      this.pending = resolve;
      this.child.send({ type: "job", job: encodeJob(job), gpu } satisfies ToWorker);
    });
  }

  /** Ends the worker at once (a job's timeout); its running job settles as failed. */
  kill(): void {
    if (!this.exited) this.child.kill("SIGKILL");
  }

  /** Passes a signal on to the worker (a stopped sweep); with no handler for it, the worker ends. */
  signal(sig: NodeJS.Signals): void {
    if (!this.exited) this.child.kill(sig);
  }

  /** Asks the worker to finish; resolves when it has exited. */
  stop(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once("exit", () => resolve());
      this.child.send({ type: "stop" } satisfies ToWorker);
    });
  }

  private settle(o: JobOutcome): void {
    const p = this.pending;
    this.pending = undefined;
    p?.(o);
  }
}
