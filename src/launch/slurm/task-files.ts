/**
 * What an array task reads and writes. The launcher writes one task file per job
 * (`<array dir>/tasks/<index>.json`: the composed job and how to run it); the task writes its outcome
 * into the job's own dir (`hydrant-outcome.json`), so the launcher needs no accounting database and a
 * detached sweep's results are still there when someone comes back for them.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { QueuedTask } from "../bullmq/protocol.js";
import type { JobOutcome } from "../../core/launcher.js";
import type { WireJob } from "../wire.js";

export const OUTCOME_FILE = "hydrant-outcome.json";

export interface TaskFile {
  v: 1;
  sweepDir: string;
  job: WireJob;
  task: QueuedTask;
}

/** What a task leaves in its job dir. */
export interface TaskOutcome {
  /** The SLURM task that wrote it (`ARRAYID_INDEX`): an older task's outcome is not this one's. */
  slurmJobId: string;
  status: JobOutcome["status"];
  exitCode?: number;
  result?: unknown;
  error?: string;
  host: string;
  startedAt: string;
  endedAt: string;
}

export function taskFilePath(taskDir: string, index: number | string): string {
  return path.join(taskDir, `${index}.json`);
}

/** Plain writes: task files are complete before sbatch is called, and a sweep may have 10⁵ of them. */
export function writeTaskFile(taskDir: string, index: number, file: TaskFile): void {
  mkdirSync(taskDir, { recursive: true });
  writeFileSync(taskFilePath(taskDir, index), JSON.stringify(file));
}

export function readTaskFile(taskDir: string, index: string): TaskFile {
  return JSON.parse(readFileSync(taskFilePath(taskDir, index), "utf8")) as TaskFile;
}

/** Written whole then renamed into place: the launcher polling for it never reads half of it. */
export function writeOutcome(jobDir: string, outcome: TaskOutcome): void {
  const file = path.join(jobDir, OUTCOME_FILE);
  mkdirSync(jobDir, { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(outcome, null, 1) + "\n");
  renameSync(`${file}.${process.pid}.tmp`, file);
}

/** The outcome task `slurmJobId` wrote, if that task wrote one. */
export function readOutcome(jobDir: string, slurmJobId: string): TaskOutcome | undefined {
  const file = path.join(jobDir, OUTCOME_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const o = JSON.parse(readFileSync(file, "utf8")) as TaskOutcome;
    return o.slurmJobId === slurmJobId ? o : undefined;
  } catch {
    return undefined;
  }
}
