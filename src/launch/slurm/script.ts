/** The batch script of one job array: `#SBATCH` options, the setup lines, then the hydrant task runner. */
import type { SlurmConfig } from "./config.js";

export interface ArrayScript {
  config: SlurmConfig;
  /** Number of tasks (indices 0…count-1). */
  count: number;
  /** Where SLURM writes each task's output (`%A_%a.out`). */
  logDir: string;
  /** The dir the task runner reads `<index>.json` from. */
  taskDir: string;
  /** Where tasks start (the sweep's working directory). */
  cwd: string;
  /** node and the task runner script. */
  node: string;
  runner: string;
  /** Start only after this job ended (chunks of one sweep share array_parallelism). */
  after?: string;
}

export function formatArrayScript(s: ArrayScript): string {
  const c = s.config;
  const options: [string, string][] = [
    ["job-name", c.name],
    ["array", `0-${s.count - 1}%${Math.min(c.arrayParallelism, s.count)}`],
    ["output", `${s.logDir}/%A_%a.out`],
    ...(c.stderrToStdout ? [] : ([["error", `${s.logDir}/%A_%a.err`]] as [string, string][])),
    ["chdir", s.cwd],
    ...c.sbatch,
    ...(s.after ? ([["dependency", `afterany:${s.after}`]] as [string, string][]) : []),
  ];
  const lines = ["#!/bin/bash", "# Written by hydrant's slurm launcher: one array task per sweep job.", ...options.map(([k, v]) => `#SBATCH --${k}${v === "" ? "" : `=${quote(v)}`}`), ""];
  if (c.setup.length > 0) lines.push("# setup", ...c.setup, "");
  lines.push(`exec ${shellQuote(s.node)} ${shellQuote(s.runner)} ${shellQuote(s.taskDir)}`, "");
  return lines.join("\n");
}

/** sbatch reads `#SBATCH` values up to whitespace unless double-quoted. */
function quote(v: string): string {
  return /[\s"]/.test(v) ? `"${v.replaceAll('"', '\\"')}"` : v;
}

function shellQuote(v: string): string {
  return /^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replaceAll("'", "'\\''")}'`;
}
