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
  const counts = { total: 0, completed: 0, failed: 0, running: 0, skipped: 0 };
  let start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const line = () => formatProgress({ ...counts, elapsedMs: Date.now() - start });
  const redraw = () => io.err(`\r\x1b[2K${line()}`);
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
        else counts.completed++;
        if (!io.isTTY) io.err(`#${e.num} ${e.status} in ${formatDuration(e.durationMs)}${e.error ? `: ${e.error}` : ""}\n`);
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
