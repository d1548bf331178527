/**
 * What an experiment's run record adds to the engine's job record (`run_dir`, `interrupted_at`, a
 * `return_code` of null for a command killed by a signal), and the fields that describe the run
 * itself (its values and config files), kept when it starts again.
 */
import type { RecordExtension } from "../../runs/recorder.js";

/** The record extension of one execution; `runDirs` holds the run_dir each run was found to produce. */
export function experimentRecord(runDirs: ReadonlyMap<number, string>): RecordExtension {
  return {
    kept: ["values", "source_config", "config_path"],
    ended: (outcome, _at, num) => ({ return_code: outcome.exitCode ?? null, ...(runDirs.has(num) && { run_dir: runDirs.get(num) }) }),
    interrupted: (at) => ({ interrupted_at: at }),
  };
}
