/**
 * A sweep's manifest, read with the run engine's own reader, as the page's data: the summary of the
 * list and the jobs table with each job's swept values and flattened metrics.
 */
import path from "node:path";
import { countJobs, readManifest, type Manifest } from "../runs/manifest.js";
import { flattenDotted } from "../table/index.js";
import type { FoundSweep } from "./discover.js";
import { paramInfos, splitOverride, sweptKeysOf } from "./params.js";
import { exitCodeOf, jobTimes, type AnyJobRecord } from "./record.js";
import type { CellValue, JobRow, SweepData, SweepSummary } from "./types.js";

/** What an experiment's manifest adds to its origin (`origin.experiment`). */
interface ExperimentOriginInfo {
  name?: string;
  form?: "sweep" | "configs";
  keys?: string[];
}

/** The manifest as read by the run engine (snapshot + journal). */
export function loadManifest(sweep: FoundSweep): Manifest {
  return readManifest(sweep.dir);
}

function experimentInfo(m: Manifest): ExperimentOriginInfo | undefined {
  const info = (m.origin as { experiment?: ExperimentOriginInfo }).experiment;
  return info && typeof info === "object" ? info : undefined;
}

/** The list's line for a sweep: status, counts by job status, times. */
export function summarize(sweep: FoundSweep, m: Manifest, now = Date.now()): SweepSummary {
  return {
    id: sweep.id,
    name: sweep.name,
    kind: experimentInfo(m) ? "experiment" : "multirun",
    status: m.status,
    launcher: m.launcher,
    total: m.total,
    counts: countJobs(m),
    createdAt: m.created_at,
    updatedAt: m.updated_at,
    durationMs: sweepDuration(m, now),
  };
}

/** From the first job start to the last job end; while it runs, to now. */
function sweepDuration(m: Manifest, now: number): number | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const j of m.jobs as AnyJobRecord[]) {
    const t = jobTimes(j);
    if (t.startedAt) first = Math.min(first, Date.parse(t.startedAt));
    if (t.endedAt) last = Math.max(last, Date.parse(t.endedAt));
  }
  if (!Number.isFinite(first)) return undefined;
  if (m.status === "running") last = now;
  return Number.isFinite(last) ? Math.max(0, last - first) : undefined;
}

/** The sweep view's data: the summary plus swept parameters, metric keys and one row per job. */
export function sweepData(sweep: FoundSweep, m: Manifest, now = Date.now()): SweepData {
  const records = m.jobs as AnyJobRecord[];
  const exp = experimentInfo(m);
  const values = exp ? records.map((r) => experimentValues(r, exp, m.origin.cwd)) : records.map((r) => overrideValues(r.overrides));
  const swept = exp ? new Set(exp.form === "configs" ? ["config"] : (exp.keys ?? [])) : sweptKeys(values, sweptKeysOf(m.origin.overrides ?? []));
  const jobs = records.map((r, i) => jobRow(r, pickKeys(values[i], swept)));
  const params = paramInfos(jobs.map((j) => j.params), [...swept]);
  const { metrics, numericMetrics } = metricKeys(jobs);
  return { ...summarize(sweep, m, now), params, metrics, numericMetrics, fixed: fixedOverrides(records, values, swept), jobs };
}

function overrideValues(overrides: readonly string[]): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const text of overrides) {
    const kv = splitOverride(text);
    if (kv) out[kv.key] = kv.value;
  }
  return out;
}

function experimentValues(r: AnyJobRecord, exp: ExperimentOriginInfo, cwd: string): Record<string, CellValue> {
  if (exp.form === "configs") return r.source_config ? { config: path.relative(cwd, r.source_config) } : {};
  const out: Record<string, CellValue> = {};
  for (const [k, v] of Object.entries(r.values ?? {})) out[k] = cell(v);
  return out;
}

/** Keys whose value differs between jobs (or is missing in some), plus those started as sweeps; in override order. */
function sweptKeys(values: ReadonlyArray<Record<string, CellValue>>, declared: Set<string>): Set<string> {
  const first = new Map<string, CellValue>();
  const varying = new Set(declared);
  for (const v of values) for (const [k, x] of Object.entries(v)) if (!first.has(k)) first.set(k, x);
  for (const v of values) for (const [k, x] of first) if (!(k in v) || v[k] !== x) varying.add(k);
  return new Set([...first.keys(), ...declared].filter((k) => varying.has(k)));
}

function pickKeys(values: Record<string, CellValue>, keys: Set<string>): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const k of keys) if (k in values) out[k] = values[k];
  return out;
}

function fixedOverrides(records: AnyJobRecord[], values: ReadonlyArray<Record<string, CellValue>>, swept: Set<string>): string[] {
  if (records.length === 0) return [];
  return records[0].overrides.filter((o) => {
    const kv = splitOverride(o);
    return kv !== undefined && !swept.has(kv.key) && values.every((v) => v[kv.key] === kv.value);
  });
}

function jobRow(r: AnyJobRecord, params: Record<string, CellValue>): JobRow {
  const metrics: Record<string, CellValue> = {};
  for (const [k, v] of flattenDotted(r.result)) metrics[k] = cell(v);
  const row: JobRow = { num: r.num, status: r.status, overrides: r.overrides ?? [], params, metrics, ...jobTimes(r) };
  if (r.error) row.error = r.error;
  const code = exitCodeOf(r);
  if (code !== undefined) row.exitCode = code;
  return row;
}

function cell(v: unknown): CellValue {
  if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v === undefined) return null;
  return JSON.stringify(v) ?? String(v);
}

function metricKeys(jobs: JobRow[]): { metrics: string[]; numericMetrics: string[] } {
  const all = new Set<string>();
  const numeric = new Set<string>();
  for (const j of jobs)
    for (const [k, v] of Object.entries(j.metrics)) {
      all.add(k);
      if (typeof v === "number" && Number.isFinite(v)) numeric.add(k);
    }
  const numericMetrics = [...numeric];
  return { metrics: [...numericMetrics, ...[...all].filter((k) => !numeric.has(k))], numericMetrics };
}
