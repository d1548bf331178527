/**
 * The one orchestrator behind `main()` and the CLI: a single run (compose, make the run dir, write
 * `.hydra/`, run the task), a multirun (sweeper → launcher, with the experiment.json manifest), or
 * the resume of a sweep. Printing `--cfg`/`--info`/help is the caller's business.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ConfigList, isDict, toPlainUnresolved, type ConfigDict } from "../config/node.js";
import { globalResolvers } from "../config/interpolation/index.js";
import { UsageError } from "../errors.js";
import { executeJob } from "../job/executor.js";
import { findLauncher } from "../plugins/plugin-registry.js";
import type { PreparedJob } from "../core/launcher.js";
import type { AppTask, TaskRef } from "../core/task.js";
import { getPath, setPath } from "../config/path.js";
import { configLocation, resolvePath, resolvePathString, type ConfigLocation } from "../compose/helpers.js";
import type { ComposeResult } from "../compose/compose.js";
import { composeAppConfig } from "../plugins/app-composition.js";
import { pinSweepDir, placeRun, placeSweepJob, sweepDirOf } from "../job/job-dirs.js";
import { runSweep, withLazyJobs, type SweepJob } from "../runs/engine.js";
import { MANIFEST_FILE, readManifest, type JobRecord, type SweepOrigin } from "../runs/manifest.js";
import { ManifestWriter } from "../runs/manifest-writer.js";
import { claimNewSweepDir, lockSweep } from "../runs/sweep-lock.js";
import { checkResumeCommand } from "../runs/trust.js";
import { planSweep, writeMultirunYaml, type SweepPlan } from "../runs/plan.js";
import { failurePolicyOf, type FailureFlags } from "../runs/failure-policy.js";
import { observeRun, type RunObserver } from "../callbacks/observe-run.js";
import { loadRerun, rerunTask } from "./rerun.js";
import type { AppArgs, AppOutcome, MultirunOutcome, RunHooks, SingleRunOutcome } from "./types.js";

/** Above this many jobs the manifest lists jobs as they start instead of all of them up front. */
const LIST_PENDING_UP_TO = 10_000;

/** Runs a parsed Hydra app command line (see {@link parseAppArgv}): one run, a multirun sweep, or the resumption of one, with `task` as the job. Never prints: progress goes to `hooks`. */
export async function runApp(args: AppArgs, task: AppTask, hooks: RunHooks = {}): Promise<AppOutcome> {
  // A new run, a new instant for ${now:…} (cached from here on, so all its jobs share it).
  globalResolvers.clearCache("now");
  if (args.resume !== undefined) return resumeSweep(args, task, hooks);
  if (args.rerun !== undefined) return runSingle(loadRerun(args.rerun, args.overrides), rerunTask(task, args), hooks);
  const taskRef = toTaskRef(task, args);
  const location = configLocation(args);
  const origin: SweepOrigin = { cwd: process.cwd(), ...defined({ config_dir: location.configDir, search_path: location.searchPath, config_name: args.configName }), overrides: args.overrides, ...commandOrEntry(taskRef, hooks) };
  if (args.multirun) return runMultirun({ location, overrides: args.overrides, taskRef, hooks, origin, limit: args.limit, detach: args.detach, failure: failureFlags(args) });
  const composed = composeAppConfig({ ...location, overrides: args.overrides, runMode: "RUN" });
  // hydra.mode: MULTIRUN in a config makes the app sweep without -m, as in Hydra 1.2+.
  if (getPath(composed.config, "hydra.mode") === "MULTIRUN") return runMultirun({ location, overrides: args.overrides, taskRef, hooks, origin, limit: args.limit, detach: args.detach, failure: failureFlags(args) });
  if (args.detach) throw new UsageError("--detach applies to sweeps: add --multirun (-m).");
  return runSingle(composed, taskRef, hooks);
}

function toTaskRef(task: AppTask, args: AppArgs): TaskRef {
  if (typeof task === "function") return { kind: "function", fn: task };
  const argv = task.command.length > 0 ? task.command : (args.command ?? []);
  if (argv.length === 0) throw new UsageError("No task: give a command after `--` (hydrant [flags] [overrides] -- CMD ARGS…).");
  return { kind: "command", argv };
}

function commandOrEntry(task: TaskRef, hooks: RunHooks): Pick<SweepOrigin, "command" | "entry"> {
  if (task.kind === "command") return { command: task.argv };
  return hooks.workerEntry ? { entry: hooks.workerEntry.script } : {};
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** What a single run needs of a composition (a rerun has no more than this). */
type SingleRunConfig = Pick<ComposeResult, "config" | "taskOverrides" | "keyOrigin">;

async function runSingle(composed: SingleRunConfig, task: TaskRef, hooks: RunHooks): Promise<SingleRunOutcome> {
  markMode(composed, "RUN");
  const jobDir = placeRun(composed.config);
  const emit = hooks.onEvent ?? (() => {});
  const job = { overrides: composed.taskOverrides, config: composed.config, jobDir, keyOrigin: composed.keyOrigin };
  const outcome = await observed(composed.config, composed.taskOverrides, async (callbacks) => {
    await callbacks.runStart();
    emit({ type: "run_start", outputDir: jobDir });
    const ended = await executeJob(job, task, { onOutput: hooks.onOutput });
    emit({ type: "run_end", outputDir: jobDir, status: ended.status });
    await callbacks.runEnd(job, ended);
    return ended;
  });
  return { mode: "run", outputDir: jobDir, status: outcome.status, result: outcome.result, exitCode: outcome.exitCode, error: outcome.error, thrown: outcome.thrown };
}

/** Hydra appends `hydra.mode=RUN|MULTIRUN` to the hydra overrides; hydra.yaml shows it. */
function markMode(composed: SingleRunConfig, mode: "RUN" | "MULTIRUN"): void {
  setPath(composed.config, "hydra.mode", mode);
  const list = getPath(composed.config, "hydra.overrides.hydra");
  if (list instanceof ConfigList) list.items.push(`hydra.mode=${mode}`);
}

interface SweepRequest {
  location: ConfigLocation;
  overrides: string[];
  taskRef: TaskRef;
  hooks: RunHooks;
  origin: SweepOrigin;
  limit?: number;
  resumeDir?: string;
  detach?: boolean;
  failure?: FailureFlags & { retryFailed?: boolean };
}

function failureFlags(args: AppArgs): FailureFlags & { retryFailed?: boolean } {
  return { ...(args.maxFailures !== undefined && { maxFailures: args.maxFailures }), ...(args.retries !== undefined && { retries: args.retries }), ...(args.retryFailed && { retryFailed: true }) };
}

async function runMultirun(req: SweepRequest): Promise<MultirunOutcome> {
  const plan = planSweep(req.location, req.overrides);
  const master = plan.master.config;
  const wanted = req.resumeDir ?? sweepDirOf(master);
  if (req.resumeDir) pinSweepDir(master, wanted);
  validateFirstJob(plan);
  const total = plan.sweeper.total();
  // One owner per sweep dir: a resume locks it; a new sweep takes a dir nobody owns or used.
  const lock = req.resumeDir ? lockSweep(wanted) : claimNewSweepDir(wanted);
  const sweepDir = lock.dir;
  const pin = req.resumeDir !== undefined || sweepDir !== wanted;
  if (pin) pinSweepDir(master, sweepDir);
  try {
    return await observed(master, req.overrides, async (callbacks) => {
      await callbacks.multirunStart();
      const outcome = await runLockedMultirun(req, plan, sweepDir, pin, total);
      await callbacks.multirunEnd(outcome);
      return outcome;
    });
  } finally {
    lock.release();
  }
}

async function runLockedMultirun(req: SweepRequest, plan: SweepPlan, sweepDir: string, pin: boolean, total: number): Promise<MultirunOutcome> {
  const master = plan.master.config;
  mkdirSync(sweepDir, { recursive: true });
  if (!req.resumeDir) writeMultirunYaml(master, sweepDir);
  const launcherChoice = plan.master.choices["hydra/launcher"];
  const plugin = findLauncher(getPath(master, "hydra.launcher._target_"), typeof launcherChoice === "string" ? launcherChoice : undefined);
  if (req.detach && !plugin.detachable) throw new UsageError(`--detach needs a launcher whose jobs run on without hydrant (e.g. hydra/launcher=slurm); the ${plugin.name} launcher runs them in this process's care.`, { key: "hydra/launcher" });
  const manifest = req.resumeDir ? ManifestWriter.open(sweepDir) : ManifestWriter.create({ sweepDir, origin: req.origin, total, launcher: plugin.name, jobs: pendingJobs(plan, total) });
  if (req.resumeDir) manifest.setSweep({ total, launcher: plugin.name });
  const policy = failurePolicyOf(master, req.failure);
  const result = await runSweep({
    manifest,
    sweepDir,
    plugin,
    context: { config: launcherConfig(master), task: req.taskRef, execute: (job, o) => executeJob(job, req.taskRef, o), entry: req.hooks.workerEntry, onOutput: req.hooks.onOutput, signal: req.hooks.signal, detach: req.detach },
    jobs: numbered(plan.sweeper.jobs()),
    prepare: ({ num, overrides }) => {
      const composed = plan.composeJob(overrides, num);
      const jobDir = placeSweepJob(composed.config, num, sweepDir, pin);
      return { num, overrides, config: composed.config, jobDir, keyOrigin: composed.keyOrigin };
    },
    limit: req.limit,
    onEvent: req.hooks.onEvent,
    policy,
    failedOnly: req.failure?.retryFailed,
    recorder: { failFast: req.hooks.failFast, maxFailures: policy.maxFailures, signal: req.hooks.signal, interruptedAs: "interrupted" },
  });
  const flags = { ...(req.detach && { detached: true }), ...(req.hooks.signal?.aborted && { interrupted: true }) };
  return withLazyJobs({ mode: "multirun", status: result.status, sweepDir, total: result.total, completed: result.completed, failed: result.failed, notRun: result.notRun, ...flags }, sweepDir);
}

/**
 * Runs `fn` with the run's callbacks and `hydra/hydra_logging` in place, as Hydra's run() and
 * multirun() do; a callback `_target_` that does not resolve stops the run before anything runs.
 */
async function observed<T>(config: ConfigDict, overrides: string[], fn: (callbacks: RunObserver) => Promise<T>): Promise<T> {
  const observer = await observeRun(config, { configName: resolvePathString(config, "hydra.job.config_name"), overrides });
  try {
    return await fn(observer);
  } finally {
    observer.close();
  }
}

/** Like Hydra's validate_batch_is_legal, but for the first job only: later ones compose lazily. */
function validateFirstJob(plan: SweepPlan): void {
  for (const overrides of plan.sweeper.jobs()) {
    plan.composeJob(overrides, 0);
    return;
  }
}

function* numbered(jobs: Iterable<string[]>): Generator<SweepJob> {
  let num = 0;
  for (const overrides of jobs) yield { num: num++, overrides };
}

function pendingJobs(plan: SweepPlan, total: number): JobRecord[] {
  if (total > LIST_PENDING_UP_TO) return [];
  return [...numbered(plan.sweeper.jobs())].map((job) => ({ ...job, status: "pending" as const }));
}

function launcherConfig(master: PreparedJob["config"]): Record<string, unknown> {
  const node = resolvePath(master, "hydra.launcher");
  if (!isDict(node)) return {};
  const out: Record<string, unknown> = {};
  // Plain values (floats unboxed); dicts stay nodes for the launcher to read.
  for (const [k, v] of node.entries) out[k] = isDict(v) ? v : toPlainUnresolved(v);
  return out;
}

/** Runs again every job of a sweep that is not completed, with the sweep's own config and overrides. */
async function resumeSweep(args: AppArgs, task: AppTask, hooks: RunHooks): Promise<MultirunOutcome> {
  const sweepDir = path.resolve(args.resume as string);
  const m = readManifest(sweepDir);
  const taskRef = await resumeTask(task, args, m.origin, sweepDir, hooks);
  const location: ConfigLocation = { configDir: m.origin.config_dir, searchPath: m.origin.search_path, configName: m.origin.config_name };
  return runMultirun({ location, overrides: m.origin.overrides, taskRef, hooks, origin: m.origin, limit: args.limit, resumeDir: sweepDir, detach: args.detach, failure: failureFlags(args) });
}

async function resumeTask(task: AppTask, args: AppArgs, origin: SweepOrigin, sweepDir: string, hooks: RunHooks): Promise<TaskRef> {
  if (typeof task === "function") return { kind: "function", fn: task };
  const given = task.command.length > 0 ? task.command : args.command?.length ? args.command : undefined;
  if (given) return { kind: "command", argv: given };
  const argv = origin.command;
  if (argv && argv.length > 0) {
    // Read from a file anyone with access to the dir can edit: run it only if it is what the user ran.
    await checkResumeCommand(sweepDir, argv, path.join(sweepDir, MANIFEST_FILE), args.yes === true, hooks.confirm);
    return { kind: "command", argv };
  }
  const how = origin.entry ? `run '${origin.entry}' with --resume ${args.resume}` : "run your main() app with --resume DIR";
  throw new UsageError(`This sweep ran a function task, so it can only be resumed by its app: ${how}.`);
}
