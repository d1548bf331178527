/**
 * The contract between the command line (src/cli, or `main()`'s own argv parser) and the run engine.
 */
import type { RunEvent } from "../runs/events.js";
import type { JobRecord } from "../runs/manifest.js";
import type { ConfigSchemaNode } from "../typed/index.js";

/** What a Hydra app command line says, after parsing. */
export interface AppArgs {
  configDir?: string;
  configPath?: string;
  configName?: string;
  /** `hydra.job.name`; `main()` sets it to the script's name, as Hydra names a job after its script. */
  jobName?: string;
  /** The job config's schema: `main({ schema })` sets it. */
  schema?: ConfigSchemaNode;
  overrides: string[];
  multirun: boolean;
  cfg?: "job" | "hydra" | "all";
  resolve: boolean;
  package?: string;
  /** `--info [what]`; "all" when given without a topic (Hydra's default). */
  info?: string;
  /** `--run/-r`: force a single run even when the config says `hydra.mode: MULTIRUN`. */
  run?: boolean;
  /** A sweep dir to resume. */
  resume?: string;
  /** A job's output dir to run again from its `.hydra/` files (the overrides apply on top). */
  rerun?: string;
  /** Run the command a resumed sweep's experiment.json names even if it is not the one it started with. */
  yes?: boolean;
  /** Run at most this many jobs now (the rest stay pending for a later resume). */
  limit?: number;
  /** `--max-failures N` (`--fail-fast` is 1): start no more jobs once N failed in this run. */
  maxFailures?: number;
  /** `--retries N`: run a failed job up to N more times. */
  retries?: number;
  /** `--best METRIC[:max|min]`: name the best completed job at the end of a sweep. */
  best?: string;
  /** `--retry-failed` (with `--resume`): run only the jobs that failed. */
  retryFailed?: boolean;
  /** Submit the sweep and return without waiting (a launcher whose jobs run elsewhere, e.g. slurm). */
  detach?: boolean;
  /** `-- CMD ARGS…`: an external program as the task. */
  command?: string[];
  help?: boolean;
  hydraHelp?: boolean;
  /** `--version`: print hydrant's version. */
  version?: boolean;
}

/** Callbacks through which a run reports what happens, since the library never prints. */
export interface RunHooks {
  /** Every status change, for progress displays. The library itself never prints. */
  onEvent?: (event: RunEvent) => void;
  /** Output of command tasks as it arrives (the CLI echoes it for a single run); a Buffer at run time. */
  onOutput?: (chunk: Uint8Array, stream: "stdout" | "stderr", jobNum: number | undefined) => void;
  /** Stop the sweep at the first failed job (the failure is still recorded). */
  failFast?: boolean;
  /** The script (and node flags) the local launcher forks as workers for function tasks. */
  workerEntry?: { script: string; execArgv: string[] };
  /**
   * Aborting interrupts a sweep: no job starts any more, running commands' process groups (and the
   * local launcher's workers) get the abort reason's signal (`controller.abort("SIGINT")`; SIGTERM
   * otherwise), and they and the sweep are recorded `interrupted`.
   */
  signal?: AbortSignal;
}

/** What one run (no `--multirun`) ended with. */
export interface SingleRunOutcome {
  mode: "run";
  status: "completed" | "failed";
  outputDir: string;
  /** The task's return value (function) or exit code (command). */
  result: unknown;
  exitCode?: number;
  error?: string;
  /** The thrown value, for `main()` to rethrow like `@hydra.main` does. */
  thrown?: unknown;
}

/** What a sweep ended with: its dir, counts and every job's record. */
export interface MultirunOutcome {
  mode: "multirun";
  /** `interrupted`: a Ctrl-C or SIGTERM (RunHooks.signal) stopped it; `--resume` goes on. */
  status: "completed" | "failed" | "partial" | "interrupted";
  sweepDir: string;
  total: number;
  completed: number;
  failed: number;
  /** Jobs that were not run now (a `limit`, fail-fast, or an interrupted sweep). */
  notRun: number;
  jobs: JobRecord[];
  /** `--detach`: the jobs were handed over and run on; `--resume` collects them. */
  detached?: boolean;
  /** The sweep was interrupted (RunHooks.signal). */
  interrupted?: boolean;
}

/** What {@link runApp} resolves to: a single run's or a sweep's outcome. */
export type AppOutcome = SingleRunOutcome | MultirunOutcome;
