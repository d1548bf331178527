/** The `hydrant results <sweep dir>` table: overrides, status, duration and result values per job. */
import { UsageError } from "../errors.js";
import type { JobRecord, Manifest } from "./manifest.js";
import { compareMissingLast, flattenDotted, formatColumns, formatNumber } from "../table/index.js";
import { formatDuration } from "./progress-line.js";
import { eachJobRecord } from "./manifest-stream.js";

export interface ResultsTableOptions {
  /** A result key (dotted for nested results), "duration", "num" or "status"; another is a UsageError listing them. */
  sortBy?: string;
  /** Largest first; default smallest first (as `experiment show`). Jobs without the value go last either way. */
  descending?: boolean;
  /** Longest cell before it is cut with "…". */
  maxCellWidth?: number;
  /** Records left out of `jobs` (a big sweep's table shows its first ones), and where to see them all. */
  omitted?: { count: number; seeAll: string };
}

type Row = { job: JobRecord; metrics: Map<string, unknown> };

/** A sweep's jobs as a text table: overrides, status, duration and every metric of their results. */
export function formatResultsTable(manifest: Pick<Manifest, "jobs" | "total">, options: ResultsTableOptions = {}): string {
  const rows: Row[] = manifest.jobs.map((job) => ({ job, metrics: flattenDotted(job.result) }));
  const metricKeys = unionKeys(rows);
  checkSortKey(options.sortBy, metricKeys);
  sortRows(rows, options);
  const header = ["#", "overrides", "status", "duration", ...metricKeys];
  const body = rows.map(({ job, metrics }) => [
    String(job.num),
    job.overrides.join(" "),
    job.status,
    job.duration_ms === undefined ? "" : formatDuration(job.duration_ms),
    ...metricKeys.map((k) => formatCell(metrics.get(k))),
  ]);
  const lines = formatColumns(header, body, { maxCellWidth: options.maxCellWidth ?? 60 });
  const omitted = options.omitted?.count ?? 0;
  if (omitted > 0) lines.push(`(${omitted} more job(s) not shown: ${options.omitted?.seeAll})`);
  const unlisted = manifest.total - manifest.jobs.length - omitted;
  if (unlisted > 0) lines.push(`(${unlisted} more job(s) not started yet)`);
  return lines.join("\n");
}

function unionKeys(rows: Row[]): string[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k of r.metrics.keys()) keys.add(k);
  return [...keys];
}

function checkSortKey(by: string | undefined, metricKeys: string[]): void {
  const known = ["num", "status", "duration", ...metricKeys];
  if (by === undefined || known.includes(by)) return;
  const hint = metricKeys.length === 0 ? " (no job has reported a result yet)" : "";
  throw new UsageError(`Cannot sort by '${by}': the columns are ${known.join(", ")}${hint}.`, { key: by });
}

function sortKey(row: Row, by: string): unknown {
  if (by === "num") return row.job.num;
  if (by === "duration") return row.job.duration_ms;
  if (by === "status") return row.job.status;
  return row.metrics.get(by);
}

/** Sorts by the key; jobs without a value for it go last whatever the direction. */
function sortRows(rows: Row[], { sortBy, descending }: ResultsTableOptions): void {
  if (!sortBy) return;
  rows.sort((a, b) => compareMissingLast(sortKey(a, sortBy), sortKey(b, sortBy), descending ?? false) || a.job.num - b.job.num);
}

function formatCell(v: unknown): string {
  if (v === undefined) return "";
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "string") return v;
  return JSON.stringify(v) ?? String(v);
}

/**
 * The table printed when a sweep ends, read from its manifest one record at a time: at most `maxRows`
 * rows (a 100,000-row table helps nobody and would hold every record), then where to see the rest.
 */
export function formatSweepTable(sweepDir: string, total: number, maxRows = 1000): string {
  const jobs: JobRecord[] = [];
  let omitted = 0;
  for (const job of eachJobRecord(sweepDir)) {
    if (jobs.length < maxRows) jobs.push(job);
    else omitted++;
  }
  return formatResultsTable({ jobs, total }, { omitted: { count: omitted, seeAll: `hydrant results ${sweepDir}` } });
}
