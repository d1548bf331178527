/**
 * An experiment dir:
 *
 *   experiments/<name>_<YYYY-MM-DD_HH-MM-SS>/
 *     spec.yaml            the spec as it was when the experiment started
 *     experiment.json      the manifest (+ experiment.journal.jsonl), one record per run
 *     configs/run_000.yaml the exact resolved input of each run
 *     runs/run_000/        each run's dir ({job_dir}, $HYDRANT_JOB_DIR): .hydra/, stdout.log, metrics.json
 *     orchestrator.json    who runs it: pid, state, whether detached
 *     orchestrator.log     a background orchestrator's output
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ManifestError } from "../../errors.js";
import { isSameProcess, processStartTime } from "../../job/process-identity.js";
import { writeFileAtomic } from "../../runs/atomic.js";
import { MANIFEST_FILE, readManifest } from "../../runs/manifest.js";
import { lockSweep, type SweepLock } from "../../runs/sweep-lock.js";
import type { ExperimentManifest } from "../definition/types.js";

/** Where experiment dirs go unless told otherwise. */
export const DEFAULT_ROOT = "experiments";
export const SPEC_COPY = "spec.yaml";
export const ORCHESTRATOR_FILE = "orchestrator.json";
export const ORCHESTRATOR_LOG = "orchestrator.log";

export function runName(num: number, total: number): string {
  return `run_${String(num).padStart(Math.max(3, String(total - 1).length), "0")}`;
}

export function configPathOf(dir: string, num: number, total: number): string {
  return path.join(dir, "configs", `${runName(num, total)}.yaml`);
}

export function runDirOf(dir: string, num: number, total: number): string {
  return path.join(dir, "runs", runName(num, total));
}

/**
 * `<root>/<name>_<local time>`: the dir a new experiment wants. Two started in the same second get
 * `_2`, `_3`… (prepare.ts claims the name atomically, as a multirun claims its sweep dir).
 */
export function experimentDirName(root: string, name: string, now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}_${p(now.getHours())}-${p(now.getMinutes())}-${p(now.getSeconds())}`;
  return path.resolve(root, `${name}_${stamp}`);
}

export function isExperimentDir(dir: string): boolean {
  return existsSync(path.join(dir, MANIFEST_FILE));
}

/** The manifest of an experiment dir. */
export function readExperiment(dir: string): ExperimentManifest {
  return readManifest(dir) as unknown as ExperimentManifest;
}

/** A name under the root (`lr_sweep_2025-…`) or a path, to the experiment dir. */
export function findExperimentDir(target: string, root = DEFAULT_ROOT): string {
  for (const candidate of [path.resolve(target), path.resolve(root, target)]) if (isExperimentDir(candidate)) return candidate;
  throw new ManifestError(`'${target}' is not an experiment dir (no ${MANIFEST_FILE} in ${path.resolve(target)} or ${path.resolve(root, target)}). See \`hydrant experiment list\`.`);
}

/** Experiment dirs directly under `root`, oldest first. */
export function experimentDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && isExperimentDir(path.join(root, d.name)))
    .map((d) => path.resolve(root, d.name))
    .sort((a, b) => createdAt(a).localeCompare(createdAt(b)) || a.localeCompare(b));
}

function createdAt(dir: string): string {
  try {
    return readExperiment(dir).created_at;
  } catch {
    return "";
  }
}

/** The newest experiment of that name under the root (what `run SPEC --resume` continues). */
export function newestExperiment(root: string, name: string): string | undefined {
  return experimentDirs(root)
    .filter((d) => readExperiment(d).origin.experiment?.name === name)
    .pop();
}

export type OrchestratorState = "running" | "finished" | "stopped";

export interface OrchestratorRecord {
  pid: number;
  state: OrchestratorState;
  /** A detached orchestrator (`--background`); its output is in orchestrator.log. */
  background: boolean;
  started_at: string;
  ended_at?: string;
  log?: string;
  /** The orchestrator's start time: with the pid, names the process (a pid alone is reused). */
  start?: string;
}

export function readOrchestrator(dir: string): OrchestratorRecord | undefined {
  const file = path.join(dir, ORCHESTRATOR_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const o = JSON.parse(readFileSync(file, "utf8")) as OrchestratorRecord;
    // A record that does not name a process names none (hand-edited or cut short).
    return Number.isSafeInteger(o?.pid) && o.pid > 0 ? o : undefined;
  } catch {
    return undefined;
  }
}

export function writeOrchestrator(dir: string, record: OrchestratorRecord): void {
  const start = record.start ?? processStartTime(record.pid);
  writeFileAtomic(path.join(dir, ORCHESTRATOR_FILE), JSON.stringify({ ...record, ...(start !== undefined && { start }) }, null, 1) + "\n");
}

/** True while the recorded orchestrator itself lives (not merely a process that reuses its pid). */
export function isAlive(o: Pick<OrchestratorRecord, "pid" | "start">): boolean {
  return isSameProcess(o);
}

/** The orchestrator working on `dir` right now, if any. */
export function activeOrchestrator(dir: string): OrchestratorRecord | undefined {
  const o = readOrchestrator(dir);
  return o?.state === "running" && isAlive(o) ? o : undefined;
}

/** The experiment dir's lock (one owner per dir), or a refusal naming the dir and the process that holds it. */
export function lockExperiment(dir: string): SweepLock {
  return lockSweep(dir, (pid) => `Experiment ${dir} is already running (pid ${pid}). Stop it first with \`hydrant experiment stop ${dir}\`, or wait for it to finish: two orchestrators would run every run twice.`);
}
