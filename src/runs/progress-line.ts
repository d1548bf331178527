/** Progress line for a sweep: a pure function of counts, so the CLI decides TTY redraw vs plain lines. */
export interface ProgressCounts {
  total: number;
  completed: number;
  failed: number;
  running: number;
  elapsedMs: number;
  /** Jobs already done before this process started (resume); not counted for the rate. */
  skipped?: number;
  /** A distributed launcher's jobs waiting in its queue, and attempts run again (failures, lost workers). */
  queued?: number;
  retried?: number;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "?";
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m${String(sec).padStart(2, "0")}s`;
  return `${(ms / 1000).toFixed(1)}s`;
}

/** Remaining time from the rate so far (which already reflects the launcher's parallelism). */
export function estimateRemainingMs(c: ProgressCounts): number | undefined {
  const skipped = c.skipped ?? 0;
  const doneNow = c.completed + c.failed - skipped;
  const remaining = c.total - c.completed - c.failed;
  if (remaining <= 0) return 0;
  if (doneNow <= 0 || c.elapsedMs <= 0) return undefined;
  return (c.elapsedMs / doneNow) * remaining;
}

/** e.g. `[####------] 40/100 done (2 failed, 4 running) 12.0s elapsed, ETA 18.0s` */
export function formatProgress(c: ProgressCounts, width = 20): string {
  const done = c.completed + c.failed;
  const frac = c.total > 0 ? Math.min(1, done / c.total) : 1;
  const filled = Math.round(frac * width);
  const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
  const details = [
    c.failed ? `${c.failed} failed` : "",
    c.running ? `${c.running} running` : "",
    c.queued ? `${c.queued} queued` : "",
    c.retried ? `${c.retried} retried` : "",
  ].filter(Boolean);
  const eta = estimateRemainingMs(c);
  const etaText = done >= c.total ? "" : `, ETA ${eta === undefined ? "?" : formatDuration(eta)}`;
  const detailText = details.length ? ` (${details.join(", ")})` : "";
  return `${bar} ${done}/${c.total} done${detailText} ${formatDuration(c.elapsedMs)} elapsed${etaText}`;
}
