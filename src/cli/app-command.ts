/**
 * The Hydra app command line, shared by the `hydrant` bin (the task is `-- CMD ARGS…`) and by `main()`
 * apps (the task is a function): parses, calls the library, prints.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseAppArgv } from "../app/argv.js";
import { formatConfig, formatHelp, formatInfo } from "../app/inspect.js";
import type { AppArgs, AppOutcome, RunHooks } from "../app/types.js";
import type { TaskFunction } from "../core/task.js";
import { HydrantError } from "../errors.js";
import { formatSweepTable } from "../runs/results-table.js";
import { eachJobRecord } from "../runs/manifest-stream.js";
import { formatBestJob, parseBestSpec } from "../runs/best-job.js";
import type { JobRecord } from "../runs/manifest.js";
import { createProgressDisplay } from "./progress-display.js";
import { formatError } from "./report-error.js";
import { VERSION } from "./version.js";
import { writeAndWait, writeTo } from "./output.js";
import { terminalConfirm } from "./confirm.js";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Long output, chunk by chunk: resolves once the chunk went out, false when the reader is gone. */
  write?: (text: string) => Promise<boolean>;
  isTTY: boolean;
}

export const processIo: Io = {
  out: (t) => writeTo(process.stdout, t),
  err: (t) => writeTo(process.stderr, t),
  write: (t) => writeAndWait(process.stdout, t),
  isTTY: Boolean(process.stderr.isTTY),
};

export interface AppCommandOptions {
  /** A `main()` app's task; the `hydrant` bin runs `-- CMD ARGS…` instead. */
  task?: TaskFunction<never>;
  /** Fills what the command line leaves out (main()'s configPath/configName). */
  defaults?: (args: AppArgs) => void;
  hooks?: RunHooks;
}

export interface AppCommandResult {
  code: number;
  outcome?: AppOutcome;
}

export async function runAppCommand(argv: string[], io: Io = processIo, options: AppCommandOptions = {}): Promise<AppCommandResult> {
  const completion = shellCompletionRequest(argv);
  if (completion !== undefined) {
    const { runShellCompletion } = await import("./completion.js");
    const script = options.task ? options.hooks?.workerEntry?.script : undefined;
    return { code: await runShellCompletion(completion, io, script ? { script, defaults: options.defaults } : undefined) };
  }
  const args = parseAppArgv(argv);
  options.defaults?.(args);
  try {
    return await dispatch(args, io, options);
  } catch (err) {
    throw withPrimaryConfigHint(err, args);
  }
}

async function dispatch(args: AppArgs, io: Io, options: AppCommandOptions): Promise<AppCommandResult> {
  if (args.version) return print(io, [`${VERSION}\n`]);
  if (args.help || args.hydraHelp) return print(io, [formatHelp(args)]);
  if (args.info !== undefined) return print(io, [formatInfo(args)]);
  const nothingToRun = !options.task && !args.command && args.resume === undefined && args.rerun === undefined;
  // Without a task there is nothing to run: show the composed config (every job's, for -m).
  if (args.cfg !== undefined || nothingToRun) return print(io, formatConfig({ ...args, cfg: args.cfg ?? "job" }));
  return run(args, io, options);
}

/** Prints chunk by chunk, the next composed only once the last went out; a closed reader ends it quietly. */
async function print(io: Io, chunks: Iterable<string>): Promise<AppCommandResult> {
  for (const chunk of chunks) {
    if (!io.write) io.out(chunk);
    else if (!(await io.write(chunk))) break;
  }
  return { code: 0 };
}

/** Running is loaded only when something runs: printing a config (--cfg, --info) stays light. */
async function run(args: AppArgs, io: Io, options: AppCommandOptions): Promise<AppCommandResult> {
  const { runApp } = await import("../app/run-app.js");
  const progress = createProgressDisplay(io);
  const hooks: RunHooks = {
    confirm: io.isTTY ? terminalConfirm() : undefined,
    ...options.hooks,
    onEvent: (e) => {
      progress.onEvent(e);
      options.hooks?.onEvent?.(e);
    },
    // A single run's output goes to the terminal as well as to its log files; a command sweep's only to
    // its logs. A main() sweep's jobs print to the terminal as the app itself would (from forked workers too).
    onOutput: (args.multirun || args.resume !== undefined) && !options.task ? undefined : (chunk, stream) => writeTo(stream === "stdout" ? process.stdout : process.stderr, chunk),
  };
  const interrupt = args.multirun || args.resume !== undefined ? interruptOnSignals(io) : undefined;
  try {
    const outcome = await runApp(args, options.task ?? { command: args.command ?? [] }, { ...hooks, signal: hooks.signal ?? interrupt?.signal });
    progress.close();
    const code = report(outcome, io, resumeCommand(options), interrupt?.signal);
    if (args.best !== undefined && outcome.mode === "multirun" && !outcome.detached) io.err(`${bestSummary(eachJobRecord(outcome.sweepDir), args.best)}\n`);
    return { code, outcome };
  } finally {
    interrupt?.dispose();
    progress.close();
  }
}

/**
 * What continues a sweep: the bin for a command task; for a `main()` app its own script (with the
 * node flags it ran under, e.g. `--import tsx`), since only the app holds the task function.
 */
function resumeCommand(options: AppCommandOptions): string {
  const entry = options.hooks?.workerEntry;
  if (!options.task || !entry) return "hydrant --resume";
  const relative = path.relative(process.cwd(), entry.script);
  const script = relative && !relative.startsWith("..") ? relative : entry.script;
  return ["node", ...entry.execArgv, script, "--resume"].map(shellWord).join(" ");
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/**
 * The first Ctrl-C (or SIGTERM) interrupts the sweep: no new job starts, the running jobs get the same
 * signal (their process groups; a slurm launcher cancels them), and they and the sweep are recorded
 * `interrupted`. A second one ends hydrant at once, as without the handler.
 */
function interruptOnSignals(io: Io): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const signals = ["SIGINT", "SIGTERM"] as const;
  const onSignal = (sig: NodeJS.Signals) => {
    dispose();
    io.err(`\n${sig}: interrupting the sweep (again to quit at once)\n`);
    controller.abort(sig);
  };
  const dispose = () => {
    for (const s of signals) process.off(s, onSignal);
  };
  for (const s of signals) process.on(s, onSignal);
  return { signal: controller.signal, dispose };
}

/** The shell's convention: 128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM). */
function interruptedExitCode(signal: AbortSignal | undefined): number {
  return signal?.reason === "SIGTERM" ? 143 : 130;
}

/** The best job by `--best`; a metric no job reported is told, not fatal: the sweep itself went fine. */
function bestSummary(jobs: Iterable<JobRecord>, spec: string): string {
  try {
    return formatBestJob(jobs, parseBestSpec(spec));
  } catch (e) {
    if (e instanceof HydrantError) return e.message;
    throw e;
  }
}

function report(outcome: AppOutcome, io: Io, resume: string, interrupt: AbortSignal | undefined): number {
  if (outcome.mode === "run") {
    if (outcome.status === "completed") return 0;
    // The task's own exception: its stack points into the user's code, so it is shown (as Hydra does).
    // hydrant's own errors (a key that does not resolve) are bad input, told without a stack.
    const thrown = outcome.thrown;
    const detail = thrown instanceof HydrantError ? formatError(thrown).trimEnd() : thrown instanceof Error ? (thrown.stack ?? thrown.message) : (outcome.error ?? "the task failed");
    const code = outcome.exitCode === undefined ? "" : ` with exit code ${outcome.exitCode}`;
    io.err(`Job failed${code} (output dir: ${outcome.outputDir})\n${detail}\n`);
    return outcome.exitCode || 1;
  }
  if (outcome.detached) {
    io.err(`Sweep dir ${outcome.sweepDir}: ${outcome.notRun} jobs submitted and detached. See them with hydrant results ${outcome.sweepDir}; wait for them and record their results with --resume ${outcome.sweepDir}.\n`);
    return 0;
  }
  io.out(formatSweepTable(outcome.sweepDir, outcome.total) + "\n");
  if (outcome.interrupted) io.err("Interrupted.\n");
  const notRun = outcome.notRun ? `, ${outcome.notRun} not run (${resume} ${shellWord(outcome.sweepDir)})` : "";
  io.err(`Sweep dir ${outcome.sweepDir}: ${outcome.completed} completed, ${outcome.failed} failed${notRun}\n`);
  return outcome.interrupted ? interruptedExitCode(interrupt) : outcome.failed > 0 ? 1 : 0;
}

/**
 * As in Hydra, no `--config-name` means no primary config. A config dir holding `config.yaml` says the
 * user probably forgot `-cn config`: a composition error then says so.
 */
function withPrimaryConfigHint(err: unknown, args: AppArgs): unknown {
  const dir = args.configDir ?? args.configPath;
  if (!(err instanceof HydrantError) || args.configName !== undefined || dir === undefined) return err;
  const candidate = ["config.yaml", "config.yml"].find((f) => existsSync(path.join(dir, f)));
  if (candidate === undefined) return err;
  err.message += `\n\nNo primary config was composed: give it with --config-name (e.g. \`-cn ${path.parse(candidate).name}\`).`;
  return err;
}

/** `-sc install=bash` / `--shell-completion query=bash`: Hydra's completion flag. */
function shellCompletionRequest(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === "-sc" || a === "--shell-completion");
  return i === -1 ? undefined : (argv[i + 1] ?? "");
}

/** For callers that own the process: the error as the user should read it. */
export function reportFailure(err: unknown, io: Io = processIo): number {
  io.err(formatError(err));
  return 1;
}
