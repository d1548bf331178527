/**
 * `experiment show DIR`: one row per run with its swept values, status, duration and metrics, sorted
 * by any of those columns, as a text table, CSV or JSON. A big experiment (lazy grid) has a row per
 * run started so far; the table counts the others.
 */
import path from "node:path";
import type { PlainValue } from "../../config/node.js";
import { UsageError } from "../../errors.js";
import { formatDuration } from "../../runs/progress-line.js";
import { compareMissingLast, flattenDotted, formatColumns, formatNumber } from "../../table/index.js";
import { formatValue } from "../definition/run-plans.js";
import { readExperiment } from "./layout.js";
import { metricsOf } from "./metrics.js";
import type { ExperimentManifest, ExperimentRunRecord } from "../definition/types.js";

/** Options of {@link formatExperimentTable}. */
export interface ExperimentTableOptions {
  /** A metric (dotted for nested metrics), a swept key, "run", "status" or "duration". */
  sortBy?: string;
  descending?: boolean;
  format?: "table" | "csv" | "json";
}

interface Row {
  run: number;
  values: Record<string, PlainValue>;
  status: string;
  durationMs?: number;
  metrics: Map<string, unknown>;
  runDir?: string;
}

/** An experiment's runs as a table (text, CSV or JSON): swept values or config, status, duration and metrics. */
export function formatExperimentTable(dir: string, options: ExperimentTableOptions = {}): string {
  const m = readExperiment(path.resolve(dir));
  const valueKeys = valueColumns(m);
  const rows = m.jobs.map((j) => toRow(j, m));
  const metricKeys = [...new Set(rows.flatMap((r) => [...r.metrics.keys()]))];
  // The run dir the program made, where it keeps its outputs: shown relative to where the experiment ran.
  const dirKeys = rows.some((r) => r.runDir) ? ["run_dir"] : [];
  const dirOf = (r: Row) => (r.runDir ? path.relative(m.origin.cwd, r.runDir) : "");
  if (options.sortBy) sortRows(rows, options.sortBy, options.descending ?? false, valueKeys, metricKeys);
  switch (options.format ?? "table") {
    case "json":
      return JSON.stringify(rows.map((r) => ({ run: r.run, values: r.values, status: r.status, duration_s: seconds(r.durationMs), metrics: Object.fromEntries(r.metrics), run_dir: r.runDir ?? null })), null, 2);
    case "csv":
      return [["run", ...valueKeys, "status", "duration_s", ...dirKeys, ...metricKeys], ...rows.map((r) => [r.run, ...valueKeys.map((k) => r.values[k]), r.status, seconds(r.durationMs), ...dirKeys.map(() => dirOf(r)), ...metricKeys.map((k) => r.metrics.get(k))])]
        .map((cells) => cells.map(formatCsvCell).join(","))
        .join("\n");
    default:
      return [
        ...formatColumns(
          ["run", ...valueKeys, "status", "duration", ...metricKeys, ...dirKeys],
          rows.map((r) => [String(r.run), ...valueKeys.map((k) => formatTextCell(r.values[k])), r.status, r.durationMs === undefined ? "" : formatDuration(r.durationMs), ...metricKeys.map((k) => formatTextCell(r.metrics.get(k))), ...dirKeys.map(() => dirOf(r))]),
        ),
        ...notListed(m),
      ].join("\n");
  }
}

/** A big experiment lists a run once it starts (its grid is lazy): the rest are counted, not shown. */
function notListed(m: ExperimentManifest): string[] {
  const n = m.total - m.jobs.length;
  return n > 0 ? [`… and ${n} more run(s) not started yet (${m.total} in all).`] : [];
}

/** The swept keys; for an explicit list of configs, the config each run came from. */
function valueColumns(m: ExperimentManifest): string[] {
  return m.origin.experiment?.form === "configs" ? ["config"] : (m.origin.experiment?.keys ?? []);
}

function toRow(j: ExperimentRunRecord, m: ExperimentManifest): Row {
  const values = m.origin.experiment?.form === "configs" && j.source_config ? { config: path.relative(m.origin.cwd, j.source_config) } : (j.values ?? {});
  return { run: j.num, values, status: j.status, durationMs: j.status === "pending" ? undefined : j.duration_ms, metrics: flattenDotted(withoutRunDir(metricsOf(j.result))), runDir: j.run_dir };
}

/** A program's result may name its run dir; that is the run_dir column, not a metric. */
function withoutRunDir(metrics: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!metrics || !("run_dir" in metrics)) return metrics;
  const { run_dir: _dir, ...rest } = metrics;
  return rest;
}

function sortRows(rows: Row[], by: string, descending: boolean, valueKeys: string[], metricKeys: string[]): void {
  const columns = ["run", "status", "duration", ...valueKeys, ...metricKeys];
  if (!columns.includes(by)) throw new UsageError(`Cannot sort by '${by}': the columns are ${columns.join(", ")}.`, { key: by });
  // A metric named like a swept key wins: sorting is mostly by results.
  const isMetric = metricKeys.includes(by);
  const key = (r: Row): unknown => (by === "run" ? r.run : by === "status" ? r.status : by === "duration" ? r.durationMs : isMetric ? r.metrics.get(by) : r.values[by]);
  // Runs without the value (failed, not run) go last whichever the direction.
  rows.sort((a, b) => compareMissingLast(key(a), key(b), descending, formatTextCell) || a.run - b.run);
}

function seconds(ms: number | undefined): number | null {
  return ms === undefined ? null : Math.round(ms) / 1000;
}

function formatTextCell(v: unknown): string {
  if (v === undefined || v === null) return v === null ? "null" : "";
  if (typeof v === "number") return formatNumber(v);
  return formatValue(v as PlainValue);
}

/** RFC 4180: quote a cell holding a comma, a quote or a line break; numbers as JSON writes them. */
function formatCsvCell(v: unknown): string {
  if (v === undefined || v === null) return "";
  const s = typeof v === "number" ? String(v) : formatValue(v as PlainValue);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
