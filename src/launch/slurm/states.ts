/**
 * What a SLURM job state means for a sweep job. States that are not final keep the task followed; a
 * final one (or the task gone from squeue) becomes a recorded ending, or a resubmission for the states
 * where the job itself did nothing wrong (time limit with max_num_timeout, a lost node, preemption).
 */

/** States of a task that is queued, running or about to be either. */
const ACTIVE = new Set(["PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "SUSPENDED", "STOPPED", "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "RESIZING", "SIGNALING", "STAGE_OUT", "RESV_DEL_HOLD", "SPECIAL_EXIT"]);

export function isActive(state: string): boolean {
  return ACTIVE.has(state);
}

export interface Ending {
  /** The job failed whatever its outcome file says (SLURM stopped it). */
  failed: boolean;
  /** Submit again (within the limits) rather than record a failure. */
  retry?: "timeout" | "lost";
  reason: string;
  /** The state to record when squeue no longer shows the task. */
  state: string;
}

/** `state` is squeue's (undefined: slurmctld has forgotten the task); `hasOutcome`: the task wrote its outcome file. */
export function endingOf(state: string | undefined, hasOutcome: boolean, interrupted: boolean): Ending {
  switch (state) {
    case "COMPLETED":
      return hasOutcome ? { failed: false, reason: "", state } : { failed: true, reason: "the task ended without writing its outcome (hydrant-outcome.json)", state };
    case "FAILED":
      return hasOutcome ? { failed: false, reason: "", state } : { failed: true, reason: "the task failed before it could run the job", state };
    case "TIMEOUT":
      return { failed: true, retry: "timeout", reason: "SLURM stopped it at its time limit (TIMEOUT): raise hydra.launcher.timeout_min", state };
    case "CANCELLED":
      return { failed: true, reason: interrupted ? "interrupted: cancelled when the sweep was stopped; --resume runs it again" : "cancelled in SLURM (CANCELLED, e.g. scancel); --resume runs it again", state };
    case "OUT_OF_MEMORY":
      return { failed: true, reason: "it ran out of memory (OUT_OF_MEMORY): raise hydra.launcher.mem_gb", state };
    case "NODE_FAIL":
    case "PREEMPTED":
    case "BOOT_FAIL":
      return { failed: true, retry: "lost", reason: `its node was lost (${state})`, state };
    case "DEADLINE":
      return { failed: true, reason: "it reached its deadline (DEADLINE)", state };
    case undefined:
      return hasOutcome ? { failed: false, reason: "", state: "ENDED" } : { failed: true, retry: "lost", reason: "its task left the queue without a result (LOST)", state: "LOST" };
    default:
      return { failed: true, reason: `SLURM ended it as ${state}`, state };
  }
}
