/**
 * `hydra/launcher=slurm` options: submitit's names and defaults (hydra-submitit-launcher's
 * SlurmQueueConf) where submitit has them, checked once up front so a typo fails before anything is
 * submitted. This module is all that composing needs; the launcher's code loads on its first sweep.
 */
import { isDict, isList, toPlainUnresolved } from "../../config/node.js";
import { LaunchError } from "../../errors.js";

export const SLURM_LAUNCHER_TARGET = "hydrant.launcher.SlurmLauncher";

/** The `hydra/launcher/slurm` config node. */
export const SLURM_CONFIG_NODE = {
  _target_: SLURM_LAUNCHER_TARGET,
  /** Where batch scripts, task files and SLURM's own logs go (submitit: `${hydra.sweep.dir}/.submitit/%j`). */
  submitit_folder: "${hydra.sweep.dir}/.slurm",
  timeout_min: 60,
  cpus_per_task: null,
  gpus_per_node: null,
  tasks_per_node: 1,
  mem_gb: null,
  nodes: 1,
  name: "${hydra.job.name}",
  stderr_to_stdout: false,
  partition: null,
  qos: null,
  comment: null,
  constraint: null,
  exclude: null,
  gres: null,
  cpus_per_gpu: null,
  gpus_per_task: null,
  mem_per_gpu: null,
  mem_per_cpu: null,
  account: null,
  /** Accepted for submitit configs; hydrant does not signal tasks before their time limit. */
  signal_delay_s: 120,
  /** Resubmissions of a task that hit its time limit (0: a TIMEOUT is a failure). */
  max_num_timeout: 0,
  /** Extra `#SBATCH --key=value` lines, e.g. {nodelist: node[1-4], begin: now+60}. */
  additional_parameters: {},
  /** Tasks of the sweep running at once (`--array=…%N`). */
  array_parallelism: 256,
  /** Shell lines run before each task (module load, conda activate, export …). */
  setup: null,
  /** hydrant: seconds between two looks at the queue (squeue). */
  poll_interval_s: 1,
  /** hydrant: tasks per array (null: the cluster's MaxArraySize); bigger sweeps are submitted in chunks. */
  max_array_size: null,
  /** hydrant: resubmissions of a task lost to NODE_FAIL, PREEMPTED, BOOT_FAIL or gone from the queue. */
  max_num_lost: 2,
};

/** Name, target and config node: what registering the launcher needs, without its code. */
export const SLURM_LAUNCHER = { name: "slurm", target: SLURM_LAUNCHER_TARGET, configNode: SLURM_CONFIG_NODE, detachable: true };

export interface SlurmConfig {
  folder: string;
  timeoutMin: number;
  name: string;
  arrayParallelism: number;
  maxNumTimeout: number;
  maxNumLost: number;
  pollIntervalMs: number;
  maxArraySize?: number;
  setup: string[];
  stderrToStdout: boolean;
  /** `#SBATCH` options in order (key without dashes → value; true for a bare flag). */
  sbatch: [string, string][];
}

/** submitit option → sbatch option, for the ones that are a plain rename. */
const PASSTHROUGH: [string, string][] = [
  ["cpus_per_task", "cpus-per-task"],
  ["gpus_per_node", "gpus-per-node"],
  ["tasks_per_node", "ntasks-per-node"],
  ["nodes", "nodes"],
  ["partition", "partition"],
  ["qos", "qos"],
  ["comment", "comment"],
  ["constraint", "constraint"],
  ["exclude", "exclude"],
  ["gres", "gres"],
  ["cpus_per_gpu", "cpus-per-gpu"],
  ["gpus_per_task", "gpus-per-task"],
  ["mem_per_gpu", "mem-per-gpu"],
  ["mem_per_cpu", "mem-per-cpu"],
  ["account", "account"],
];

export function parseSlurmConfig(raw: Record<string, unknown>): SlurmConfig {
  const timeoutMin = positive(raw, "timeout_min", 60);
  const sbatch: [string, string][] = [["time", String(Math.ceil(timeoutMin))]];
  for (const [key, option] of PASSTHROUGH) {
    const v = raw[key];
    if (v === null || v === undefined) continue;
    if (typeof v !== "string" && typeof v !== "number") throw bad(key, v, "a string or a number");
    sbatch.push([option, String(v)]);
  }
  if (raw.mem_gb !== null && raw.mem_gb !== undefined) sbatch.push(["mem", `${Math.ceil(positive(raw, "mem_gb") * 1024)}M`]);
  for (const [k, v] of Object.entries(plainDict(raw.additional_parameters, "additional_parameters"))) sbatch.push([k.replaceAll("_", "-"), v === true ? "" : String(v)]);
  return {
    folder: stringOption(raw, "submitit_folder", ".slurm"),
    timeoutMin,
    name: stringOption(raw, "name", "hydrant"),
    arrayParallelism: integer(raw, "array_parallelism", 256, 1),
    maxNumTimeout: integer(raw, "max_num_timeout", 0, 0),
    maxNumLost: integer(raw, "max_num_lost", 2, 0),
    pollIntervalMs: positive(raw, "poll_interval_s", 1) * 1000,
    ...(raw.max_array_size !== null && raw.max_array_size !== undefined && { maxArraySize: integer(raw, "max_array_size", 1, 1) }),
    setup: setupLines(raw.setup),
    stderrToStdout: raw.stderr_to_stdout === true,
    sbatch,
  };
}

function setupLines(v: unknown): string[] {
  const plain = isList(v) ? toPlainUnresolved(v) : v;
  if (plain === null || plain === undefined) return [];
  if (Array.isArray(plain) && plain.every((l) => typeof l === "string")) return plain;
  throw bad("setup", plain, "a list of shell lines");
}

function plainDict(v: unknown, key: string): Record<string, unknown> {
  const plain = isDict(v) ? toPlainUnresolved(v) : v;
  if (plain === null || plain === undefined) return {};
  if (typeof plain !== "object" || Array.isArray(plain)) throw bad(key, plain, "a mapping of sbatch options, e.g. {nodelist: 'node[1-4]'}");
  const out = plain as Record<string, unknown>;
  for (const [k, x] of Object.entries(out)) {
    if (typeof x !== "string" && typeof x !== "number" && x !== true) throw bad(`${key}.${k}`, x, "a string, a number or true");
  }
  return out;
}

function stringOption(raw: Record<string, unknown>, key: string, fallback: string): string {
  const v = raw[key] ?? fallback;
  if (typeof v !== "string" || v === "") throw bad(key, v, "a non-empty string");
  return v;
}

function integer(raw: Record<string, unknown>, key: string, fallback: number, min: number): number {
  const v = raw[key] ?? fallback;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) throw bad(key, v, `an integer >= ${min}`);
  return v;
}

function positive(raw: Record<string, unknown>, key: string, fallback?: number): number {
  const v = raw[key] ?? fallback;
  if (typeof v !== "number" || !(v > 0)) throw bad(key, v, "a number > 0");
  return v;
}

function bad(key: string, v: unknown, what: string): LaunchError {
  return new LaunchError(`hydra.launcher.${key} must be ${what}, got ${JSON.stringify(v)}.`, { key: `hydra.launcher.${key}` });
}
