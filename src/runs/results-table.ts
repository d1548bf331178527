/** The `hydrant results <sweep dir>` table: overrides, status, duration and result values per job. */
import { UsageError } from "../errors.js";
import type { JobRecord, Manifest } from "./manifest.js";
import { formatDuration } from "./progress.js";

export interface ResultsTableOptions {
  /** A result key (dotted for nested results), "duration", "num" or "status"; another is a UsageError listing them. */
  sortBy?: string;
  /** Largest first; default smallest first (as `experiment show`). Jobs without the value go last either way. */
  descending?: boolean;
  /** Longest cell before it is cut with "…". */
  maxCellWidth?: number;
}

type Row = { job: JobRecord; metrics: Map<string, unknown> };

/** A sweep's jobs as a text table: overrides, status, duration and every metric of their results. */
export function formatResultsTable(manifest: Pick<Manifest, "jobs" | "total">, options: ResultsTableOptions = {}): string {
  const rows: Row[] = manifest.jobs.map((job) => ({ job, metrics: flattenResult(job.result) }));
  const metricKeys = unionKeys(rows);
  checkSortKey(options.sortBy, metricKeys);
  sortRows(rows, options);
  const header = ["#", "overrides", "status", "duration", ...metricKeys];
  const body = rows.map(({ job, metrics }) => [
    String(job.num),
    job.overrides.join(" "),
    job.status,
    job.durationMs === undefined ? "" : formatDuration(job.durationMs),
    ...metricKeys.map((k) => formatCell(metrics.get(k))),
  ]);
  const lines = renderColumns([header, ...body], options.maxCellWidth ?? 60);
  const unlisted = manifest.total - manifest.jobs.length;
  if (unlisted > 0) lines.push(`(${unlisted} more job(s) not started yet)`);
  return lines.join("\n");
}

/** Result values as columns: an object's leaves by dotted key; anything else under "result". */
export function flattenResult(result: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (v: unknown, prefix: string): void => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, prefix ? `${prefix}.${k}` : k);
    } else out.set(prefix || "result", v);
  };
  if (result !== undefined) walk(result, "");
  return out;
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
  if (by === "duration") return row.job.durationMs;
  if (by === "status") return row.job.status;
  return row.metrics.get(by);
}

/** Sorts by the key; jobs without a value for it go last whatever the direction. */
function sortRows(rows: Row[], { sortBy, descending }: ResultsTableOptions): void {
  if (!sortBy) return;
  const sign = descending ? -1 : 1;
  rows.sort((a, b) => {
    const x = sortKey(a, sortBy);
    const y = sortKey(b, sortBy);
    const xm = x === undefined || x === null;
    const ym = y === undefined || y === null;
    if (xm || ym) return xm === ym ? a.job.num - b.job.num : xm ? 1 : -1;
    if (typeof x === "number" && typeof y === "number") return sign * (x - y) || a.job.num - b.job.num;
    return sign * String(x).localeCompare(String(y)) || a.job.num - b.job.num;
  });
}

function formatCell(v: unknown): string {
  if (v === undefined) return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (typeof v === "string") return v;
  return JSON.stringify(v) ?? String(v);
}

function renderColumns(table: string[][], maxWidth: number): string[] {
  const cut = (s: string) => (s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s);
  const cells = table.map((r) => r.map(cut));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)];
}
