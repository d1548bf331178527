/**
 * The sweep manifest `experiment.json`: every job's overrides, status, times, exit code or error,
 * result and dir, plus what is needed to resume (config dir/name, overrides, command). Its two files
 * (the journal and the snapshot) are written by `ManifestWriter` (manifest-writer.ts).
 *
 * Readers take the snapshot and replay the journal lines newer than it (`seq`), so a crash at any moment
 * leaves a readable, complete picture.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ManifestError } from "../errors.js";
import { checkManifest } from "./manifest-check.js";
import { upgradeManifest, upgradeRecord } from "./manifest-upgrade.js";

/** Where a job of a sweep stands. `interrupted`: a Ctrl-C or SIGTERM stopped it; a resume runs it again. */
export type JobStatus = "pending" | "running" | "completed" | "failed" | "interrupted";

/** One job of a sweep in its manifest: overrides, status, dir, timing and result. */
export interface JobRecord {
  num: number;
  overrides: string[];
  status: JobStatus;
  /** The job's dir (`{job_dir}`, `$HYDRANT_JOB_DIR`). */
  job_dir?: string;
  started_at?: string;
  /** When the job ended, however it ended (the experiment guide's name). */
  completed_at?: string;
  duration_ms?: number;
  /** The command's exit code; null when it was killed by a signal or never started. */
  return_code?: number | null;
  error?: string;
  result?: unknown;
  /** How many times the job was started (a resume re-runs unfinished jobs). */
  attempts?: number;
  /** The worker (host:pid) that ran the job, for distributed launchers. */
  host?: string;
  /** The batch scheduler's job id and state (SLURM: `1234_5`, `COMPLETED`/`TIMEOUT`/`CANCELLED`…). */
  scheduler?: { id: string; state: string };
  /** The pid of the job's command while it runs (its start time is in the job dir's .hydrant-job.json). */
  pid?: number;
  /** Attempts that failed before the one this record describes (retries: `--retries N`). */
  failed_attempts?: FailedAttempt[];
}

/** One failed attempt of a retried job. */
export interface FailedAttempt {
  /** 1 for the first run of the job in this sweep run. */
  attempt: number;
  completed_at: string;
  return_code?: number | null;
  error?: string;
  /** The attempt's logs, kept in the job dir (`stdout.attempt-1.log`). */
  logs?: string[];
}

/** What the sweep was started with, so `resume` can re-create it. */
export interface SweepOrigin {
  cwd: string;
  /** Primary config dir, absolute. */
  config_dir?: string;
  /** Extra search path entries, absolute. */
  search_path?: string[];
  config_name?: string;
  overrides: string[];
  command?: string[];
  /** The `main()` script that ran the sweep, when the task was a function. */
  entry?: string;
}

/** Where a sweep stands; `interrupted`: a Ctrl-C or SIGTERM stopped it (`--resume` goes on). */
export type SweepStatus = "running" | "completed" | "failed" | "partial" | "interrupted";

/**
 * A sweep's manifest (`<sweep dir>/experiment.json`): what was launched and how each job ended;
 * `--resume` reads it. Its JSON Schema is `schemas/experiment.schema.json` in the package.
 */
export interface Manifest {
  version: 1;
  sweep_dir: string;
  created_at: string;
  updated_at: string;
  status: SweepStatus;
  /** When the last run of the sweep (the first, or a resume) ended; unset while it runs. */
  completed_at?: string;
  launcher: string;
  total: number;
  origin: SweepOrigin;
  /** Highest journal sequence number this snapshot includes. */
  seq: number;
  jobs: JobRecord[];
}

export const MANIFEST_FILE = "experiment.json";
export const JOURNAL_FILE = "experiment.journal.jsonl";

/**
 * One line of the journal. `patch` changes a job's record (`replace`: the patch is the whole record);
 * `sweep` changes the head. `base` lines carry a record the snapshot already holds, for the writer's
 * own index (their `seq` is never above the snapshot's, so readers skip them).
 */
export interface JournalLine {
  seq: number;
  num?: number;
  patch?: Partial<JobRecord>;
  replace?: boolean;
  sweep?: Partial<Pick<Manifest, "status" | "total" | "launcher" | "completed_at">>;
  base?: JobRecord;
}

/** Reads a sweep's manifest: the snapshot merged with the journal lines written after it. */
export function readManifest(sweepDir: string): Manifest {
  const file = path.join(sweepDir, MANIFEST_FILE);
  if (!existsSync(file)) {
    throw new ManifestError(`No sweep manifest in '${sweepDir}' (expected ${MANIFEST_FILE}). Give the sweep dir of a multirun.`, { file });
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    const why = e instanceof SyntaxError ? `it is not valid JSON (cut short, or edited by hand): ${e.message}` : (e as Error).message;
    throw new ManifestError(`Cannot read ${file}: ${why}. Restore it from a backup, or start the sweep again.`, { file, cause: e });
  }
  const m = checkManifest(upgradeManifest(data), file);
  const jobs = new Map(m.jobs.map((j) => [j.num, j]));
  for (const line of readJournal(path.join(sweepDir, JOURNAL_FILE))) {
    if (line.seq <= m.seq) continue;
    m.seq = line.seq;
    if (line.sweep) Object.assign(m, line.sweep);
    if (line.num !== undefined && line.patch) {
      const prev = line.replace ? undefined : jobs.get(line.num);
      jobs.set(line.num, { ...(prev ?? { num: line.num, overrides: [], status: "pending" as const }), ...(upgradeRecord(line.patch) as Partial<JobRecord>), num: line.num });
    }
  }
  m.jobs = [...jobs.values()].sort((a, b) => a.num - b.num);
  // The journal is as editable as the snapshot: what it changed is checked too.
  return checkManifest(m, `${file} (with ${JOURNAL_FILE})`);
}

function* readJournal(file: string): Generator<JournalLine> {
  if (!existsSync(file)) return;
  for (const text of readFileSync(file, "utf8").split("\n")) {
    if (!text) continue;
    try {
      yield JSON.parse(text) as JournalLine;
    } catch {
      // A line torn by a crash mid-append: everything before it is intact.
    }
  }
}

/** Results must survive JSON: errors become messages, bigints and functions strings. */
export function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "function" || typeof value === "symbol") return String(value);
  if (value instanceof Error) return { error: value.message };
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}

/** Counts by status; jobs the manifest never listed count as pending. */
export function countJobs(m: Pick<Manifest, "jobs" | "total">): Record<JobStatus, number> {
  const c: Record<JobStatus, number> = { pending: 0, running: 0, completed: 0, failed: 0, interrupted: 0 };
  for (const j of m.jobs) c[j.status]++;
  c.pending += Math.max(0, m.total - m.jobs.length);
  return c;
}
