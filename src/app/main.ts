/**
 * `main()` for TypeScript apps, the `@hydra.main` of hydrant: parses process.argv with the Hydra app
 * command line, composes, makes the run dir and calls the task. In a forked local-launcher worker
 * (HYDRANT_WORKER=1) it serves jobs over IPC instead.
 *
 * As the app's entry point it is the one place of the library that writes to the terminal (`--cfg`,
 * `--help`, a failed task's error) and sets process.exitCode (never process.exit).
 */
import path from "node:path";
import type { ConfigDict } from "../config/node.js";
import { toYaml } from "../config/yaml.js";
import { HydrantError } from "../errors.js";
import { isWorkerProcess, serveJobs } from "../launch/worker.js";
import { hydraOnly, resolveTaskConfigTree, withoutHydra } from "../runs/config-access.js";
import { compose, configLocation } from "../sweep/compose-access.js";
import { iterateSweepJobs } from "../sweep/plan.js";
import { parseAppArgv } from "./argv.js";
import { runApp } from "./run-app.js";
import type { AppArgs, AppOutcome, RunHooks, TaskContext } from "./types.js";

export interface MainOptions {
  /** Config dir, relative to the script that calls main() (like Hydra's config_path). */
  configPath?: string;
  configName?: string;
  /** Defaults to process.argv.slice(2). */
  argv?: string[];
  hooks?: RunHooks;
  /** Where `--cfg`/`--help` text and errors go; defaults to the process's stdout/stderr. */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/**
 * Runs the app. Resolves to the task's return value for a single run, the sweep's outcome for a
 * multirun, undefined when nothing ran (`--cfg`, `--help`, a worker process, an error).
 */
export async function main<Cfg = Record<string, unknown>>(options: MainOptions, task: (cfg: Cfg, ctx: TaskContext) => unknown): Promise<unknown> {
  const fn = task as (cfg: never, ctx: TaskContext) => unknown;
  if (isWorkerProcess()) {
    await serveJobs({ kind: "function", fn });
    return undefined;
  }
  const out = options.stdout ?? ((t: string) => void process.stdout.write(t));
  const err = options.stderr ?? ((t: string) => void process.stderr.write(t));
  try {
    const args = appArgsFor(options);
    if (args.help || args.hydraHelp) return void out(helpText(args));
    if (args.cfg) return void printConfig(args, out);
    if (args.info !== undefined) throw new HydrantError("--info is shown by the hydrant CLI: run `hydrant --info` with the same --config-path/--config-name.");
    const entry = process.argv[1] ? { script: process.argv[1], execArgv: process.execArgv } : undefined;
    const outcome = await runApp(args, fn, { ...options.hooks, workerEntry: entry });
    return reportOutcome(outcome, err);
  } catch (e) {
    err(`${e instanceof HydrantError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
    return undefined;
  }
}

function appArgsFor(options: MainOptions): AppArgs {
  const args = parseAppArgv(options.argv ?? process.argv.slice(2));
  if (args.configPath === undefined && options.configPath !== undefined) {
    const base = process.argv[1] ? path.dirname(path.resolve(process.argv[1])) : process.cwd();
    args.configPath = path.resolve(base, options.configPath);
  }
  args.configName ??= options.configName;
  return args;
}

function reportOutcome(outcome: AppOutcome, err: (t: string) => void): unknown {
  if (outcome.mode === "run") {
    if (outcome.status === "failed") {
      const t = outcome.thrown;
      err(`${t instanceof Error ? (t.stack ?? t.message) : (outcome.error ?? "the task failed")}\n`);
      process.exitCode = 1;
    }
    return outcome.result;
  }
  if (outcome.failed > 0) {
    err(`${outcome.failed} of ${outcome.total} job(s) failed; see ${path.join(outcome.sweepDir, "experiment.json")}\n`);
    process.exitCode = 1;
  }
  return outcome;
}

/** `--cfg job|hydra|all [--resolve]`; with --multirun one YAML document per job. */
function printConfig(args: AppArgs, out: (t: string) => void): void {
  if (args.multirun) {
    let first = true;
    for (const job of iterateSweepJobs(args)) {
      out(`${first ? "" : "---\n"}${toYaml(job.config)}`);
      first = false;
    }
    return;
  }
  const { config } = compose(configLocation(args), args.overrides, "RUN");
  out(toYaml(selectForCfg(config, args)));
}

function selectForCfg(config: ConfigDict, args: AppArgs): ConfigDict {
  if (args.cfg === "hydra") return hydraOnly(config);
  if (args.cfg === "all") return config;
  return args.resolve ? resolveTaskConfigTree(config) : withoutHydra(config);
}

function helpText(args: AppArgs): string {
  const script = path.basename(process.argv[1] ?? "app");
  return [
    `${script} [--config-path/-cp DIR] [--config-name/-cn NAME] [--config-dir/-cd DIR] [--cfg/-c job|hydra|all [--resolve] [--package/-p PKG]]`,
    `        [--info/-i [all|config|defaults|defaults-tree|plugins|searchpath]] [--multirun/-m] [--run/-r] [--resume SWEEP_DIR] [--limit N] [--help/-h] [--hydra-help]`,
    `        [overrides: key=value, +key=value, ++key=value, ~key, group=option, a=1,2 with --multirun]`,
    args.hydraHelp ? "Hydra flags as above; the hydrant CLI shows the config groups (hydrant --help)." : "",
  ].filter(Boolean).join("\n") + "\n";
}
