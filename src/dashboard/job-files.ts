/**
 * A job's config, logs and per-step series, read only from inside its sweep's dir. Paths come from the
 * manifest, never from the page, and each is checked after symlinks are resolved: a job dir or a file
 * that leads outside the sweep is not read.
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync } from "node:fs";
import path from "node:path";
import type { Manifest } from "../runs/manifest.js";
import type { FoundSweep } from "./discover.js";
import { recordedJobDir, type AnyJobRecord } from "./record.js";
import type { JobFiles, SweepSeries } from "./types.js";

/** The most of a log the page gets: its end, where failures are. */
export const LOG_TAIL_BYTES = 256 * 1024;
/** A job's per-step series: one JSON object per line, numeric fields plotted over `epoch`/`step`. */
export const SERIES_FILE = "metrics.jsonl";
/** Steps read per job; a longer series is cut (the plot would not show more). */
const MAX_STEPS = 5_000;

/** True when `file` (symlinks resolved) is `root` or inside it. */
export function isInside(root: string, file: string): boolean {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(file);
    realRoot = realpathSync(root);
  } catch {
    return false;
  }
  const rel = path.relative(realRoot, real);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** The job's dir when it is inside the sweep dir. */
export function jobDirOf(sweep: FoundSweep, r: AnyJobRecord): string | undefined {
  const dir = recordedJobDir(r);
  return dir && isInside(sweep.dir, dir) ? dir : undefined;
}

function readInside(sweep: FoundSweep, file: string | undefined, maxBytes: number): { text: string; truncated: boolean } | undefined {
  if (!file || !existsSync(file) || !isInside(sweep.dir, file)) return undefined;
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - maxBytes);
    const buf = Buffer.alloc(size - start);
    const n = readSync(fd, buf, 0, buf.length, start);
    return { text: buf.subarray(0, n).toString("utf8"), truncated: start > 0 };
  } finally {
    closeSync(fd);
  }
}

/** The job's composed config (an experiment run's exact input, else `.hydra/config.yaml`) and its `*.log` files. */
export function jobFiles(sweep: FoundSweep, r: AnyJobRecord, logBytes = LOG_TAIL_BYTES): JobFiles {
  const dir = jobDirOf(sweep, r);
  const candidates = [r.config_path, dir && path.join(dir, ".hydra", "config.yaml")];
  const out: JobFiles = { num: r.num, logs: [] };
  for (const file of candidates) {
    const read = readInside(sweep, file, 1024 * 1024);
    if (read && file) {
      out.config = { name: path.relative(sweep.dir, file).split(path.sep).join("/"), text: read.text };
      break;
    }
  }
  if (!dir) return out;
  for (const name of logNames(dir)) {
    const read = readInside(sweep, path.join(dir, name), logBytes);
    if (read) out.logs.push({ name, ...read });
  }
  return out;
}

function logNames(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".log"))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** Every job's `metrics.jsonl`, for the metric-over-time plot; at most `maxJobs` of them. */
export function sweepSeries(sweep: FoundSweep, m: Manifest, maxJobs = 500): SweepSeries {
  const jobs: SweepSeries["jobs"] = [];
  const keys = new Set<string>();
  let omitted = 0;
  for (const r of m.jobs as AnyJobRecord[]) {
    const dir = jobDirOf(sweep, r);
    const file = dir && path.join(dir, SERIES_FILE);
    if (!file || !existsSync(file)) continue;
    if (jobs.length >= maxJobs) {
      omitted++;
      continue;
    }
    const points = readSeries(sweep, file);
    if (points.length === 0) continue;
    for (const p of points) for (const k of Object.keys(p)) keys.add(k);
    jobs.push({ num: r.num, points });
  }
  const x = ["epoch", "step", "iteration", "epochs"].find((k) => keys.has(k)) ?? "line";
  if (x === "line") for (const j of jobs) j.points.forEach((p, i) => (p.line = i + 1));
  keys.delete(x);
  return { x, keys: [...keys], jobs, omitted };
}

/** The numeric fields of each JSON line; a torn last line (the job is still writing) is skipped. */
function readSeries(sweep: FoundSweep, file: string): Array<Record<string, number>> {
  if (!isInside(sweep.dir, file)) return [];
  const points: Array<Record<string, number>> = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (points.length >= MAX_STEPS) break;
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line) as unknown;
      if (o === null || typeof o !== "object" || Array.isArray(o)) continue;
      const p: Record<string, number> = {};
      for (const [k, v] of Object.entries(o)) if (typeof v === "number" && Number.isFinite(v)) p[k] = v;
      points.push(p);
    } catch {
      // not JSON: skip the line
    }
  }
  return points;
}
