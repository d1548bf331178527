/**
 * `hydrant experiment run|list|stop|logs|show`: the experiment commands over the library functions,
 * their flags parsed by yargs like every other subcommand of the bin (the Hydra app command line
 * keeps its own parser: it is Hydra's grammar). The bin hands the argv after `experiment` here
 * unchanged, including the hidden `_orchestrate DIR` a background experiment's detached child runs.
 */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MANIFEST_FILE } from "../runs/manifest.js";
import { checkResumeCommand } from "../runs/trust.js";
import { terminalConfirm } from "./confirm.js";
import yargs, { type Argv, type Options } from "yargs";
import { formatError } from "./report-error.js";
import { HydrantError, UsageError } from "../errors.js";
import type { RunEvent } from "../runs/events.js";
import { formatDuration } from "../runs/progress-line.js";
import { ORCHESTRATE_COMMAND, startBackground } from "../experiment/directory/background.js";
import { formatExperimentList, listExperiments, stopExperiment } from "../experiment/directory/control.js";
import { DEFAULT_ROOT, findExperimentDir, isExperimentDir, readExperiment } from "../experiment/directory/layout.js";
import { loadSpec } from "../experiment/definition/load-spec.js";
import { followLogs } from "../experiment/directory/logs.js";
import { executeExperiment } from "../experiment/directory/execute.js";
import { prepareLocked } from "../experiment/directory/prepare.js";
import type { SweepLock } from "../runs/sweep-lock.js";
import { latestExperimentOf, resumeExperiment } from "../experiment/directory/run-experiment.js";
import { formatExperimentTable } from "../experiment/directory/runs-table.js";
import type { ExecuteOptions, ExperimentOutcome, ExperimentSpec, SpecWarning } from "../experiment/definition/types.js";

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

export const EXPERIMENT_USAGE = `Usage: hydrant experiment <command>

  run SPEC|DIR [--resume] [-y|--yes] [--limit N] [--parallel N] [--background] [--root DIR]
      [--show] [--research_only] [--no_confusion] [--advanced] [-- PROGRAM|ARGS…]
        run a spec (a new experiment dir under the root), or continue one (--resume: the newest
        experiment of the spec, or the DIR given); --limit starts at most N runs now; --yes runs
        a command experiment.json names that is not the one the experiment started with.
        What follows -- is appended to the spec's command (or is the command, when the spec names
        only a mode); the simulation flags are forwarded the same way for a 'mode: simulation' spec
  list [--root DIR]                       every experiment with its progress and state
  stop DIR                                stop a running experiment (resume it with run DIR --resume)
  logs DIR [-f|--follow]                  a background experiment's log
  show DIR [--sort-by|--sort KEY] [--desc] [--format table|csv|json] [-o|--output|--out FILE]
        every run's swept values, status, duration and metrics

  The root of experiment dirs is ./${DEFAULT_ROOT} unless --root says otherwise.
`;

/** What follows `--`: only `run` takes it. */
type Handler = (positionals: string[], flags: Flags, io: CommandIO, forwarded: string[]) => Promise<number>;

interface Flags {
  resume?: boolean;
  limit?: string;
  yes?: boolean;
  parallel?: string;
  background?: boolean;
  root?: string;
  follow?: boolean;
  "sort-by"?: string;
  desc?: boolean;
  format?: string;
  output?: string;
  help?: boolean;
  show?: boolean;
  research_only?: boolean;
  no_confusion?: boolean;
  advanced?: boolean;
}

/** The experiment guide's simulation flags, forwarded to the program of a `mode: simulation` spec. */
export const SIMULATION_FLAGS = ["show", "research_only", "no_confusion", "advanced"] as const;

/**
 * Every flag of the experiment commands, one meaning per name across the bin: `--sort-by`/`--sort` and
 * `--desc` as `hydrant results` has them, `--out` as `hydrant types`/`schema` spell `--output`.
 * Counts stay strings: `--limit 0` gets hydrant's own message.
 */
const FLAGS = {
  resume: { type: "boolean" },
  yes: { type: "boolean", alias: "y" },
  limit: { type: "string", requiresArg: true },
  parallel: { type: "string", requiresArg: true },
  background: { type: "boolean" },
  root: { type: "string", requiresArg: true },
  follow: { type: "boolean", alias: "f" },
  "sort-by": { type: "string", alias: "sort", requiresArg: true },
  desc: { type: "boolean" },
  format: { type: "string", requiresArg: true },
  output: { type: "string", alias: ["o", "out"], requiresArg: true },
  show: { type: "boolean" },
  research_only: { type: "boolean" },
  no_confusion: { type: "boolean" },
  advanced: { type: "boolean" },
} as const satisfies Record<string, Options>;

type FlagName = keyof typeof FLAGS;

/** Each command, what runs it and the flags it takes (any other is an error). */
const COMMANDS: Record<string, { handler: Handler; flags: readonly FlagName[] }> = {
  run: { handler: run, flags: ["resume", "yes", "limit", "parallel", "background", "root", ...SIMULATION_FLAGS] },
  list: { handler: list, flags: ["root"] },
  stop: { handler: stop, flags: ["root"] },
  logs: { handler: logs, flags: ["root", "follow"] },
  show: { handler: show, flags: ["root", "sort-by", "desc", "format", "output"] },
  [ORCHESTRATE_COMMAND]: { handler: orchestrate, flags: ["limit", "parallel", "background"] },
};

export async function experimentCommand(argv: string[], io: CommandIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === "help" || sub === "--help" || sub === "-h") {
    io.out(EXPERIMENT_USAGE);
    return sub === undefined ? 1 : 0;
  }
  const command = Object.hasOwn(COMMANDS, sub) ? COMMANDS[sub] : undefined;
  if (!command) {
    io.err(`Unknown experiment command '${sub}'.\n\n${EXPERIMENT_USAGE}`);
    return 1;
  }
  const dash = rest.indexOf("--");
  const forwarded = dash < 0 ? [] : rest.slice(dash + 1);
  let parsed: { positionals: string[]; flags: Flags };
  try {
    if (sub !== "run" && dash >= 0) throw new UsageError(`experiment ${sub} takes no program arguments (only experiment run forwards them).`);
    parsed = parseFlags(sub, command.flags, dash < 0 ? rest : rest.slice(0, dash));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`${e.message}\n\n${EXPERIMENT_USAGE}`);
    return 1;
  }
  if (parsed.flags.help) {
    io.out(EXPERIMENT_USAGE);
    return 0;
  }
  try {
    return await command.handler(parsed.positionals, parsed.flags, io, forwarded);
  } catch (e) {
    if (!(e instanceof HydrantError)) throw e;
    io.err(formatError(e));
    return 1;
  }
}

/** The command's flags and positionals, parsed by yargs as every other subcommand of the bin is. */
function parseFlags(sub: string, names: readonly FlagName[], args: string[]): { positionals: string[]; flags: Flags } {
  let failure: string | undefined;
  let parsed: Record<string, unknown> | undefined;
  yargs([sub, ...args])
    .help(false)
    .version(false)
    .strict()
    .exitProcess(false)
    // Flags as written: `--no_confusion` is a flag of its own, not the negation of `_confusion`.
    .parserConfiguration({ "boolean-negation": false, "camel-case-expansion": false, "dot-notation": false, "parse-numbers": false, "parse-positional-numbers": false, "short-option-groups": false })
    .option("help", { type: "boolean", alias: "h" })
    .command(`${sub} [args..]`, false, (y: Argv) => y.options(Object.fromEntries(names.map((n) => [n, FLAGS[n]]))), (a) => void (parsed = a))
    .fail((msg, err) => void (failure ??= msg ?? err?.message))
    .parseSync();
  if (failure !== undefined || !parsed) throw new UsageError(unknownOptionWording(failure ?? `cannot read the arguments of experiment ${sub}.`));
  return { positionals: ((parsed.args as unknown[] | undefined) ?? []).map(String), flags: parsed as Flags };
}

/** yargs says "Unknown argument: bogus"; the flag is named as it is typed. */
function unknownOptionWording(message: string): string {
  const m = /^Unknown arguments?: (.*)$/.exec(message);
  if (!m) return message;
  const names = m[1]!.split(", ").map((n) => `'${n.length === 1 ? "-" : "--"}${n}'`);
  return names.length === 1 ? `Unknown option ${names[0]}` : `Unknown options ${names.join(", ")}`;
}

async function run(pos: string[], flags: Flags, io: CommandIO, forwarded: string[]): Promise<number> {
  const target = one(pos, "run", "SPEC or DIR");
  const root = flags.root ?? DEFAULT_ROOT;
  const limit = positiveInt(flags.limit, "--limit");
  const parallel = positiveInt(flags.parallel, "--parallel");
  const simulation = SIMULATION_FLAGS.filter((f) => flags[f]).map((f) => `--${f}`);
  let dir = existingExperiment(target, root);
  // A new experiment's dir stays ours from its making to its first run.
  let lock: SweepLock | undefined;
  if (!dir) {
    const spec = loadSpec(target);
    checkSimulationFlags(spec, simulation);
    if (flags.resume) {
      printWarnings(spec.warnings, io);
      dir = latestExperimentOf(spec, root);
    } else {
      // Configs are built (and, up to 10⁴ runs, written) before anything runs; warnings come first.
      const prepared = prepareLocked(spec, { root, parallel, forward: [...forwarded, ...simulation] });
      printWarnings(prepared.warnings, io);
      ({ dir, lock } = prepared);
      forwarded = [];
      simulation.length = 0;
    }
  }
  try {
    return await runDir(dir, lock, { flags, limit, parallel, forwarded: [...forwarded, ...simulation] }, io);
  } finally {
    lock?.release();
  }
}

/** Runs (or starts in the background) the experiment in `dir`, after checking what it would run. */
async function runDir(dir: string, lock: SweepLock | undefined, args: { flags: Flags; limit?: number; parallel?: number; forwarded: string[] }, io: CommandIO): Promise<number> {
  const { flags, limit, parallel } = args;
  const m = readExperiment(dir);
  checkSameCommand(dir, m.origin.command ?? [], args.forwarded);
  // The command comes from experiment.json, which anyone with access to the dir can edit.
  if (m.origin.command?.length) await checkResumeCommand(dir, m.origin.command, path.join(dir, MANIFEST_FILE), flags.yes === true, terminalConfirm());
  const startedIn = m.origin.cwd;
  if (!flags.background && path.resolve(startedIn) !== process.cwd()) {
    io.err(`Warning: ${dir} was started in ${startedIn}; its commands now run from ${process.cwd()}, so relative paths in them resolve from here.\n`);
  }
  if (flags.background) {
    lock?.release(); // the detached orchestrator takes it
    const h = startBackground(dir, { limit, parallel });
    io.out(`Started ${h.dir} in the background (pid ${h.pid}).\n  log:    ${h.log}\n  follow: hydrant experiment logs ${h.dir} -f\n  stop:   hydrant experiment stop ${h.dir}\n`);
    return 0;
  }
  return withStopSignals(io, async (signal) => finalWords(await executeExperiment(dir, { limit, parallel, signal, ...reporters(io) }, lock), io));
}

/** The detached child of `run --background`: the same run, its output going to orchestrator.log. */
async function orchestrate(pos: string[], flags: Flags, io: CommandIO): Promise<number> {
  const dir = one(pos, ORCHESTRATE_COMMAND, "DIR");
  return withStopSignals(io, async (signal) => {
    const outcome = await resumeExperiment(dir, { limit: positiveInt(flags.limit, "--limit"), parallel: positiveInt(flags.parallel, "--parallel"), background: flags.background ?? false, signal, ...reporters(io, true) });
    return finalWords(outcome, io);
  });
}

async function list(_pos: string[], flags: Flags, io: CommandIO): Promise<number> {
  io.out(`${formatExperimentList(listExperiments(flags.root ?? DEFAULT_ROOT))}\n`);
  return 0;
}

async function stop(pos: string[], flags: Flags, io: CommandIO): Promise<number> {
  const dir = findExperimentDir(one(pos, "stop", "DIR"), flags.root ?? DEFAULT_ROOT);
  const r = await stopExperiment(dir);
  if (r.pid === undefined) io.out(`${dir} is not running (${r.state}).\n`);
  else io.out(`Stopped ${dir} (pid ${r.pid}). Continue it with: hydrant experiment run ${dir} --resume\n`);
  return 0;
}

async function logs(pos: string[], flags: Flags, io: CommandIO): Promise<number> {
  const dir = findExperimentDir(one(pos, "logs", "DIR"), flags.root ?? DEFAULT_ROOT);
  return withStopSignals(io, async (signal) => {
    for await (const text of followLogs(dir, { follow: flags.follow ?? false, signal })) io.out(text);
    return 0;
  }, false);
}

async function show(pos: string[], flags: Flags, io: CommandIO): Promise<number> {
  const dir = findExperimentDir(one(pos, "show", "DIR"), flags.root ?? DEFAULT_ROOT);
  const format = flags.format ?? (flags.output?.endsWith(".csv") ? "csv" : flags.output?.endsWith(".json") ? "json" : "table");
  if (format !== "table" && format !== "csv" && format !== "json") throw new UsageError(`--format must be table, csv or json, got '${format}'.`);
  const text = `${formatExperimentTable(dir, { sortBy: flags["sort-by"], descending: flags.desc ?? false, format })}\n`;
  if (flags.output) {
    writeFileSync(flags.output, text);
    io.out(`Wrote ${path.resolve(flags.output)}\n`);
  } else io.out(text);
  return 0;
}

/** SIGINT/SIGTERM abort the run (it stops cleanly) for the duration of `body` only. */
async function withStopSignals(io: CommandIO, body: (signal: AbortSignal) => Promise<number>, announce = true): Promise<number> {
  const ctrl = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    if (announce && !ctrl.signal.aborted) io.err(`${stamp()} ${sig}: stopping; running runs are interrupted and stay pending.\n`);
    ctrl.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await body(ctrl.signal);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

function reporters(io: CommandIO, withTime = false): Pick<ExecuteOptions, "onEvent" | "onOutput"> {
  let total = 0;
  const line = (t: string) => io.out(`${withTime ? `${stamp()} ` : ""}${t}\n`);
  return {
    onEvent: (e: RunEvent) => {
      if (e.type === "sweep_start") {
        total = e.total;
        line(`Experiment ${e.sweepDir}: ${e.total} run(s), ${e.toRun} to run now (${e.launcher} launcher).`);
      } else if (e.type === "job_start") line(`[run ${e.num + 1}/${total}] started ${e.overrides.join(" ")}`.trimEnd());
      else if (e.type === "job_end") line(`[run ${e.num + 1}/${total}] ${formatJobEnd(e)}`);
      else if (e.type === "sweep_end") line(`Done: ${e.completed} completed, ${e.failed} failed, ${e.notRun} not run (${formatDuration(e.elapsedMs)}).`);
    },
    onOutput: (chunk, stream) => (stream === "stdout" ? io.out(chunk.toString()) : io.err(chunk.toString())),
  };
}

function formatJobEnd(e: Extract<RunEvent, { type: "job_end" }>): string {
  if (e.status === "pending") return "interrupted (pending again)";
  const took = ` in ${formatDuration(e.durationMs)}`;
  return e.status === "completed" ? `completed${took}` : `failed${took}: ${e.error ?? `exit code ${e.exitCode}`}`;
}

function finalWords(o: ExperimentOutcome, io: CommandIO): number {
  io.out(`State: ${o.state}. Results: hydrant experiment show ${o.dir}\n`);
  if (o.pending > 0 && o.state !== "failed") io.out(`${o.pending} run(s) not run yet: hydrant experiment run ${o.dir} --resume\n`);
  if (o.state === "stopped") return 130;
  return o.failed > 0 ? 1 : 0;
}

/** The guide forwards its simulation flags only to a simulation; anywhere else they would be lost. */
function checkSimulationFlags(spec: ExperimentSpec, flags: readonly string[]): void {
  if (flags.length === 0 || spec.mode?.name === "simulation") return;
  const what = spec.mode ? `mode '${spec.mode.name}'` : "no mode";
  throw new HydrantError(`${flags.join(" ")}: simulation flags are forwarded to a spec with 'mode: simulation'; ${spec.file} has ${what}. To pass them to its program anyway, give them after --: hydrant experiment run SPEC -- ${flags.join(" ")}`);
}

/** A resume runs the recorded command; arguments meant to change it would silently do nothing. */
function checkSameCommand(dir: string, recorded: readonly string[], forward: readonly string[]): void {
  if (forward.length === 0) return;
  const tail = recorded.slice(recorded.length - forward.length);
  if (tail.length === forward.length && tail.every((a, i) => a === forward[i])) return;
  throw new HydrantError(`${dir} runs \`${recorded.join(" ")}\`, and a resume runs that same command, so ${forward.join(" ")} cannot be added now. Start a new experiment (without --resume) to run another command.`);
}

function printWarnings(warnings: readonly SpecWarning[], io: CommandIO): void {
  for (const w of warnings) io.err(`Warning: ${w.message}\n`);
}

function existingExperiment(target: string, root: string): string | undefined {
  if (isExperimentDir(target)) return path.resolve(target);
  if (!existsSync(target) && isExperimentDir(path.join(root, target))) return path.resolve(root, target);
  return undefined;
}

function one(pos: string[], command: string, what: string): string {
  if (pos.length !== 1) throw new UsageError(`experiment ${command} takes one ${what}, got ${pos.length === 0 ? "none" : pos.join(" ")}.`);
  return pos[0];
}

function positiveInt(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer, got '${v}'.`);
  return n;
}

function stamp(): string {
  return new Date().toISOString().slice(11, 19);
}
