/**
 * Retries of a failed job, in the launcher's slot (launchers that run jobs through `execute`: basic,
 * local): each failed attempt is recorded in the manifest (`failedAttempts`: exit code, error, end time
 * and where its output went), its logs are kept beside the job's (`stdout.attempt-1.log`), and after a
 * growing wait the job runs again. A stop (Ctrl-C, max_failures) ends the retrying.
 */
import { existsSync, renameSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { JobOutcome, LaunchContext, LaunchSink } from "../core/launcher.js";
import { retryDelayMs, type FailurePolicy } from "./failure-policy.js";
import type { FailedAttempt } from "./manifest.js";
import type { ManifestWriter } from "./manifest-writer.js";

const LOGS = ["stdout.log", "stderr.log"];

export function withRetries(context: LaunchContext, manifest: ManifestWriter, sink: LaunchSink, policy: Pick<FailurePolicy, "retries" | "retryBackoffMs">): LaunchContext {
  return {
    ...context,
    execute: async (job, options) => {
      for (let retry = 1; ; retry++) {
        const outcome = await context.execute(job, options);
        const stopped = sink.stopped || context.signal?.aborted || options?.signal?.aborted;
        if (outcome.status === "completed" || retry > policy.retries || stopped || job.num === undefined) return outcome;
        recordAttempt(manifest, job.num, job.jobDir, outcome, retry);
        sink.notify?.({ type: "job_retry", num: job.num, attempt: retry + 1, reason: outcome.error ?? "failed" });
        await sleep(retryDelayMs(policy, retry), undefined, { signal: context.signal }).catch(() => {});
        if (context.signal?.aborted) return outcome;
      }
    },
  };
}

function recordAttempt(manifest: ManifestWriter, num: number, jobDir: string, outcome: JobOutcome, attempt: number): void {
  const logs = keepLogs(jobDir, attempt);
  const prev = manifest.job(num);
  const failed: FailedAttempt = { attempt, completed_at: new Date().toISOString(), ...(outcome.exitCode !== undefined && { return_code: outcome.exitCode }), ...(outcome.error !== undefined && { error: outcome.error }), ...(logs.length > 0 && { logs }) };
  manifest.update(num, { attempts: (prev?.attempts ?? 1) + 1, failed_attempts: [...(prev?.failed_attempts ?? []), failed] });
}

/** Moves the attempt's logs aside (`stdout.log` → `stdout.attempt-1.log`) so the next attempt starts clean. */
function keepLogs(jobDir: string, attempt: number): string[] {
  const kept: string[] = [];
  for (const name of LOGS) {
    const from = path.join(jobDir, name);
    if (!existsSync(from)) continue;
    const to = name.replace(/\.log$/, `.attempt-${attempt}.log`);
    renameSync(from, path.join(jobDir, to));
    kept.push(to);
  }
  return kept;
}
