/**
 * Background experiments: a detached child (its own session, so closing the shell does not stop it)
 * runs the same orchestrator, `experiment _orchestrate DIR`, with its output in `<dir>/orchestrator.log`
 * and its pid in `<dir>/orchestrator.json`.
 *
 * The child is this same code: bundled, `node dist/cli.js experiment _orchestrate DIR`; from source
 * (tests, `tsx`), `node --import tsx src/cli/orchestrator-main.ts _orchestrate DIR`.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LaunchError } from "../../errors.js";
import { isExperimentDir, lockExperiment, ORCHESTRATOR_LOG, readExperiment, writeOrchestrator } from "./layout.js";
import { loadSpec } from "../definition/load-spec.js";
import { prepareExperiment, type PrepareOptions } from "./prepare.js";
import type { ExperimentSpec, SpecWarning } from "../definition/types.js";

export const ORCHESTRATE_COMMAND = "_orchestrate";

/** Options of {@link startBackground}. */
export interface BackgroundOptions extends PrepareOptions {
  /** Start at most this many runs; the rest stay pending for a resume. */
  limit?: number;
}

/** A background experiment just started: its dir, its orchestrator's pid and log, the spec's warnings. */
export interface BackgroundHandle {
  dir: string;
  pid: number;
  log: string;
  warnings: SpecWarning[];
}

/**
 * Starts the experiment detached and returns at once. `target` is a spec (loaded, or a spec file) for
 * a new experiment, or an experiment dir to resume.
 */
export function startBackground(target: ExperimentSpec | string, options: BackgroundOptions = {}): BackgroundHandle {
  let dir: string;
  let warnings: SpecWarning[] = [];
  if (typeof target === "string" && isExperimentDir(target)) {
    dir = path.resolve(target);
    // Refused here, with the holder named, rather than by the child in its log; the child takes the lock itself.
    lockExperiment(dir).release();
  } else {
    const prepared = prepareExperiment(typeof target === "string" ? loadSpec(target) : target, options);
    ({ dir, warnings } = prepared);
  }
  const log = path.join(dir, ORCHESTRATOR_LOG);
  const args = [...orchestratorEntry(), ORCHESTRATE_COMMAND, dir, "--background"];
  if (options.limit !== undefined) args.push("--limit", String(options.limit));
  if (options.parallel !== undefined) args.push("--parallel", String(options.parallel));
  const fd = openSync(log, "a");
  try {
    const child = spawn(process.execPath, args, { detached: true, stdio: ["ignore", fd, fd], cwd: readExperiment(dir).origin.cwd, env: process.env });
    if (child.pid === undefined) throw new LaunchError(`Could not start the background orchestrator (${process.execPath} ${args.join(" ")}).`);
    child.unref();
    // Recorded now so that `list` shows it at once; the child rewrites the same record when it starts.
    writeOrchestrator(dir, { pid: child.pid, state: "running", background: true, started_at: new Date().toISOString(), log });
    return { dir, pid: child.pid, log, warnings };
  } finally {
    closeSync(fd);
  }
}

/** The node arguments that start `experiment …` in this build: the bundled bin, or the source entry. */
export function orchestratorEntry(): string[] {
  const here = fileURLToPath(import.meta.url);
  if (/\.[cm]?ts$/.test(here)) return ["--import", tsxLoader(), path.join(path.dirname(here), "../../cli/orchestrator-main.ts")];
  // Bundled: this code lives in dist/cli-main.cjs, dist/index.mjs or a chunk below dist/ (dist/lazy/chunks/).
  for (let dir = path.dirname(here), up = 0; up < 3; dir = path.dirname(dir), up++) {
    const cli = path.join(dir, "cli.js");
    if (existsSync(cli)) return [cli, "experiment"];
  }
  throw new LaunchError(`Cannot find the hydrant bin (cli.js) next to ${here} to start a background experiment.`);
}

/** tsx by absolute URL: the child's cwd may be anywhere, where a bare `tsx` would not resolve. */
function tsxLoader(): string {
  try {
    return import.meta.resolve("tsx");
  } catch {
    return "tsx";
  }
}
