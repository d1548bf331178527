/**
 * Sweep progress on the terminal: one redrawn line on a TTY, plain lines otherwise (CI logs, pipes).
 * Fed by the run engine's events; the engine itself never prints.
 */
import type { RunEvent } from "../runs/events.js";
import { formatDuration, formatProgress } from "../runs/progress.js";
import type { Io } from "./app-command.js";

export interface ProgressDisplay {
  onEvent: (e: RunEvent) => void;
  close: () => void;
}

export function createProgressDisplay(io: Io): ProgressDisplay {
  const counts = { total: 0, completed: 0, failed: 0, running: 0, skipped: 0, queued: 0, retried: 0 };
  let start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const line = () => formatProgress({ ...counts, elapsedMs: Date.now() - start });
  const redraw = () => io.err(`\r\x1b[2K${line()}`);
  /** A message of its own line: above the bar on a terminal. */
  const say = (text: string) => io.err(io.isTTY ? `\r\x1b[2K${text}\n` : `${text}\n`);
  const onEvent = (e: RunEvent): void => {
    switch (e.type) {
      case "sweep_start":
        start = Date.now();
        counts.total = e.total;
        counts.skipped = e.total - e.toRun;
        counts.completed = counts.skipped;
        io.err(`Launching ${e.toRun} of ${e.total} jobs with the ${e.launcher} launcher in ${e.sweepDir}\n`);
        if (io.isTTY) timer = setInterval(redraw, 250).unref();
        break;
      case "job_start":
        counts.running++;
        if (!io.isTTY) io.err(`#${e.num} start: ${e.overrides.join(" ")}\n`);
        break;
      case "job_end":
        counts.running = Math.max(0, counts.running - 1);
        if (e.status === "failed") counts.failed++;
        else if (e.status === "completed") counts.completed++;
        if (!io.isTTY) io.err(`#${e.num} ${e.status} in ${formatDuration(e.durationMs)}${e.error ? `: ${e.error}` : ""}\n`);
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
    if (io.isTTY && counts.total > 0) redraw();
  };
  const close = () => {
    if (timer) clearInterval(timer);
    if (io.isTTY && counts.total > 0) io.err(`\r\x1b[2K${line()}\n`);
  };
  return { onEvent, close };
}
