/**
 * What an experiment's run record adds to the engine's job record, named as the experiment docs name
 * them (`run_dir`, `started_at`, `completed_at`, `return_code`, `interrupted_at`), and the fields
 * that describe the run itself (its values and config files), kept when it starts again.
 */
import type { RecordExtension } from "../../runs/recorder.js";

export const EXPERIMENT_RECORD: RecordExtension = {
  kept: ["values", "source_config", "config_path"],
  started: (job, at) => ({ run_dir: job.jobDir, started_at: at }),
  ended: (outcome, at) => ({ completed_at: at, return_code: outcome.exitCode ?? null }),
  interrupted: (at) => ({ interrupted_at: at }),
};
