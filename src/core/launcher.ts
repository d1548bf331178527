/**
 * The launcher contract. A launcher receives prepared jobs (composed, placed in their dir) lazily and
 * reports when each starts and ends; it knows nothing of sweepers, so a distributed launcher plugs in
 * by implementing `launch` and shipping jobs with `encodeJob`/`decodeJob` to workers that call `executeJob`.
 */
import type { KeyOrigin } from "../compose/key-origin.js";
import type { ConfigDict } from "../config/node.js";
import type { TaskRef } from "./task.js";

/** One job, ready to run: the full composed config (hydra node included) and its absolute dir. */
export interface PreparedJob {
  /** Job number in the sweep; undefined for a single run. */
  num?: number;
  /** The job's task overrides. */
  overrides: string[];
  config: ConfigDict;
  jobDir: string;
  /** Where the config's keys were set, to point errors at a file; not sent to remote workers. */
  keyOrigin?: KeyOrigin;
}

/** How one job ended, as a launcher reports it. */
export interface JobOutcome {
  status: "completed" | "failed";
  /** A function task's return value, or what a command wrote to $HYDRANT_RESULT. */
  result?: unknown;
  exitCode?: number;
  error?: string;
  /** The thrown value itself (in-process runs only; never crosses a process boundary). */
  thrown?: unknown;
  /** How many times the launcher started the job (retries and stalled restarts included), when it knows. */
  attempts?: number;
  /** The machine (worker) that ran the job's last attempt, for remote launchers. */
  host?: string;
  /** The batch scheduler's job and its final state, for launchers that submit to one (SLURM). */
  scheduler?: SchedulerJob;
}

/** A job as a batch scheduler knows it, e.g. SLURM task `1234_5` in state `TIMEOUT`. */
export interface SchedulerJob {
  id: string;
  state: string;
}

export interface JobPlacement {
  /** Pool slot / worker index. */
  worker?: number;
  /** The GPU id given to the job (`CUDA_VISIBLE_DEVICES`). */
  gpu?: string;
  /** The machine running the job, for remote launchers. */
  host?: string;
  /** The batch scheduler's job, for launchers that submit to one. */
  scheduler?: SchedulerJob;
}

/** How a launcher reports progress back to the sweep. */
export interface LaunchSink {
  started(job: PreparedJob, placement: JobPlacement): void;
  finished(job: PreparedJob, outcome: JobOutcome): void;
  /** Becomes true when the sweep wants no more jobs started (fail-fast); running ones finish. */
  readonly stopped: boolean;
  /** Launcher news beyond starts and ends (queue counts, retries, a lost connection), for progress displays. */
  notify?(event: LauncherEvent): void;
}

/** Runs a sweep's jobs (Hydra's Launcher): made by a {@link LauncherPlugin} for one sweep. */
export interface Launcher {
  /** Runs the jobs, pulling the next one only when it can start it; resolves when all ended. */
  launch(jobs: AsyncIterable<PreparedJob>, sink: LaunchSink): Promise<void>;
}

export interface ExecuteOptions {
  gpu?: string;
  /** Output of a command task as it arrives; a Buffer at run time. */
  onOutput?: (chunk: Uint8Array, stream: "stdout" | "stderr", jobNum: number | undefined) => void;
  /** Aborting kills a command task's process (a launcher's per-job timeout). */
  signal?: AbortSignal;
  /** Called with a command's pid once it runs (the manifest records it). */
  onSpawn?: (pid: number) => void;
  /**
   * A resumed sweep: a command that exited 0 in this job dir after its launcher died (before the
   * manifest could say so) counts as completed instead of running again.
   */
  resume?: boolean;
  /**
   * The file a command task reads as `{config}` and $HYDRANT_CONFIG, instead of the resolved copy
   * written to the job's `.hydra/` (an experiment's `configs/run_NNN.yaml`, its exact input).
   */
  configFile?: string;
  /** An experiment's mode, given to a command task as `{mode}` and $HYDRANT_MODE. */
  mode?: string;
}

/** What a launcher gets for one sweep: its config, the task, and how to run one job. */
export interface LaunchContext {
  /** The launcher's config node (`hydra.launcher`), resolved to plain data. */
  config: Record<string, unknown>;
  task: TaskRef;
  /** Runs one job in this process (function tasks) or as a child process (commands). */
  execute(job: PreparedJob, options?: ExecuteOptions): Promise<JobOutcome>;
  /** The script to fork for function-task workers (`main()` apps); undefined for the CLI. */
  entry?: { script: string; execArgv: string[] };
  onOutput?: ExecuteOptions["onOutput"];
  /** Aborted when the sweep is interrupted (Ctrl-C): stop or cancel what runs, record it, return. */
  signal?: AbortSignal;
  /** Submit the jobs and return without waiting (only for plugins marked `detachable`). */
  detach?: boolean;
}

/** What a launcher reports beyond job starts and ends (see LaunchSink.notify). */
export type LauncherEvent =
  /** Counts across all workers of a distributed launcher; `retried` counts restarts (failures and stalls). */
  | { type: "launcher_progress"; launcher: string; queued: number; running: number; done: number; failed: number; retried: number }
  /** A job is being run again: after a failed attempt, or because its worker died (stalled). */
  | { type: "job_retry"; num: number; attempt: number; reason: string }
  /** Something the user should see, e.g. Redis unreachable and being waited for. */
  | { type: "launcher_notice"; launcher: string; level: "info" | "warning"; message: string };

/** A launcher as registered with {@link registerLauncher}: its name, config node, and a factory. */
export interface LauncherPlugin {
  /** Option name in the `hydra/launcher` group (`hydra/launcher=<name>`). */
  name: string;
  /** `_target_` of its config node. */
  target: string;
  /** The `hydra/launcher/<name>` config node (plain data). */
  configNode: Record<string, unknown>;
  /** Its jobs run on without the launching process (a batch scheduler): `--detach` is allowed. */
  detachable?: boolean;
  create(ctx: LaunchContext): Launcher;
}
