/**
 * `<job dir>/.hydrant-job.json`: which process runs the job (pid and start time), for which launcher,
 * and, once it exits, how. It outlives a launcher killed with SIGKILL, so a resume can
 * - wait for (and end) a copy of the job still running from the dead launcher before running it again;
 * - take a job that finished just before its launcher died as done, instead of running it twice.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LaunchError } from "../errors.js";
import { identify, isSameProcess, type ProcessIdentity } from "./process-identity.js";
import { killGroup } from "./watchdog.js";

export const JOB_STATE_FILE = ".hydrant-job.json";

export interface JobState {
  child: ProcessIdentity;
  launcher: ProcessIdentity;
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
 * group gets SIGTERM, then SIGKILL) and waited for; a copy a live launcher runs is an error.
 */
export async function settlePreviousCopy(jobDir: string, timeoutMs = 10_000): Promise<void> {
  const prev = readJobState(jobDir);
  if (!prev || prev.exit || !isSameProcess(prev.child)) return;
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
}
