/**
 * What an experiment's run record adds to the engine's job record, named as the experiment docs name
 * them (`started_at`, `completed_at`, `return_code`, `run_dir`, `interrupted_at`), and the fields
 * that describe the run itself (its values and config files), kept when it starts again.
 */
import type { RecordExtension } from "../../runs/recorder.js";

/** The record extension of one execution; `runDirs` holds the run_dir each run was found to produce. */
export function experimentRecord(runDirs: ReadonlyMap<number, string>): RecordExtension {
  return {
    kept: ["values", "source_config", "config_path"],
    started: (_job, at) => ({ started_at: at }),
    ended: (outcome, at, num) => ({ completed_at: at, return_code: outcome.exitCode ?? null, ...(runDirs.has(num) && { run_dir: runDirs.get(num) }) }),
    interrupted: (at) => ({ interrupted_at: at }),
  };
}
