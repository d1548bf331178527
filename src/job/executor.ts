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
import { dumpYaml, resolvePath, resolveTaskConfig, resolveTaskConfigTree } from "../compose/config-access.js";
import { errorText } from "./error-text.js";
import { writeHydraFiles } from "./job-dirs.js";
import type { ExecuteOptions, JobOutcome, PreparedJob } from "../core/launcher.js";
import type { TaskRef } from "../core/task.js";

export async function executeJob(job: PreparedJob, task: TaskRef, options: ExecuteOptions = {}): Promise<JobOutcome> {
  try {
    const taskCfg = resolveTaskConfig(job.config);
    const yamlForCommand = task.kind === "command" ? dumpYaml(resolveTaskConfigTree(job.config)) : undefined;
    const hydraDir = writeHydraFiles(job.config, job.jobDir, yamlForCommand) ?? path.join(job.jobDir, ".hydra");
    const env = jobEnv(job, options.gpu);
    const chdir = resolvePath(job.config, "hydra.job.chdir") === true;
    if (task.kind === "command") return await runCommand(job, task.argv, { env, chdir, hydraDir, onOutput: options.onOutput, signal: options.signal });
    return await runFunction(job, task.fn, taskCfg, env, chdir);
  } catch (e) {
    // Composition-time problems surfacing here (a bad env_set, an unresolvable key) fail the job.
    const located = locateError(e, job.keyOrigin);
    return { status: "failed", error: errorText(located), thrown: located };
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

async function runFunction(job: PreparedJob, fn: Extract<TaskRef, { kind: "function" }>["fn"], cfg: unknown, env: Record<string, string>, chdir: boolean): Promise<JobOutcome> {
  const savedEnv = new Map(Object.keys(env).map((k) => [k, process.env[k]]));
  const oldCwd = process.cwd();
  Object.assign(process.env, env);
  try {
    if (chdir) process.chdir(job.jobDir);
    const result = await fn(cfg as never, { outputDir: job.jobDir, hydraConfig: job.config, jobNum: job.num });
    return { status: "completed", result };
  } catch (e) {
    return { status: "failed", error: errorText(e), thrown: e };
  } finally {
    if (chdir) process.chdir(oldCwd);
    for (const [k, v] of savedEnv) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

interface CommandOptions {
  env: Record<string, string>;
  chdir: boolean;
  hydraDir: string;
  onOutput?: ExecuteOptions["onOutput"];
  signal?: AbortSignal;
}

/** `{config}`, `{job_dir}`, `{job_num}` in the command's arguments. */
export function expandPlaceholders(argv: readonly string[], values: Record<string, string>): string[] {
  return argv.map((a) => a.replace(/\{(config|job_dir|job_num)\}/g, (m, name: string) => values[name] ?? m));
}

async function runCommand(job: PreparedJob, argv: string[], o: CommandOptions): Promise<JobOutcome> {
  const configFile = path.join(o.hydraDir, "config.yaml");
  const resultFile = path.join(o.hydraDir, "result.json");
  const num = job.num === undefined ? "" : String(job.num);
  const [cmd, ...args] = expandPlaceholders(argv, { config: configFile, job_dir: job.jobDir, job_num: num });
  const env = { ...process.env, ...o.env, HYDRANT_CONFIG: configFile, HYDRANT_JOB_DIR: job.jobDir, HYDRANT_JOB_NUM: num, HYDRANT_RESULT: resultFile };
  mkdirSync(job.jobDir, { recursive: true });
  const logs = { stdout: createWriteStream(path.join(job.jobDir, "stdout.log")), stderr: createWriteStream(path.join(job.jobDir, "stderr.log")) };
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    const child = spawn(cmd, args, { cwd: o.chdir ? job.jobDir : process.cwd(), env, stdio: ["ignore", "pipe", "pipe"], signal: o.signal });
    for (const stream of ["stdout", "stderr"] as const) {
      child[stream].on("data", (chunk: Buffer) => {
        logs[stream].write(chunk);
        o.onOutput?.(chunk, stream, job.num);
      });
    }
    child.on("error", (error) => resolve({ code: null, signal: null, error }));
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
  await Promise.all([closeStream(logs.stdout), closeStream(logs.stderr)]);
  return commandOutcome(cmd, exit, resultFile);
}

function commandOutcome(cmd: string, exit: { code: number | null; signal: NodeJS.Signals | null; error?: Error }, resultFile: string): JobOutcome {
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
