/**
 * `<job dir>/.hydrant-job.json`: which process runs the job (pid and start time), for which launcher,
 * and, once it exits, how. It outlives a launcher killed with SIGKILL, so a resume can
 * - wait for (and end) a copy of the job still running from the dead launcher before running it again;
 * - take a job that finished just before its launcher died as done, instead of running it twice.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { EXIT_FILE } from "./exit-record.js";
import path from "node:path";
import { LaunchError } from "../errors.js";
import { identify, isSameProcess, type ProcessIdentity } from "./process-identity.js";
import { killGroup } from "./watchdog.js";

export const JOB_STATE_FILE = ".hydrant-job.json";

export interface JobState {
  child: ProcessIdentity;
  launcher: ProcessIdentity;
  /** The job spawner that started the command and writes its exit record (see `spawner.ts`). */
  spawner?: ProcessIdentity;
  exit?: { code: number | null; signal: string | null };
}

export function readJobState(jobDir: string): JobState | undefined {
  try {
    const s = JSON.parse(readFileSync(path.join(jobDir, JOB_STATE_FILE), "utf8")) as JobState;
    return Number.isSafeInteger(s?.child?.pid) && Number.isSafeInteger(s?.launcher?.pid) ? s : undefined;
  } catch {
    return undefined;
  }
}

export function writeJobState(jobDir: string, state: JobState): void {
  const file = path.join(jobDir, JOB_STATE_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state) + "\n");
  renameSync(tmp, file);
}

let self: ProcessIdentity | undefined;
export function thisLauncher(): ProcessIdentity {
  return (self ??= identify(process.pid));
}

/**
 * Before a job runs in `jobDir`: a copy still running there from a launcher that died is ended (its
 * group gets SIGTERM, then SIGKILL) and waited for; a copy a live launcher runs is an error. Returns
 * the earlier run's state, if any.
 */
export async function settlePreviousCopy(jobDir: string, timeoutMs = 10_000): Promise<JobState | undefined> {
  const prev = readJobState(jobDir);
  if (!prev || prev.exit) return prev;
  if (!isSameProcess(prev.child)) {
    await awaitExitRecord(jobDir, prev, timeoutMs);
    return prev;
  }
  const me = thisLauncher();
  if (prev.launcher.pid !== me.pid && isSameProcess(prev.launcher)) {
    throw new LaunchError(`A copy of this job is still running in ${jobDir} (pid ${prev.child.pid}), started by hydrant process ${prev.launcher.pid}, which is alive: stop it first.`, { file: jobDir });
  }
  killGroup(prev.child.pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (isSameProcess(prev.child)) {
    if (Date.now() > deadline) killGroup(prev.child.pid, "SIGKILL");
    await new Promise((r) => setTimeout(r, 25));
  }
  await awaitExitRecord(jobDir, prev, timeoutMs);
  return prev;
}

/**
 * A spawner reaps the command, then writes its exit record: between the two, the command is gone but
 * its record not yet there. A dead launcher's spawner exits once its commands have, so waiting for it
 * (bounded) is waiting for the record.
 */
async function awaitExitRecord(jobDir: string, prev: JobState, timeoutMs: number): Promise<void> {
  const spawner = prev.spawner;
  if (!spawner || prev.launcher.pid === thisLauncher().pid) return;
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path.join(jobDir, EXIT_FILE)) && isSameProcess(spawner) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
  }
}
