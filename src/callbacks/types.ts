/**
 * Hydra's Callback interface, in JavaScript spelling. Every method is optional and may be async;
 * hydrant awaits each in turn. `config` is the job's (or the sweep's) config as plain data, the
 * `hydra` node included, resolved where it resolves.
 */
/** The config a callback receives: plain data, `hydra` node included. */
export type CallbackConfig = Record<string, unknown> & { hydra?: Record<string, unknown> };

/** What a job ended with (Hydra's JobReturn). */
export interface JobReturn {
  status: "completed" | "failed";
  /** The task function's return value, or what a command wrote to $HYDRANT_RESULT. */
  returnValue: unknown;
  /** Why the job failed, as text; the thrown value itself in `thrown` (in-process runs only). */
  error?: string;
  thrown?: unknown;
  exitCode?: number;
  /** The job's task overrides. */
  overrides: string[];
  outputDir: string;
  jobNum?: number;
  /** `hydra.job.name`. */
  taskName: string;
}

/** What `onRunStart` / `onMultirunStart` are told besides the config. */
export interface RunInfo {
  configName?: string;
}

/** What `onRunEnd` is told: the run's job return. */
export interface RunEndInfo extends RunInfo {
  /** The single run's job return (undefined when the run failed before its job started). */
  jobReturn?: JobReturn;
}

/** One job of a sweep, as `experiment.json` records it. */
export interface MultirunJob {
  num: number;
  overrides: string[];
  status: string;
  result?: unknown;
  error?: string;
  jobDir?: string;
}

/** What `onMultirunEnd` is told: the sweep dir and every job's record. */
export interface MultirunEndInfo extends RunInfo {
  sweepDir: string;
  /** Every job of the sweep as the manifest (experiment.json) records it. */
  jobs: MultirunJob[];
  completed: number;
  failed: number;
  /** Jobs not run now (a limit, fail-fast). */
  notRun: number;
}

/** What `onJobStart` is told: the task about to run. */
export interface JobStartInfo {
  /** The task function of a `main()` app; undefined for a command task. */
  taskFunction?: (...args: never[]) => unknown;
  /** The command of a command task. */
  command?: string[];
}

/** What `onComposeConfig` is told: the primary config's name and the overrides composed. */
export interface ComposeInfo {
  configName?: string;
  overrides: string[];
}

/** Implement any of these; register the class as a `_target_` under `hydra.callbacks.<name>`. */
export interface Callback {
  onRunStart?(config: CallbackConfig, info: RunInfo): unknown;
  onRunEnd?(config: CallbackConfig, info: RunEndInfo): unknown;
  onMultirunStart?(config: CallbackConfig, info: RunInfo): unknown;
  onMultirunEnd?(config: CallbackConfig, info: MultirunEndInfo): unknown;
  onJobStart?(config: CallbackConfig, info: JobStartInfo): unknown;
  onJobEnd?(config: CallbackConfig, jobReturn: JobReturn): unknown;
  onComposeConfig?(config: CallbackConfig, info: ComposeInfo): unknown;
}

/** The name of a callback event (`"onJobEnd"`, …). */
export type CallbackEvent = keyof Callback;
