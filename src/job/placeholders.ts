/**
 * `{config}`, `{job_dir}`, `{job_num}` (and an experiment's `{mode}`) in a command. The command runs without a shell, so in an
 * ordinary argument a placeholder is replaced by its value: one argument, data, whatever it holds.
 * A shell script given with `-c` (`sh -c 'echo {job_dir}'`) is code, though, and a job dir made from
 * overrides can hold `|`, `;` or `$(...)`: there a placeholder becomes a quoted reference to the
 * environment variable holding the same value (`"$HYDRANT_JOB_DIR"`), so the shell reads it as data.
 */
import path from "node:path";

export type PlaceholderName = "config" | "job_dir" | "job_num" | "mode";

/** The environment variable each placeholder's value is also in. */
export const PLACEHOLDER_ENV: Record<PlaceholderName, string> = {
  config: "HYDRANT_CONFIG",
  job_dir: "HYDRANT_JOB_DIR",
  job_num: "HYDRANT_JOB_NUM",
  mode: "HYDRANT_MODE",
};

const PLACEHOLDER = /\{(config|job_dir|job_num|mode)\}/g;

/** Shells whose `-c` argument is a script. */
const SHELLS = new Set(["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "busybox", "fish", "yash", "posh"]);

/** `{config}`, `{job_dir}`, `{job_num}` in the command's arguments; shell scripts get variable references. */
export function expandPlaceholders(argv: readonly string[], values: Partial<Record<PlaceholderName, string>>): string[] {
  const script = shellScriptIndex(argv);
  return argv.map((a, i) =>
    a.replace(PLACEHOLDER, (m, name: PlaceholderName) => {
      if (values[name] === undefined) return m;
      return i === script ? `"$${PLACEHOLDER_ENV[name]}"` : values[name];
    }),
  );
}

/**
 * Index of the script in `sh -c SCRIPT …` (also `env [VAR=x…] bash -ec SCRIPT`, `/bin/sh -c`), or -1.
 * The script is the first operand after an option cluster holding `c`.
 */
export function shellScriptIndex(argv: readonly string[]): number {
  let i = 0;
  if (argv[0] !== undefined && path.basename(argv[0]) === "env") {
    i = 1;
    while (i < argv.length && (argv[i]!.includes("=") || argv[i]!.startsWith("-"))) i++;
  }
  const shell = argv[i];
  if (shell === undefined || !SHELLS.has(path.basename(shell))) return -1;
  let sawC = false;
  for (let j = i + 1; j < argv.length; j++) {
    const a = argv[j]!;
    if (a === "--" || a === "-") continue;
    if (/^[-+][A-Za-z]+$/.test(a)) {
      if (a.slice(1).includes("c")) sawC = true;
      continue;
    }
    return sawC ? j : -1;
  }
  return -1;
}
