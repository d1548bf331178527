/** `experiment list` and `experiment stop`: what each experiment is doing, and stopping one cleanly. */
import path from "node:path";
import { LaunchError } from "../../errors.js";
import { formatDuration } from "../../runs/progress-line.js";
import { countJobs } from "../../runs/manifest.js";
import { formatColumns } from "../../table/index.js";
import { stateOfCounts } from "./execute.js";
import { DEFAULT_ROOT, experimentDirs, isAlive, readExperiment, readOrchestrator } from "./layout.js";
import type { ExperimentState } from "../definition/types.js";

/** One experiment dir, as `hydrant experiment list` shows it. */
export interface ExperimentSummary {
  dir: string;
  name: string;
  state: ExperimentState;
  total: number;
  completed: number;
  failed: number;
  running: number;
  pending: number;
  createdAt: string;
  updatedAt: string;
  /** The orchestrator's pid while it runs (or when it crashed). */
  pid?: number;
  background: boolean;
  log?: string;
}

/**
 * The state from the manifest and the orchestrator record: `running` while its pid lives, `crashed`
 * when the record says running but the pid is gone, `stopped` after a stop, else from the runs.
 */
export function experimentSummary(dir: string): ExperimentSummary {
  const m = readExperiment(dir);
  const c = countJobs(m);
  const o = readOrchestrator(dir);
  let state: ExperimentState;
  if (!o) state = c.completed + c.failed === 0 ? "pending" : stateOfCounts({ failed: c.failed, notRun: c.pending + c.running });
  else if (o.state === "running") state = isAlive(o) ? "running" : "crashed";
  else if (o.state === "stopped") state = "stopped";
  else state = stateOfCounts({ failed: c.failed, notRun: c.pending + c.running });
  const live = state === "running" || state === "crashed";
  return {
    dir,
    name: m.origin.experiment?.name ?? path.basename(dir),
    state,
    total: m.total,
    completed: c.completed,
    failed: c.failed,
    // A crashed orchestrator's "running" runs are not running any more.
    running: state === "running" ? c.running : 0,
    pending: c.pending + (state === "running" ? 0 : c.running),
    createdAt: m.created_at,
    updatedAt: m.updated_at,
    ...(o && live ? { pid: o.pid } : {}),
    background: o?.background ?? false,
    ...(o?.log ? { log: o.log } : {}),
  };
}

/** Every experiment dir under `root` (default `./experiments`), oldest first, with its state read from its manifest. */
export function listExperiments(root = DEFAULT_ROOT): ExperimentSummary[] {
  return experimentDirs(path.resolve(root)).map(experimentSummary);
}

/** Experiments as `hydrant experiment list` prints them: one line each, with state, progress and age. */
export function formatExperimentList(list: readonly ExperimentSummary[], now = Date.now()): string {
  if (list.length === 0) return "No experiments.";
  const rows = list.map((e) => [
    path.basename(e.dir),
    e.state,
    `${e.completed + e.failed}/${e.total}`,
    e.failed ? String(e.failed) : "",
    e.running ? String(e.running) : "",
    e.pid !== undefined ? String(e.pid) : "",
    `${formatDuration(now - Date.parse(e.updatedAt))} ago`,
  ]);
  return formatColumns(["experiment", "state", "done", "failed", "running", "pid", "updated"], rows).join("\n");
}

/** What {@link stopExperiment} did. */
export interface StopResult {
  dir: string;
  /** The orchestrator that was signalled; undefined when nothing was running. */
  pid?: number;
  /** The state afterwards. */
  state: ExperimentState;
}

/**
 * Sends SIGTERM to the experiment's orchestrator and waits for it to exit: it starts no new run,
 * its running commands get SIGTERM and go back to pending, experiment.json is complete. A resume
 * continues from there.
 */
export async function stopExperiment(dir: string, options: { timeoutMs?: number } = {}): Promise<StopResult> {
  const abs = path.resolve(dir);
  const before = experimentSummary(abs);
  if (before.state !== "running" || before.pid === undefined) return { dir: abs, state: before.state };
  const pid = before.pid;
  // Only the very orchestrator recorded (pid and start time), never a process that reuses its pid.
  const o = readOrchestrator(abs);
  const id = { pid, start: o?.start };
  if (!isAlive(id)) return { dir: abs, state: experimentSummary(abs).state };
  try {
    process.kill(pid, "SIGTERM");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ESRCH") throw new LaunchError(`Cannot stop pid ${pid}: ${(e as Error).message}`, { file: abs, cause: e });
  }
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (isAlive(id)) {
    if (Date.now() > deadline) throw new LaunchError(`Experiment ${abs} (pid ${pid}) did not stop within ${options.timeoutMs ?? 30_000} ms; its current run may be ignoring SIGTERM.`, { file: abs });
    await new Promise((r) => setTimeout(r, 50));
  }
  return { dir: abs, pid, state: experimentSummary(abs).state };
}
