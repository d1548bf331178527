/**
 * `experiment logs DIR [-f]`: the orchestrator's log as text chunks. Following polls the file (watch
 * events are unreliable across filesystems) until the signal aborts or the orchestrator is gone.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import { ManifestError } from "../../errors.js";
import { isAlive, ORCHESTRATOR_LOG, readOrchestrator } from "./layout.js";

/** Options of {@link followLogs}. */
export interface FollowOptions {
  /** Keep reading as the log grows, until the orchestrator is gone or `signal` aborts. */
  follow?: boolean;
  signal?: AbortSignal;
  /** How often to look for new lines when following. */
  pollMs?: number;
}

/** The log of a background experiment, chunk by chunk; with `follow`, keeps reading until it ends. */
export async function* followLogs(dir: string, options: FollowOptions = {}): AsyncGenerator<string> {
  const file = path.join(path.resolve(dir), ORCHESTRATOR_LOG);
  if (!existsSync(file) && !options.follow) {
    throw new ManifestError(`No log in ${dir}: only background experiments (run --background) write ${ORCHESTRATOR_LOG}.`, { file });
  }
  let offset = 0;
  // A multi-byte character may be split across two reads.
  const decoder = new StringDecoder("utf8");
  for (;;) {
    // Decide whether to go on before reading, so the last chunk written before the exit is not lost.
    // Follow the process, not its recorded state: an orchestrator records itself finished a moment
    // before it writes its last lines ("Done: …"), and only its exit says the log is complete.
    const alive = options.follow === true && orchestratorRunning(dir);
    const chunk = readFrom(file, offset);
    if (chunk.length > 0) {
      offset += chunk.length;
      const text = decoder.write(chunk);
      if (text) yield text;
    }
    if (!alive || options.signal?.aborted) return;
    await sleep(options.pollMs ?? 200, options.signal);
  }
}

function orchestratorRunning(dir: string): boolean {
  const o = readOrchestrator(dir);
  return o !== undefined && isAlive(o);
}

function readFrom(file: string, offset: number): Buffer {
  if (!existsSync(file)) return Buffer.alloc(0);
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    if (size <= offset) return Buffer.alloc(0);
    const buf = Buffer.alloc(size - offset);
    const n = readSync(fd, buf, 0, buf.length, offset);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
