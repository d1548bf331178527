/**
 * The side-by-side view of configs and their results: one row per config, the config keys that
 * differ between configs (dotted when nested) as columns, then the result columns.
 */
import { CONFIG_ID_KEY } from "../dynamic/config-id.js";
import { isPlainObject } from "../dynamic/space.js";
import { formatColumns, truncate } from "../table/index.js";
import type { RunRecord } from "./records.js";

/** Options of {@link formatComparisonTable}. */
export interface TableOptions {
  /** Show every config key, not only those that differ between configs. */
  allKeys?: boolean;
  /** Longest cell text before it is cut with "…" (default 40). */
  maxCellWidth?: number;
}

interface Row {
  experiment: string;
  configId: string;
  configIndex: number;
  runs: number;
  latest: RunRecord;
}

interface Column {
  title: string;
  cell(row: Row): unknown;
}

const ABSENT: unique symbol = Symbol("absent");

/** Run records side by side as a text table: the config keys that differ, status, duration and result. */
export function formatComparisonTable(records: readonly RunRecord[], options: TableOptions = {}): string {
  if (records.length === 0) return "(no runs recorded)";
  const rows = groupRows(records);
  const configCols = configColumns(rows, options.allKeys === true || rows.length === 1);
  const columns: Column[] = [
    ...(new Set(rows.map((r) => r.experiment)).size > 1 ? [{ title: "experiment", cell: (r: Row) => r.experiment }] : []),
    { title: "config_id", cell: (r) => r.configId },
    ...configCols,
    ...resultColumns(rows, new Set(configCols.map((c) => c.title))),
    ...(rows.some((r) => r.latest.status === "error") ? [{ title: "error", cell: (r: Row) => errorCell(r.latest) }] : []),
    ...(rows.some((r) => r.runs > 1) ? [{ title: "runs", cell: (r: Row) => r.runs }] : []),
    { title: "duration_ms", cell: (r) => Math.round(r.latest.durationMs * 10) / 10 },
  ];
  return formatTable(columns, rows, options.maxCellWidth ?? 40);
}

/** One row per (experiment, config): the latest run, counted; ordered by config position. */
function groupRows(records: readonly RunRecord[]): Row[] {
  const byKey = new Map<string, Row>();
  for (const record of records) {
    const key = `${record.experiment}\u0000${record.configId}`;
    const row = byKey.get(key);
    if (row) {
      row.runs++;
      if (record.finishedAt >= row.latest.finishedAt) row.latest = record;
    } else {
      byKey.set(key, { experiment: record.experiment, configId: record.configId, configIndex: record.configIndex, runs: 1, latest: record });
    }
  }
  const experiments = [...new Set(records.map((r) => r.experiment))];
  return [...byKey.values()].sort(
    (a, b) => experiments.indexOf(a.experiment) - experiments.indexOf(b.experiment) || a.configIndex - b.configIndex,
  );
}

function configColumns(rows: readonly Row[], allKeys: boolean): Column[] {
  const flat = new Map(rows.map((r) => [r, flatten(r.latest.config, "")]));
  const paths = unionOfKeys([...flat.values()]).filter((p) => p !== CONFIG_ID_KEY);
  const valueAt = (r: Row, p: string): unknown => (flat.get(r)!.has(p) ? flat.get(r)!.get(p) : ABSENT);
  const differs = (p: string): boolean => new Set(rows.map((r) => formatCell(valueAt(r, p), Infinity))).size > 1;
  return paths.filter((p) => allKeys || differs(p)).map((p) => ({ title: p, cell: (r: Row) => valueAt(r, p) }));
}

/** Object results spread into one column per (dotted) field; anything else is one `result` column. */
function resultColumns(rows: readonly Row[], taken: ReadonlySet<string>): Column[] {
  const ok = rows.filter((r) => r.latest.status === "ok");
  if (ok.length === 0) return [];
  if (!ok.every((r) => isPlainObject(r.latest.result))) {
    return [{ title: "result", cell: (r) => (r.latest.status === "ok" ? r.latest.result : ABSENT) }];
  }
  const flat = new Map(ok.map((r) => [r, flatten(r.latest.result as Record<string, unknown>, "")]));
  return unionOfKeys([...flat.values()]).map((p) => ({
    title: taken.has(p) ? `result.${p}` : p,
    cell: (r: Row) => (flat.get(r)?.has(p) ? flat.get(r)!.get(p) : ABSENT),
  }));
}

function unionOfKeys(maps: readonly Map<string, unknown>[]): string[] {
  const keys = new Set<string>();
  for (const m of maps) for (const k of m.keys()) keys.add(k);
  return [...keys];
}

/** Leaves of nested plain objects under dotted paths; arrays and empty objects are leaves. */
function flatten(obj: Record<string, unknown>, prefix: string, out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v) && Object.keys(v).length > 0) flatten(v, path, out);
    else out.set(path, v);
  }
  return out;
}

function errorCell(record: RunRecord): unknown {
  return record.status === "error" ? `${record.error?.name ?? "Error"}: ${record.error?.message ?? ""}` : ABSENT;
}

function formatCell(value: unknown, maxWidth: number): string {
  return truncate(formatCellValue(value), maxWidth);
}

function formatCellValue(value: unknown): string {
  if (value === ABSENT || value === undefined) return "-";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return value.replace(/\s+/g, " ");
  if (value === null || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? String(value);
}

function formatNumber(n: number): string {
  if (Number.isInteger(n) || !Number.isFinite(n)) return String(n);
  return Math.abs(n) >= 1000 ? n.toFixed(1) : String(Number(n.toPrecision(4)));
}

function formatTable(columns: readonly Column[], rows: readonly Row[], maxWidth: number): string {
  const cells = rows.map((r) => columns.map((c) => c.cell(r)));
  const texts = cells.map((line) => line.map((v) => formatCell(v, maxWidth)));
  const numeric = columns.map((_, i) => cells.every((line) => typeof line[i] === "number" || line[i] === ABSENT));
  return formatColumns(columns.map((c) => c.title), texts, { alignRight: numeric }).join("\n");
}
