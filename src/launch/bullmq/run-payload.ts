/**
 * Worker side: runs one queued job exactly as the local launcher would. A command goes through
 * executeJob; a function task goes to a forked process of the app's `main()` script, speaking the local
 * launcher's worker protocol (WorkerHandle), so a `main()` app runs on a remote machine too.
 */
import { executeJob } from "../../job/executor.js";
import type { JobOutcome } from "../../core/launcher.js";
import { decodeJob } from "../wire.js";
import { WorkerHandle } from "../local-worker.js";
import type { QueueJobData } from "./protocol.js";

const LOG_TAIL_BYTES = 4096;

export interface PayloadOutcome {
  outcome: JobOutcome;
  logTail?: string;
}

/** Forked app processes, reused across jobs of the same entry; one per job running at once. */
export class EntryProcesses {
  private readonly idle = new Map<string, WorkerHandle[]>();
  private readonly all = new Set<WorkerHandle>();

  acquire(entry: { script: string; execArgv: string[] }): WorkerHandle {
    const key = JSON.stringify(entry);
    const list = this.idle.get(key) ?? [];
    let h = list.pop();
    while (h && !h.alive) h = list.pop();
    if (h) return h;
    const fresh = new WorkerHandle(entry);
    this.all.add(fresh);
    return fresh;
  }

  release(entry: { script: string; execArgv: string[] }, h: WorkerHandle): void {
    if (!h.alive) return void this.all.delete(h);
    const key = JSON.stringify(entry);
    this.idle.set(key, [...(this.idle.get(key) ?? []), h]);
  }

  killAll(): void {
    for (const h of this.all) h.kill();
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.all].map((h) => h.stop()));
    this.all.clear();
    this.idle.clear();
  }
}

/** Runs the job; `stop` aborts it (timeout or forced shutdown): the child is killed, the outcome is a failure. */
export async function runPayload(data: QueueJobData, processes: EntryProcesses, stop: AbortSignal): Promise<PayloadOutcome> {
  const job = decodeJob(data.job);
  if (data.task.kind === "command") {
    const tail = new LogTail(LOG_TAIL_BYTES);
    const outcome = await executeJob(job, data.task, { signal: stop, onOutput: (chunk) => tail.push(chunk) });
    return { outcome, logTail: tail.text() };
  }
  const entry = data.task.entry;
  const handle = processes.acquire(entry);
  const kill = () => handle.kill();
  stop.addEventListener("abort", kill, { once: true });
  try {
    return { outcome: await handle.run(job) };
  } finally {
    stop.removeEventListener("abort", kill);
    processes.release(entry, handle);
  }
}

/** The last bytes a command wrote, stdout and stderr interleaved as they came. */
class LogTail {
  private chunks: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly max: number) {}

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.chunks.length > 1 && this.size - this.chunks[0].length >= this.max) this.size -= (this.chunks.shift() as Uint8Array).length;
  }

  text(): string | undefined {
    if (this.size === 0) return undefined;
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.max)).toString("utf8");
  }
}
