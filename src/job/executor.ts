/**
 * Runs one prepared job where it stands: writes the job's `.hydra/` files, applies `hydra.job.env_set`
 * and `hydra.job.chdir`, then calls the task function or runs the command. Never throws for the
 * job's own failure: that is an outcome.
 */
import { locateError } from "../compose/key-origin.js";
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, type WriteStream } from "node:fs";
import path from "node:path";
import { isDict } from "../config/node.js";
import { toYaml } from "../config/yaml.js";
import { resolveJobTree, resolvePath, resolvePathString } from "../compose/helpers.js";
import { configureHydraLogging } from "../logging/hydra.js";
import { getLogger } from "../logging/logger.js";
import type { LoggingSession } from "../logging/configure.js";
import { callbacksOf, type Callbacks } from "../callbacks/callbacks.js";
import { withJobCallbacks } from "../callbacks/job.js";
import { rememberKeyPaths } from "../instantiate/key-paths.js";
import { taskConfigWithMissing } from "./task-config.js";
import { formatThrown } from "./format-thrown.js";
import { RESOLVED_CONFIG_FILE, writeHydraFiles, writePrivateFile } from "./job-dirs.js";
import { clearExitRecord, EXIT_FILE, findProgram, readExitRecord, wrapCommand } from "./exit-record.js";
import { JOB_STATE_FILE, readJobState, settlePreviousCopy, thisLauncher, writeJobState } from "./job-state.js";
import { expandPlaceholders } from "./placeholders.js";
import { withTaskHeap } from "./heap-policy.js";
import { identify, type ProcessIdentity } from "./process-identity.js";
import { forwardedSignal, guardGroup, killGroup, releaseGroup, startWatchdog } from "./watchdog.js";
import { spawnCommand, type SpawnedCommand } from "./spawner.js";
import type { ExecuteOptions, JobOutcome, PreparedJob } from "../core/launcher.js";
import type { TaskContext, TaskRef } from "../core/task.js";

export async function executeJob(job: PreparedJob, task: TaskRef, options: ExecuteOptions = {}): Promise<JobOutcome> {
  try {
    const tree = resolveJobTree(job.config);
    const taskCfg = task.kind === "function" ? taskConfigWithMissing(tree, (e) => locateError(e, job.keyOrigin)) : undefined;
    // instantiate(cfg.model) can then name `model.encoder` in its errors.
    if (taskCfg) rememberKeyPaths(taskCfg);
    // A job dir made now holds no earlier copy of the job: a command starting there has nothing to settle.
    const freshDir = mkdirSync(job.jobDir, { recursive: true }) !== undefined;
    const written = writeHydraFiles(job.config, job.jobDir);
    const hydraDir = written ?? path.join(job.jobDir, ".hydra");
    const env = jobEnv(job, options.gpu);
    const chdir = resolvePath(job.config, "hydra.job.chdir") === true;
    const callbacks = await callbacksOf(job.config);
    if (task.kind === "command") {
      const configFile = options.configFile ?? writePrivateFile(path.join(hydraDir, RESOLVED_CONFIG_FILE), toYaml(tree), written !== undefined);
      const resultDir = options.configFile === undefined ? undefined : hydraDir;
      return await withJobCallbacks(callbacks, job, { command: task.argv }, () => runCommand(job, task.argv, { env, chdir, configFile, resultDir, mode: options.mode, onOutput: options.onOutput, signal: options.signal, onSpawn: options.onSpawn, resume: options.resume, freshDir }));
    }
    return await runFunction(job, task.fn, taskCfg, { env, chdir, callbacks });
  } catch (e) {
    // Composition-time problems surfacing here (a bad env_set, an unresolvable key) fail the job.
    const located = locateError(e, job.keyOrigin);
    return { status: "failed", error: formatThrown(located), thrown: located };
  }
}

/** `hydra.job.env_set` plus the job's GPU, as strings. */
function jobEnv(job: PreparedJob, gpu: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  const set = resolvePath(job.config, "hydra.job.env_set");
  if (isDict(set)) for (const [k, v] of set.entries) env[k] = String(v);
  if (gpu !== undefined) env.CUDA_VISIBLE_DEVICES = gpu;
  return env;
}

async function runFunction(job: PreparedJob, fn: FunctionTask, cfg: unknown, o: { env: Record<string, string>; chdir: boolean; callbacks: Callbacks }): Promise<JobOutcome> {
  const savedEnv = new Map(Object.keys(o.env).map((k) => [k, process.env[k]]));
  const oldCwd = process.cwd();
  Object.assign(process.env, o.env);
  let logging: LoggingSession | undefined;
  try {
    // As Hydra's run_job: logging first, then the working dir, then the callbacks around the task.
    logging = configureHydraLogging(job.config, "job_logging");
    if (o.chdir) process.chdir(job.jobDir);
    const log = getLogger(resolvePathString(job.config, "hydra.job.name") ?? "app");
    const ctx = { outputDir: job.jobDir, hydraConfig: job.config, jobNum: job.num, log };
    return await withJobCallbacks(o.callbacks, job, { taskFunction: fn }, () => callTask(fn, cfg, ctx));
  } catch (e) {
    return { status: "failed", error: formatThrown(e), thrown: e };
  } finally {
    logging?.close();
    if (o.chdir) process.chdir(oldCwd);
    for (const [k, v] of savedEnv) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

type FunctionTask = Extract<TaskRef, { kind: "function" }>["fn"];

async function callTask(fn: FunctionTask, cfg: unknown, ctx: TaskContext): Promise<JobOutcome> {
  try {
    return { status: "completed", result: await withTaskHeap(async () => fn(cfg as never, ctx)) };
  } catch (e) {
    return { status: "failed", error: formatThrown(e), thrown: e };
  }
}

interface CommandOptions {
  env: Record<string, string>;
  chdir: boolean;
  /** The resolved config the command reads ({config}, $HYDRANT_CONFIG). */
  configFile: string;
  /** Where $HYDRANT_RESULT goes; default beside the config file. */
  resultDir?: string;
  /** {mode} and $HYDRANT_MODE, for an experiment that has one. */
  mode?: string;
  onOutput?: ExecuteOptions["onOutput"];
  signal?: AbortSignal;
  onSpawn?: (pid: number) => void;
  resume?: boolean;
  /** The job dir was made for this run: no earlier copy to settle, no exit record to clear. */
  freshDir?: boolean;
}

/**
 * Registers a started command: job state file (unless the spawner started it: then the spawner wrote
 * it, and writes its exit record too), manifest; ends its group on abort. Returns what to do when it exits.
 */
function watchChild(child: ProcessIdentity, jobDir: string, o: CommandOptions, bySpawner = false): (exit: ChildExit) => void {
  const pid = child.pid;
  if (!bySpawner) {
    writeJobState(jobDir, { child, launcher: thisLauncher() });
    guardGroup(pid);
  }
  o.onSpawn?.(pid);
  // The whole group gets the signal (the wrapper alone would leave the command running).
  const onAbort = () => killGroup(pid, forwardedSignal(o.signal));
  o.signal?.addEventListener("abort", onAbort, { once: true });
  if (o.signal?.aborted) onAbort();
  return ({ code, signal }) => {
    o.signal?.removeEventListener("abort", onAbort);
    if (bySpawner) return;
    releaseGroup(pid);
    const prev = readJobState(jobDir);
    if (prev?.child.pid === pid) writeJobState(jobDir, { ...prev, exit: { code, signal } });
  };
}

interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

/**
 * Before a command runs again in its job dir: a copy still running there is settled; on resume, a run
 * that exited 0 after its launcher died counts as done (returned); otherwise its exit record is cleared.
 */
async function settleEarlierRun(jobDir: string, resume: boolean): Promise<{ code: number; signal: null } | undefined> {
  const state = await settlePreviousCopy(jobDir);
  // The exit record (cleared before every start, so it is the last run's), or the launcher's.
  const record = readExitRecord(jobDir);
  const code = record ?? (state && state.launcher.pid !== process.pid ? state.exit?.code : undefined);
  if (resume && code === 0) return { code: 0, signal: null };
  clearExitRecord(jobDir);
  return undefined;
}

async function runCommand(job: PreparedJob, argv: string[], o: CommandOptions): Promise<JobOutcome> {
  const configFile = o.configFile;
  const resultFile = path.join(o.resultDir ?? path.dirname(configFile), "result.json");
  const num = job.num === undefined ? "" : String(job.num);
  const [cmd, ...args] = expandPlaceholders(argv, { config: configFile, job_dir: job.jobDir, job_num: num, mode: o.mode });
  const env = { ...process.env, ...o.env, HYDRANT_CONFIG: configFile, HYDRANT_JOB_DIR: job.jobDir, HYDRANT_JOB_NUM: num, HYDRANT_RESULT: resultFile, ...(o.mode === undefined ? {} : { HYDRANT_MODE: o.mode }) };
  if (!o.freshDir) {
    const finished = await settleEarlierRun(job.jobDir, o.resume === true);
    if (finished) return commandOutcome(cmd, finished, resultFile);
  }
  const cwd = o.chdir ? job.jobDir : process.cwd();
  const run = o.onOutput || process.platform === "win32" ? runPiped : runThroughSpawner;
  return commandOutcome(cmd, await run(job.jobDir, cmd, args, { num: job.num, cwd, env, o }), resultFile);
}

interface StartArgs {
  num: number | undefined;
  cwd: string;
  env: Record<string, string | undefined>;
  o: CommandOptions;
}

/** Output only to the log files: the spawner starts the command with them as its stdout and stderr. */
async function runThroughSpawner(jobDir: string, cmd: string, args: string[], a: StartArgs): Promise<ChildExit> {
  let started: SpawnedCommand;
  try {
    const files = { stdoutFile: path.join(jobDir, "stdout.log"), stderrFile: path.join(jobDir, "stderr.log"), exitFile: path.join(jobDir, EXIT_FILE), stateFile: path.join(jobDir, JOB_STATE_FILE) };
    const req = { file: cmd, args, cwd: a.cwd, env: a.env, ...files, state: { launcher: thisLauncher() } };
    started = await spawnCommand(req);
  } catch (error) {
    return { code: null, signal: null, error: error as Error };
  }
  const settle = watchChild(started.child, jobDir, a.o, true);
  const exit = await started.exited;
  settle(exit);
  return exit.error ? { ...exit, error: new Error(`lost track of it: ${exit.error.message}`) } : exit;
}

/**
 * Output also to the caller (`onOutput`: a single run printing at the terminal): the command runs as
 * this process's child, its output piped through here, inside the exit-record wrapper.
 */
async function runPiped(jobDir: string, cmd: string, args: string[], a: StartArgs): Promise<ChildExit> {
  // The wrapper would turn a missing program into its exit code 127: say it as spawn would.
  if (!findProgram(cmd, a.cwd, a.env)) return { code: null, signal: null, error: new Error(`spawn ${cmd} ENOENT`) };
  const logs = { stdout: createWriteStream(path.join(jobDir, "stdout.log")), stderr: createWriteStream(path.join(jobDir, "stderr.log")) };
  const wrapped = wrapCommand(cmd, args);
  startWatchdog(); // before the child: nothing slow between its start and its registration
  const exit = await new Promise<ChildExit>((resolve) => {
    // A group of its own: the job's whole tree can be signalled, and the watchdog ends it if we die.
    const child = spawn(wrapped.file, wrapped.args, { cwd: a.cwd, env: { ...a.env, HYDRANT_EXIT_FILE: path.join(jobDir, EXIT_FILE) }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const settle = child.pid === undefined ? undefined : watchChild(identify(child.pid), jobDir, a.o);
    for (const stream of ["stdout", "stderr"] as const) {
      child[stream].on("data", (chunk: Buffer) => {
        logs[stream].write(chunk);
        a.o.onOutput?.(chunk, stream, a.num);
      });
    }
    child.on("exit", (code, signal) => settle?.({ code, signal }));
    child.on("error", (error) => resolve({ code: null, signal: null, error }));
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
  await Promise.all([closeStream(logs.stdout), closeStream(logs.stderr)]);
  return exit;
}

function commandOutcome(cmd: string, exit: ChildExit, resultFile: string): JobOutcome {
  if (exit.error) return { status: "failed", error: `Cannot run '${cmd}': ${exit.error.message}` };
  const result = readResult(resultFile);
  if (exit.code === 0) return { status: "completed", exitCode: 0, result };
  if (exit.signal) return { status: "failed", error: `'${cmd}' was killed by ${exit.signal}`, result };
  return { status: "failed", exitCode: exit.code ?? undefined, error: `'${cmd}' exited with code ${exit.code}`, result };
}

/** A command reports metrics by writing JSON to $HYDRANT_RESULT. */
function readResult(file: string): unknown {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, "utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.trim();
  }
}

function closeStream(s: WriteStream): Promise<void> {
  return new Promise((resolve) => s.end(resolve));
}
