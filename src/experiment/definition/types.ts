/**
 * Experiment specs: a YAML file that describes a sweep (a base config with a grid of literal values,
 * or an explicit list of configs) and the command that runs each config. A spec becomes the same
 * prepared jobs, launcher and experiment.json manifest a multirun uses.
 */
import type { PlainValue } from "../../config/node.js";
import type { RunEvent } from "../../runs/events.js";
import type { JobRecord, Manifest, SweepOrigin } from "../../runs/manifest.js";

/** A problem worth telling the user about that does not stop the experiment. */
export interface SpecWarning {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  key?: string;
}

/** One swept key and its values, in spec order. */
export interface SweepAxis {
  key: string;
  values: PlainValue[];
  /** The spec's `zip:` group this key moves in lockstep with (its n-th value with theirs); absent for a grid key. */
  zip?: string;
}

/** A key every run of the experiment sets to the same value. */
export interface FixedOverride {
  key: string;
  value: PlainValue;
}

/** A validated spec, paths absolute, the command resolved (a `mode` becomes its command). */
export interface ExperimentSpec {
  name: string;
  description?: string;
  /** The spec file, absolute. */
  file: string;
  /** The spec file's text, kept in the experiment dir as `spec.yaml`. */
  text: string;
  /** Absolute path of the base config (the sweep form). */
  baseConfig?: string;
  /** Absolute paths of the configs (the explicit-list form). */
  configs?: string[];
  sweep: SweepAxis[];
  fixedOverrides: FixedOverride[];
  /**
   * Program and arguments run once per config; may hold `{config}`, `{job_dir}`, `{job_num}`, `{mode}`.
   * Empty when the spec names a mode that no `command` or modes.yaml defines: the command line then
   * gives it (`hydrant experiment run SPEC -- PROGRAM ARGS…`).
   */
  command: string[];
  /** The spec's `mode` (`training`, `simulation`…): recorded, and given to the program as `{mode}` and $HYDRANT_MODE. */
  mode?: { name: string; args: string[] };
  /** Where the program makes its own run dirs (`runs_dir`), absolute: the newest dir made there during a run is its `run_dir`. */
  runsDir?: string;
  warnings: SpecWarning[];
}

/** One run of an experiment before it is written: the config file it starts from and its values. */
export interface RunPlan {
  num: number;
  /** The base config or the listed config, absolute. */
  source: string;
  /** The swept values of this run, by key (empty for the explicit-list form). */
  values: Record<string, PlainValue>;
}

/** What an experiment's manifest records about where it came from (inside `origin.experiment`). */
export interface ExperimentInfo {
  name: string;
  /** The spec file it was started from, absolute. */
  spec: string;
  form: "sweep" | "configs";
  /** The swept keys, in spec order (the columns of `experiment show`). */
  keys: string[];
  /** Runs at once, when the experiment was started with `parallel`. */
  parallel?: number;
  /** The spec's mode, given to every run as `{mode}` and $HYDRANT_MODE. */
  mode?: string;
  /** The spec's `runs_dir`, absolute: where a run's `run_dir` is looked for. */
  runs_dir?: string;
}

export interface ExperimentOrigin extends SweepOrigin {
  experiment: ExperimentInfo;
}

/**
 * One run in experiment.json: the run engine's job record (`status`, `started_at`, `completed_at`,
 * `return_code`, `job_dir`…) plus the experiment's own fields, named as the experiment guide names
 * them. `result` holds the run's metrics: the JSON it wrote to $HYDRANT_RESULT, else its metrics.json.
 */
export interface ExperimentRunRecord extends JobRecord {
  values?: Record<string, PlainValue>;
  /** The file the run was built from (base config or listed config), absolute. */
  source_config?: string;
  /** The run's exact resolved input: `<experiment>/configs/run_NNN.yaml`. */
  config_path?: string;
  /** The dir the program made for its outputs (`runs/<dataset>/<model>/…`), when it was found. */
  run_dir?: string;
  /** When a stop interrupted the run (it is pending again and a resume re-runs it). */
  interrupted_at?: string;
}

/** An experiment's manifest: a sweep manifest whose origin is the spec. */
export interface ExperimentManifest extends Omit<Manifest, "origin" | "jobs"> {
  origin: Partial<ExperimentOrigin> & SweepOrigin;
  jobs: ExperimentRunRecord[];
}

/** How an experiment's runs are carried out: how many, how many at once, where, and what to tell. */
export interface ExecuteOptions {
  /** Start at most this many runs now; the rest stay pending for a resume. */
  limit?: number;
  /** Runs at once (through the local launcher); default 1, one after the other (basic launcher). */
  parallel?: number;
  /** Aborting stops the experiment: no new run starts, running commands get SIGTERM and stay pending. */
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** Output of command runs as it arrives; a Buffer at run time. */
  onOutput?: (chunk: Uint8Array, stream: "stdout" | "stderr", runNum: number | undefined) => void;
  /** Set by the detached orchestrator so `experiment list` knows how it runs. */
  background?: boolean;
  /** Where commands run; default process.cwd(). */
  cwd?: string;
}

/** Options of {@link runExperiment}. */
export interface RunExperimentOptions extends ExecuteOptions {
  /** Where experiment dirs go; default `./experiments`. */
  root?: string;
  /** The instant naming the experiment dir; default now. */
  now?: Date;
}

/** Where an experiment stands, from its runs and its orchestrator. */
export type ExperimentState = "pending" | "running" | "finished" | "failed" | "partial" | "stopped" | "crashed";

/** How an experiment run ended: its dir, state and counts. */
export interface ExperimentOutcome {
  dir: string;
  state: ExperimentState;
  total: number;
  completed: number;
  failed: number;
  /** Runs not run (yet): a limit, a stop, or interrupted runs. */
  pending: number;
  warnings: SpecWarning[];
}
