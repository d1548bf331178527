/**
 * `hydrant [flags] [overrides] [-- CMD ARGS…]`: the Hydra app command line. Parses, calls the library,
 * prints. Everything it shows comes from src/app (shared with `main()` apps).
 */
import { parseAppArgv } from "../app/argv.js";
import { renderConfig, renderHelp, renderInfo } from "../app/inspect.js";
import { runApp } from "../app/run-app.js";
import type { AppArgs, AppOutcome, RunHooks } from "../app/types.js";
import { formatResultsTable } from "../runs/results-table.js";
import { createProgressDisplay } from "./progress.js";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
}

const processIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
};

export async function runAppCommand(argv: string[], io: Io = processIo): Promise<number> {
  const completion = shellCompletionRequest(argv);
  if (completion) {
    const { runShellCompletion } = await import("./completion.js");
    return runShellCompletion(completion, io);
  }
  const args = parseAppArgv(argv);
  if (args.help || args.hydraHelp) return print(io, renderHelp(args));
  if (args.info !== undefined) return print(io, renderInfo(args));
  if (args.cfg !== undefined || (!args.command && args.resume === undefined)) {
    // Without a command there is nothing to run: show the composed config (every job's, for -m).
    for (const chunk of renderConfig({ ...args, cfg: args.cfg ?? "job" })) io.out(chunk);
    return 0;
  }
  return run(args, io);
}

function print(io: Io, text: string): number {
  io.out(text);
  return 0;
}

async function run(args: AppArgs, io: Io): Promise<number> {
  const progress = createProgressDisplay(io);
  const hooks: RunHooks = {
    onEvent: progress.onEvent,
    // A single run's output goes to the terminal as well as to its log files; a sweep's only to its logs.
    onOutput: args.multirun ? undefined : (chunk, stream) => (stream === "stdout" ? process.stdout : process.stderr).write(chunk),
  };
  const outcome = await runApp(args, { command: args.command ?? [] }, hooks);
  progress.close();
  return report(outcome, io);
}

function report(outcome: AppOutcome, io: Io): number {
  if (outcome.mode === "run") {
    if (outcome.status === "failed") io.err(`Job failed${outcome.exitCode === undefined ? "" : ` (exit code ${outcome.exitCode})`}: ${outcome.error ?? ""}\nOutput dir: ${outcome.outputDir}\n`);
    return outcome.status === "failed" ? (outcome.exitCode || 1) : 0;
  }
  io.out(formatResultsTable({ jobs: outcome.jobs, total: outcome.total }) + "\n");
  const notRun = outcome.notRun ? `, ${outcome.notRun} not run (hydrant --resume ${outcome.sweepDir})` : "";
  io.err(`Sweep dir: ${outcome.sweepDir}: ${outcome.completed} completed, ${outcome.failed} failed${notRun}\n`);
  return outcome.failed > 0 ? 1 : 0;
}

/** `-sc install=bash` / `--shell-completion query=bash`: Hydra's completion flag. */
function shellCompletionRequest(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === "-sc" || a === "--shell-completion");
  return i === -1 ? undefined : (argv[i + 1] ?? "");
}
