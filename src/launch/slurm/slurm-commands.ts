/**
 * The SLURM client commands the launcher uses (sbatch, squeue, scancel, scontrol), run as child
 * processes with the caller's environment (so SLURM_CONF and the user's PATH apply), their output parsed.
 * Nothing here needs an accounting database: finished tasks are read from squeue while slurmctld still
 * remembers them (MinJobAge) and, after that, from the outcome file each task writes.
 */
import { execFile } from "node:child_process";
import { LaunchError } from "../../errors.js";

/** One array task as squeue shows it. */
export interface QueueRow {
  /** `ARRAYID_INDEX`, SLURM's name for the task. */
  id: string;
  arrayId: string;
  index: number;
  state: string;
  node?: string;
  reason?: string;
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
      const why = missing ? `'${cmd}' is not installed or not on PATH (the slurm launcher runs on a machine that can submit SLURM jobs)` : (stderr.trim() || error.message);
      reject(new LaunchError(`${cmd} ${args.join(" ")} failed: ${why}`, { key: "hydra/launcher" }));
    });
  });
}

/** Submits a batch script; resolves to the job id (an array's id). */
export async function sbatch(script: string): Promise<string> {
  const out = await run("sbatch", ["--parsable", script]);
  const id = out.trim().split(";")[0];
  if (!/^\d+$/.test(id)) throw new LaunchError(`sbatch ${script} printed '${out.trim()}' instead of a job id.`, { key: "hydra/launcher" });
  return id;
}

/** Every array task of the given arrays that slurmctld still knows, finished ones included. */
export async function squeue(arrayIds: Iterable<string>): Promise<Map<string, QueueRow>> {
  const wanted = new Set(arrayIds);
  const rows = new Map<string, QueueRow>();
  if (wanted.size === 0) return rows;
  // All of the user's jobs rather than `-j IDS`: squeue fails outright when one id was already purged.
  const out = await run("squeue", ["--me", "--noheader", "--array", "--states=all", "--format=%F|%K|%T|%N|%r"]);
  for (const line of out.split("\n")) {
    const [arrayId, index, state, node, reason] = line.trim().split("|");
    if (!wanted.has(arrayId) || !/^\d+$/.test(index ?? "")) continue;
    const id = `${arrayId}_${index}`;
    rows.set(id, { id, arrayId, index: Number(index), state, ...(node && { node }), ...(reason && reason !== "None" && { reason }) });
  }
  return rows;
}

/** Cancels jobs or tasks (`123`, `123_4`); `pendingOnly` leaves running tasks alone. */
export async function scancel(ids: string[], pendingOnly = false): Promise<void> {
  if (ids.length === 0) return;
  await run("scancel", [...(pendingOnly ? ["--state=PENDING"] : []), ...ids]);
}

let maxArraySize: Promise<number> | undefined;

/** The cluster's MaxArraySize: array indices must stay below it. */
export function clusterMaxArraySize(): Promise<number> {
  maxArraySize ??= run("scontrol", ["show", "config"]).then(
    (out) => Number(/^MaxArraySize\s*=\s*(\d+)/m.exec(out)?.[1] ?? 1001),
    (e: unknown) => {
      maxArraySize = undefined;
      throw e;
    },
  );
  return maxArraySize;
}
