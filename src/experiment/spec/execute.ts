/**
 * Runs the pending runs of a prepared experiment dir with the run engine's pieces: the runs become
 * PreparedJobs read back from configs/run_NNN.yaml, a registered launcher runs them (basic: one after
 * the other; local: `parallel` at once), executeJob runs the command, the ManifestWriter records.
 * A first run and a resume are the same thing: run whatever is not completed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ConfigDict, ConfigList, type ConfigValue } from "../../config/node.js";
import { parseYaml } from "../../config/yaml.js";
import { LaunchError } from "../../errors.js";
import { errorText } from "../../job/error-text.js";
import { findLauncher } from "../../plugins/registry.js";
import type { PreparedJob } from "../../core/launcher.js";
import type { TaskRef } from "../../core/task.js";
import { countJobs, ManifestWriter } from "../../runs/manifest.js";
import { activeOrchestrator, ORCHESTRATOR_LOG, readExperiment, writeOrchestrator } from "./layout.js";
import { executeWithMetrics } from "./metrics.js";
import { launcherName } from "./prepare.js";
import { ExperimentSink } from "./sink.js";
import type { ExecuteOptions, ExperimentOutcome, ExperimentRunRecord, ExperimentState } from "./types.js";

export async function executeExperiment(dirArg: string, options: ExecuteOptions = {}): Promise<ExperimentOutcome> {
  const dir = path.resolve(dirArg);
  const m = readExperiment(dir);
  const other = activeOrchestrator(dir);
  if (other && other.pid !== process.pid) {
    throw new LaunchError(`Experiment ${dir} is already running (pid ${other.pid}). Stop it first with \`hydrant experiment stop ${dir}\`.`, { file: dir });
  }
  const argv = m.origin.command;
  if (!argv?.length) throw new LaunchError(`${dir}/experiment.json has no command to run (origin.command).`, { file: dir });
  const parallel = options.parallel ?? m.origin.experiment?.parallel ?? 1;
  const startedAt = new Date().toISOString();
  const background = options.background ?? false;
  writeOrchestrator(dir, { pid: process.pid, state: "running", background, started_at: startedAt, ...(background ? { log: path.join(dir, ORCHESTRATOR_LOG) } : {}) });

  const stop = linkedAbort(options.signal);
  const manifest = ManifestWriter.open(dir);
  const emit = options.onEvent ?? (() => {});
  const sink = new ExperimentSink(manifest, emit, () => stop.signal.aborted);
  try {
    const plugin = findLauncher(undefined, launcherName(parallel));
    manifest.setSweep({ launcher: plugin.name });
    const task: TaskRef = { kind: "command", argv };
    const where = { cwd: options.cwd ?? process.cwd(), sequential: parallel <= 1 };
    const launcher = plugin.create({
      config: parallel > 1 ? { n_jobs: parallel, gpus: null } : {},
      task,
      execute: (job, o) => executeWithMetrics(job, task, { ...o, signal: stop.signal }, where),
      onOutput: options.onOutput,
    });
    const toRun = countToRun(manifest, options.limit);
    emit({ type: "sweep_start", sweepDir: dir, total: manifest.total, toRun, launcher: plugin.name });
    await launcher.launch(pendingJobs(manifest, sink, stop.signal, options.limit), sink);
  } finally {
    stop.dispose();
    finish(manifest);
    writeOrchestrator(dir, { pid: process.pid, state: stop.signal.aborted ? "stopped" : "finished", background, started_at: startedAt, ended_at: new Date().toISOString(), ...(background ? { log: path.join(dir, ORCHESTRATOR_LOG) } : {}) });
    emitEnd(manifest, dir, emit, Date.parse(startedAt));
  }
  return outcomeOf(dir, manifest, stop.signal.aborted);
}

/** An AbortController that follows the caller's signal, detachable so no listener outlives the run. */
function linkedAbort(outer: AbortSignal | undefined): { signal: AbortSignal; dispose(): void } {
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort();
  if (outer?.aborted) ctrl.abort();
  else outer?.addEventListener("abort", onAbort, { once: true });
  return { signal: ctrl.signal, dispose: () => outer?.removeEventListener("abort", onAbort) };
}

function countToRun(manifest: ManifestWriter, limit: number | undefined): number {
  const notDone = manifest.allJobs().filter((j) => j.status !== "completed").length;
  return limit === undefined ? notDone : Math.min(limit, notDone);
}

/** Not-completed runs in order, read back from their config files as the launcher asks for them. */
async function* pendingJobs(manifest: ManifestWriter, sink: ExperimentSink, stop: AbortSignal, limit: number | undefined): AsyncGenerator<PreparedJob> {
  let started = 0;
  for (const record of manifest.allJobs() as ExperimentRunRecord[]) {
    if (record.status === "completed") continue;
    if (stop.aborted || (limit !== undefined && started >= limit)) return;
    started++;
    let job: PreparedJob;
    try {
      job = { num: record.num, overrides: record.overrides, config: readRunConfig(record), jobDir: runDirFor(record) };
    } catch (e) {
      sink.failedBeforeStart(record.num, errorText(e));
      continue;
    }
    yield job;
  }
}

function runDirFor(record: ExperimentRunRecord): string {
  if (record.run_dir) return record.run_dir;
  const configPath = record.config_path as string;
  return path.join(path.dirname(path.dirname(configPath)), "runs", path.basename(configPath, ".yaml"));
}

/**
 * The run's config as written, escaped so that executeJob's resolution gives back exactly these
 * values (a resolved string may hold a literal `${`).
 */
function readRunConfig(record: ExperimentRunRecord): ConfigDict {
  const file = record.config_path;
  if (!file) throw new LaunchError(`run ${record.num} has no config_path in experiment.json.`);
  const tree = parseYaml(readFileSync(file, "utf8"), file);
  if (!(tree instanceof ConfigDict)) throw new LaunchError(`${file} is not a YAML mapping.`, { file });
  return escapeLiterals(tree) as ConfigDict;
}

function escapeLiterals(v: ConfigValue): ConfigValue {
  if (v instanceof ConfigDict) return new ConfigDict([...v.entries].map(([k, x]) => [k, escapeLiterals(x)] as const), v.source);
  if (v instanceof ConfigList) return new ConfigList(v.items.map(escapeLiterals), v.source);
  // OmegaConf's escapes: `\${` is a literal `${`, and backslashes right before it are doubled.
  return typeof v === "string" ? v.replace(/(\\*)\$\{/g, (_m, bs: string) => `${bs}${bs}\\\${`) : v;
}

function finish(manifest: ManifestWriter): void {
  const c = countJobs(manifest.snapshot());
  manifest.setSweep({ status: c.failed > 0 ? "failed" : c.pending + c.running > 0 ? "partial" : "completed" });
  manifest.close();
}

export function stateOfCounts(c: { failed: number; pending: number; running: number }): ExperimentState {
  if (c.failed > 0) return "failed";
  return c.pending + c.running > 0 ? "partial" : "finished";
}

function emitEnd(manifest: ManifestWriter, dir: string, emit: NonNullable<ExecuteOptions["onEvent"]>, startedAt: number): void {
  const c = countJobs(manifest.snapshot());
  emit({ type: "sweep_end", sweepDir: dir, completed: c.completed, failed: c.failed, notRun: c.pending + c.running, elapsedMs: Date.now() - startedAt });
}

function outcomeOf(dir: string, manifest: ManifestWriter, stopped: boolean): ExperimentOutcome {
  const c = countJobs(manifest.snapshot());
  return { dir, state: stopped ? "stopped" : stateOfCounts(c), total: manifest.total, completed: c.completed, failed: c.failed, pending: c.pending + c.running, warnings: [] };
}
