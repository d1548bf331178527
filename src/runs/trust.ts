/**
 * experiment.json names the command a resume runs, and anyone who can write to the sweep dir can edit
 * it. So when a sweep starts, hydrant notes its command in the user's own state dir (outside the sweep,
 * mode 600); a resume runs the manifest's command only if it is still the one noted there; otherwise
 * it shows the command and asks (on a terminal), or needs --yes.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { LaunchError } from "../errors.js";

/** `HYDRANT_STATE_DIR`, else `$XDG_STATE_HOME/hydrant`, else `~/.local/state/hydrant`. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HYDRANT_STATE_DIR) return path.resolve(env.HYDRANT_STATE_DIR);
  const base = env.XDG_STATE_HOME ? path.resolve(env.XDG_STATE_HOME) : path.join(os.homedir(), ".local", "state");
  return path.join(base, "hydrant");
}

const digest = (s: string): string => createHash("sha256").update(s).digest("hex");

function recordFile(sweepDir: string): string {
  return path.join(stateDir(), "commands", `${digest(path.resolve(sweepDir))}.json`);
}

/** Notes that this user started (or approved) `command` for the sweep in `sweepDir`. */
export function trustCommand(sweepDir: string, command: readonly string[]): void {
  try {
    const file = recordFile(sweepDir);
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify({ sweepDir: path.resolve(sweepDir), command: digest(JSON.stringify(command)) }) + "\n", { mode: 0o600 });
  } catch {
    // No writable state dir: resumes of this sweep will ask for --yes.
  }
}

function isTrusted(sweepDir: string, command: readonly string[]): boolean {
  try {
    const r = JSON.parse(readFileSync(recordFile(sweepDir), "utf8")) as { command?: string };
    return r.command === digest(JSON.stringify(command));
  } catch {
    return false;
  }
}

/**
 * Before a resume runs the command read from `manifestFile`: fine when it is the one noted at the
 * sweep's start; with `yes`, or when `confirm` (the user, asked on a terminal) says so, noted now;
 * otherwise a LaunchError showing the command.
 */
export async function checkResumeCommand(sweepDir: string, command: readonly string[], manifestFile: string, yes: boolean, confirm?: ConfirmCommand): Promise<void> {
  if (isTrusted(sweepDir, command)) return;
  const shown = command.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(" ");
  const why = `${manifestFile} names the command\n\n    ${shown}\n\nwhich is not the command this sweep was started with by you on this machine (the file was edited, or the sweep was copied from elsewhere).`;
  if (yes || (confirm && (await confirm(`${why}\nRun it?`)))) return trustCommand(sweepDir, command);
  const next = confirm ? "Not resumed: you answered no. To run it, resume again and answer yes, or with --yes." : "Check it; to run it, resume again with --yes (or from a terminal, which asks).";
  throw new LaunchError(`${why} ${next}`, { file: manifestFile, key: "origin.command" });
}

/** Asks the user a yes/no question (a terminal prompt); resolves to their answer. */
export type ConfirmCommand = (question: string) => Promise<boolean>;
