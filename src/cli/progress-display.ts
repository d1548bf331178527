/**
 * Sweep progress on the terminal: one redrawn line on a TTY, plain lines otherwise (CI logs, pipes).
 * Fed by the run engine's events; the engine itself never prints.
 *
 * On a TTY the line lives at the bottom: whatever else this process writes while it shows (a task's
 * console.log, a worker's forwarded output) first erases it, and it is drawn again under the text once
 * that text ended its line, so the two never share a line.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { RunEvent } from "../runs/events.js";
import { formatDuration, formatProgress } from "../runs/progress-line.js";
import type { Io } from "./app-command.js";

export interface ProgressDisplay {
  onEvent: (e: RunEvent) => void;
  /** Draws the final line once (a second call does nothing) and gives the terminal back. */
  close: () => void;
}

const ERASE = "\r\x1b[2K";

export function createProgressDisplay(io: Io, streams: TerminalStreams = processStreams()): ProgressDisplay {
  const counts = { total: 0, completed: 0, failed: 0, running: 0, skipped: 0, queued: 0, retried: 0 };
  const jobDirs = new Map<number, string>();
  let start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const line = () => formatProgress({ ...counts, elapsedMs: Date.now() - start });
  const bar = io.isTTY ? new BottomLine(io, streams, line) : undefined;
  /** A message of its own line: above the bar on a terminal. */
  const say = (text: string) => (bar ? bar.above(text) : io.err(`${text}\n`));
  const onEvent = (e: RunEvent): void => {
    if (closed) return;
    switch (e.type) {
      case "sweep_start":
        start = Date.now();
        counts.total = e.total;
        counts.skipped = e.total - e.toRun;
        counts.completed = counts.skipped;
        say(`Launching ${e.toRun} of ${e.total} jobs with the ${e.launcher} launcher in ${e.sweepDir}`);
        if (bar) timer = setInterval(() => bar.draw(), 250).unref();
        break;
      case "job_start":
        counts.running++;
        jobDirs.set(e.num, e.jobDir);
        if (!bar) say(`#${e.num} start: ${e.overrides.join(" ")}`);
        break;
      case "job_end":
        counts.running = Math.max(0, counts.running - 1);
        if (e.status === "failed") counts.failed++;
        else if (e.status === "completed") counts.completed++;
        if (!bar) say(`#${e.num} ${e.status} in ${formatDuration(e.durationMs)}${e.error ? `: ${e.error}` : ""}${e.status === "failed" ? whereOutputWent(jobDirs.get(e.num)) : ""}`);
        else if (e.status === "failed") say(`#${e.num} failed after ${formatDuration(e.durationMs)}: ${e.error ?? `exit code ${e.exitCode}`}${whereOutputWent(jobDirs.get(e.num))}`);
        jobDirs.delete(e.num);
        break;
      case "launcher_progress":
        // The queue's view across all workers: what runs elsewhere is counted where it runs.
        counts.queued = e.queued;
        counts.running = e.running;
        counts.retried = e.retried;
        break;
      case "job_retry":
        say(`#${e.num} retried (attempt ${e.attempt}): ${e.reason}`);
        break;
      case "launcher_notice":
        say(`${e.level === "warning" ? "Warning" : "Note"} (${e.launcher} launcher): ${e.message}`);
        break;
      default:
        break;
    }
    if (bar && counts.total > 0) bar.draw();
  };
  const close = () => {
    if (closed) return;
    closed = true;
    if (timer) clearInterval(timer);
    bar?.finish(counts.total > 0);
  };
  return { onEvent, close };
}

/** Where a failed job's error output is, when it went to a file of the job dir. */
function whereOutputWent(jobDir: string | undefined): string {
  if (!jobDir) return "";
  const stderr = path.join(jobDir, "stderr.log");
  return existsSync(stderr) ? ` (stderr: ${stderr})` : ` (job dir: ${jobDir})`;
}

/** The process's own stdout and stderr, whose writes the bar must stay clear of. */
export interface TerminalStreams {
  stdout: { write: NodeJS.WriteStream["write"] };
  stderr: { write: NodeJS.WriteStream["write"] };
}

function processStreams(): TerminalStreams {
  return { stdout: process.stdout, stderr: process.stderr };
}

/**
 * The redrawn line at the bottom of the terminal. While it shows, other writes to stdout/stderr go
 * through `intercept`: the line is erased first and drawn again once their text ends a line.
 */
class BottomLine {
  private shown = false;
  private midLine = false;
  private readonly originals: { stdout: TerminalStreams["stdout"]["write"]; stderr: TerminalStreams["stderr"]["write"] };

  constructor(
    private readonly io: Io,
    private readonly streams: TerminalStreams,
    private readonly text: () => string,
  ) {
    this.originals = { stdout: streams.stdout.write, stderr: streams.stderr.write };
    for (const name of ["stdout", "stderr"] as const) {
      const original = this.originals[name];
      const stream = streams[name];
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        this.clear();
        const ok = (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
        this.midLine = !endsLine(chunk);
        return ok;
      }) as typeof stream.write;
    }
  }

  /** Redraws the line, unless someone's text is still on its way to the end of its line. */
  draw(): void {
    if (this.midLine) return;
    this.raw(`${ERASE}${this.text()}`);
    this.shown = true;
  }

  /** A line of hydrant's own, printed above the bar. */
  above(text: string): void {
    this.clear();
    this.raw(`${text}\n`);
    this.midLine = false;
  }

  /** The last state stays on the screen, once; the streams are given back. */
  finish(draw: boolean): void {
    this.streams.stdout.write = this.originals.stdout;
    this.streams.stderr.write = this.originals.stderr;
    if (draw) {
      this.clear();
      this.io.err(`${this.midLine ? "\n" : ""}${this.text()}\n`);
    } else this.clear();
  }

  private clear(): void {
    if (!this.shown) return;
    this.shown = false;
    this.raw(ERASE);
  }

  /** Through the real stderr write, not the intercepted one. */
  private raw(text: string): void {
    const restore = this.streams.stderr.write;
    this.streams.stderr.write = this.originals.stderr;
    try {
      this.io.err(text);
    } finally {
      this.streams.stderr.write = restore;
    }
  }
}

function endsLine(chunk: unknown): boolean {
  if (typeof chunk === "string") return chunk.length === 0 || chunk.endsWith("\n");
  if (chunk instanceof Uint8Array) return chunk.length === 0 || chunk[chunk.length - 1] === 10;
  return true;
}
