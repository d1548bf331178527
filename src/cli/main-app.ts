/**
 * `main()` for TypeScript apps, the `@hydra.main` of hydrant: the same command line as the `hydrant`
 * bin, with the app's function as the task. In a forked local-launcher worker (HYDRANT_WORKER=1) it
 * serves jobs over IPC instead.
 */
import path from "node:path";
import type { AppArgs, RunHooks } from "../app/types.js";
import type { TaskContext } from "../core/task.js";
import { setAppDir } from "../instantiate/app-dir.js";
import { isWorkerProcess, serveJobs } from "../launch/local-worker.js";
import { processIo, reportFailure, runAppCommand, type Io } from "./app-command.js";
import { guardPipes } from "./output.js";
import type { ConfigSchemaNode, InferConfig } from "../typed/index.js";

/** Options of {@link main}: where the configs are, and where its output goes. */
export interface MainOptions {
  /** Config dir, relative to the script that calls main() (like Hydra's config_path). */
  configPath?: string;
  configName?: string;
  /**
   * The job config's schema (zod, arktype, valibot through `toStandardJsonSchema`, or a JSON Schema):
   * its defaults come first, composition checks the config against it (types, unknown keys) and the
   * task's `cfg` is typed by it (a Standard Schema's output type). Hydra: a dataclass stored in the
   * ConfigStore and named first in the primary config's defaults list.
   */
  schema?: ConfigSchemaNode;
  /** Overrides applied before the command line's (which win): `["db=mysql"]`. */
  overrides?: string[];
  /** Defaults to process.argv.slice(2). */
  argv?: string[];
  hooks?: RunHooks;
  /** Where `--cfg`/`--help` text, progress and errors go; defaults to the process's stdout/stderr. */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/**
 * Runs the app. Resolves to the task's return value for a single run, the sweep's outcome for a
 * multirun, undefined when nothing ran (`--cfg`, `--help`, a worker process, an error). Sets
 * process.exitCode (never calls process.exit) when something failed.
 */
export async function main<S extends ConfigSchemaNode>(
  options: MainOptions & { schema: S },
  task: (cfg: InferConfig<S>, ctx: TaskContext) => unknown,
): Promise<unknown>;
/** Runs the app with a config typed by the caller: `main<Config>(…)` with `Config` from `hydrant types`. */
export async function main<Cfg = Record<string, unknown>>(options: MainOptions, task: (cfg: Cfg, ctx: TaskContext) => unknown): Promise<unknown>;
export async function main(options: MainOptions, task: (cfg: never, ctx: TaskContext) => unknown): Promise<unknown> {
  const fn = task as (cfg: never, ctx: TaskContext) => unknown;
  // `_target_: ./models.js:MLP` resolves next to the app's script, as its own imports do.
  if (process.argv[1]) setAppDir(path.dirname(path.resolve(process.argv[1])));
  if (isWorkerProcess()) {
    await serveJobs({ kind: "function", fn });
    return undefined;
  }
  if (!options.stdout || !options.stderr) guardPipes();
  const io: Io = {
    out: options.stdout ?? processIo.out,
    write: options.stdout ? undefined : processIo.write,
    err: options.stderr ?? processIo.err,
    isTTY: options.stderr ? false : processIo.isTTY,
  };
  const entry = process.argv[1] ? { script: process.argv[1], execArgv: process.execArgv } : undefined;
  try {
    const { code, outcome } = await runAppCommand(options.argv ?? process.argv.slice(2), io, {
      task: fn,
      defaults: (args) => applyMainDefaults(args, options),
      hooks: { ...options.hooks, workerEntry: entry },
    });
    if (code !== 0) process.exitCode = code;
    if (outcome?.mode === "run") return outcome.result;
    return outcome;
  } catch (err) {
    process.exitCode = reportFailure(err, io);
    return undefined;
  }
}

function applyMainDefaults(args: AppArgs, options: MainOptions): void {
  if (args.configPath === undefined && options.configPath !== undefined) {
    const base = process.argv[1] ? path.dirname(path.resolve(process.argv[1])) : process.cwd();
    args.configPath = path.resolve(base, options.configPath);
  }
  args.configName ??= options.configName;
  args.schema ??= options.schema;
  // Hydra names the job after the script: run_training.py's job is run_training.
  if (process.argv[1]) args.jobName ??= path.parse(process.argv[1]).name;
  // A rerun starts from the job's saved config, which already has them.
  if (options.overrides?.length && args.rerun === undefined) args.overrides = [...options.overrides, ...args.overrides];
}
