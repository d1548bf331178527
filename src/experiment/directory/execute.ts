/**
 * Runs the pending runs of a prepared experiment dir with the run engine (src/runs/engine.ts): the
 * runs (listed in experiment.json, or made from the spec's lazy grid: run-source.ts) become
 * PreparedJobs read back from configs/run_NNN.yaml, a registered launcher runs them
 * (basic: one after the other; local: `parallel` at once), executeJob runs the command and the
 * engine's recorder adds the experiment's fields to each run record.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ConfigDict, ConfigList, type ConfigValue } from "../../config/node.js";
import { parseYaml } from "../../config/yaml.js";
import { ManifestError } from "../../errors.js";
import { findLauncher } from "../../plugins/plugin-registry.js";
import type { TaskRef } from "../../core/task.js";
import { runSweep } from "../../runs/engine.js";
import { ManifestWriter } from "../../runs/manifest-writer.js";
import type { SweepLock } from "../../runs/sweep-lock.js";
import { lockExperiment, ORCHESTRATOR_LOG, readExperiment, runDirOf, writeOrchestrator } from "./layout.js";
import { executeWithMetrics } from "./metrics.js";
import { launcherName } from "./prepare.js";
import { experimentRecord } from "./run-record.js";
import { dirsUnder, newestNewDir, reportedRunDir } from "./run-dir.js";
import { runSource } from "./run-source.js";
import type { ExecuteOptions as JobExecuteOptions, JobOutcome, PreparedJob } from "../../core/launcher.js";
import type { ExecuteOptions, ExperimentOutcome, ExperimentRunRecord, ExperimentState } from "../definition/types.js";

/**
 * Runs the experiment in `dir` while holding its lock (one owner per experiment dir: a second
 * concurrent run refuses instead of running every run twice). `held`: the lock the caller took
 * when it made the dir, passed on so no other process slips in between.
 */
export async function executeExperiment(dirArg: string, options: ExecuteOptions = {}, held?: SweepLock): Promise<ExperimentOutcome> {
  const dir = path.resolve(dirArg);
  const lock = held ?? lockExperiment(dir);
  try {
    return await executeLocked(dir, options);
  } finally {
    lock.release();
  }
}

async function executeLocked(dir: string, options: ExecuteOptions): Promise<ExperimentOutcome> {
  const m = readExperiment(dir);
  const argv = m.origin.command;
  if (!argv?.length) throw new ManifestError(`${dir}/experiment.json has no command to run (origin.command).`, { file: dir });
  const parallel = options.parallel ?? m.origin.experiment?.parallel ?? 1;
  const plugin = findLauncher(undefined, launcherName(parallel));
  const startedAt = new Date().toISOString();
  const background = options.background ?? false;
  writeOrchestrator(dir, { pid: process.pid, state: "running", background, started_at: startedAt, ...(background ? { log: path.join(dir, ORCHESTRATOR_LOG) } : {}) });

  const stop = linkedAbort(options.signal);
  const manifest = ManifestWriter.open(dir);
  const runs = runSource(dir, m, manifest);
  const task: TaskRef = { kind: "command", argv };
  const where = { cwd: options.cwd ?? process.cwd(), sequential: parallel <= 1 };
  const mode = m.origin.experiment?.mode;
  const runsDir = m.origin.experiment?.runs_dir;
  const runDirs = new Map<number, string>();
  const execute = async (job: PreparedJob, o: JobExecuteOptions): Promise<JobOutcome> => {
    // With runs at once, a new dir under runs_dir could be any of theirs: only the reported one counts.
    const before = runsDir && where.sequential ? dirsUnder(runsDir) : undefined;
    const configFile = (manifest.job(job.num as number) as ExperimentRunRecord | undefined)?.config_path;
    const outcome = await executeWithMetrics(job, task, { ...o, signal: stop.signal, ...(configFile && { configFile }), ...(mode !== undefined && { mode }) }, where);
    const runDir = reportedRunDir(outcome.result, where.cwd) ?? (before && runsDir ? newestNewDir(runsDir, before) : undefined);
    if (runDir) runDirs.set(job.num as number, runDir);
    return outcome;
  };
  try {
    manifest.setSweep({ launcher: plugin.name });
    const result = await runSweep({
      manifest,
      sweepDir: dir,
      plugin,
      context: {
        config: parallel > 1 ? { n_jobs: parallel, gpus: null } : {},
        task,
        execute,
        onOutput: options.onOutput,
      },
      jobs: runs.jobs,
      prepare: (job) => ({ num: job.num, overrides: job.overrides, config: readRunConfig(runs.recordOf(job)), jobDir: runDirOf(dir, job.num, m.total) }),
      limit: options.limit,
      onEvent: options.onEvent,
      recorder: { signal: stop.signal, extension: experimentRecord(runDirs) },
      onFinished: () => writeOrchestrator(dir, { pid: process.pid, state: stop.signal.aborted ? "stopped" : "finished", background, started_at: startedAt, ended_at: new Date().toISOString(), ...(background ? { log: path.join(dir, ORCHESTRATOR_LOG) } : {}) }),
    });
    return { dir, state: stop.signal.aborted ? "stopped" : stateOfCounts(result), total: result.total, completed: result.completed, failed: result.failed, pending: result.notRun, warnings: [] };
  } finally {
    stop.dispose();
    manifest.close();
  }
}

/** An AbortController that follows the caller's signal, detachable so no listener outlives the run. */
function linkedAbort(outer: AbortSignal | undefined): { signal: AbortSignal; dispose(): void } {
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort();
  if (outer?.aborted) ctrl.abort();
  else outer?.addEventListener("abort", onAbort, { once: true });
  return { signal: ctrl.signal, dispose: () => outer?.removeEventListener("abort", onAbort) };
}

/**
 * The run's config as written, escaped so that executeJob's resolution gives back exactly these
 * values (a resolved string may hold a literal `${`).
 */
function readRunConfig(record: ExperimentRunRecord): ConfigDict {
  const file = record.config_path;
  if (!file) throw new ManifestError(`run ${record.num} has no config_path in experiment.json.`);
  const tree = parseYaml(readFileSync(file, "utf8"), file);
  if (!(tree instanceof ConfigDict)) throw new ManifestError(`${file} is not a YAML mapping.`, { file });
  return escapeLiterals(tree) as ConfigDict;
}

function escapeLiterals(v: ConfigValue): ConfigValue {
  if (v instanceof ConfigDict) return new ConfigDict([...v.entries].map(([k, x]) => [k, escapeLiterals(x)] as const), v.source);
  if (v instanceof ConfigList) return new ConfigList(v.items.map(escapeLiterals), v.source);
  // OmegaConf's escapes: `\${` is a literal `${`, and backslashes right before it are doubled.
  return typeof v === "string" ? v.replace(/(\\*)\$\{/g, (_m, bs: string) => `${bs}${bs}\\\${`) : v;
}

/** An experiment's state from its runs' counts ("finished" where a sweep says "completed"). */
export function stateOfCounts(c: { failed: number; notRun: number }): ExperimentState {
  if (c.failed > 0) return "failed";
  return c.notRun > 0 ? "partial" : "finished";
}
