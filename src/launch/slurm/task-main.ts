/**
 * The program each array task runs (`node dist/lazy/slurm-task.js TASK_DIR`): reads its task file
 * (`TASK_DIR/$SLURM_ARRAY_TASK_ID.json`), runs the job exactly as a BullMQ worker does (a command
 * through executeJob, a `main()` task in a fork of the app's script), writes the outcome into the job
 * dir and exits 0 when the job completed, its exit code (or 1) when it failed, so SLURM's own state
 * (COMPLETED/FAILED) agrees with the manifest. SIGTERM (scancel, the time limit) kills the job first.
 */
import os from "node:os";
import { EntryProcesses, runPayload } from "../bullmq/run-payload.js";
import { PROTOCOL_VERSION } from "../bullmq/protocol.js";
import { readTaskFile, writeOutcome, type TaskOutcome } from "./task-files.js";

async function runTask(taskDir: string): Promise<number> {
  const index = process.env.SLURM_ARRAY_TASK_ID;
  const arrayId = process.env.SLURM_ARRAY_JOB_ID;
  if (taskDir === undefined || index === undefined || arrayId === undefined) {
    process.stderr.write("hydrant slurm task: run by SLURM as an array task (SLURM_ARRAY_TASK_ID unset), with the task dir as argument.\n");
    return 2;
  }
  const file = readTaskFile(taskDir, index);
  const startedAt = new Date().toISOString();
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  const processes = new EntryProcesses();
  try {
    const { outcome } = await runPayload({ v: PROTOCOL_VERSION, sweepDir: file.sweepDir, job: file.job, task: file.task }, processes, stop.signal);
    const record: TaskOutcome = {
      slurmJobId: `${arrayId}_${index}`,
      status: outcome.status,
      ...(outcome.exitCode !== undefined && { exitCode: outcome.exitCode }),
      ...(outcome.result !== undefined && { result: outcome.result }),
      ...(outcome.error !== undefined && { error: outcome.error }),
      host: os.hostname(),
      startedAt,
      endedAt: new Date().toISOString(),
    };
    writeOutcome(file.job.jobDir, record);
    return outcome.status === "completed" ? 0 : outcome.exitCode || 1;
  } finally {
    await processes.stopAll();
  }
}

process.exitCode = await runTask(process.argv[2] as string);
