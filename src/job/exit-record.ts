/**
 * A command's exit status, written by a tiny `/bin/sh` wrapper the moment the command ends, into the
 * job dir. The launcher learns of the exit only when its event loop gets to it; if it is killed in
 * between, the wrapper's record still says the job finished, so a resume does not run it again.
 * The command and its arguments reach the wrapper as positional parameters: data, never code.
 */
import { accessSync, constants, readFileSync, rmSync } from "node:fs";
import path from "node:path";

export const EXIT_FILE = ".hydrant-exit";

/**
 * `"$@"` runs the command; its status goes to the file; a command killed by a signal (status 128+n)
 * makes the wrapper end by the same signal, so the launcher still sees "killed by SIGTERM".
 * The wrapper catches TERM, INT and HUP with a no-op while it waits (a caught signal is reset to its
 * default in the command, so the command still gets it): a signal to the job's group (a dead launcher's
 * watchdog, Ctrl-C) then cannot end the wrapper between the command's exit and its record, which would
 * make a command that had finished its work run again on resume.
 */
const WRAPPER = `trap : TERM INT HUP; "$@"; s=$?; printf '%s' "$s" > "$HYDRANT_EXIT_FILE" 2>/dev/null; if [ "$s" -gt 128 ] && [ "$s" -lt 160 ]; then trap - $((s - 128)) 2>/dev/null; kill -$((s - 128)) $$ 2>/dev/null; fi; exit "$s"`;

/** The argv to spawn: the wrapper around `cmd args`, where /bin/sh exists (POSIX). */
export function wrapCommand(cmd: string, args: string[]): { file: string; args: string[] } {
  if (process.platform === "win32") return { file: cmd, args };
  return { file: "/bin/sh", args: ["-c", WRAPPER, "hydrant-job", cmd, ...args] };
}

/** The exit status recorded in `jobDir`, if any. */
export function readExitRecord(jobDir: string): number | undefined {
  try {
    const n = Number(readFileSync(path.join(jobDir, EXIT_FILE), "utf8"));
    return Number.isInteger(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

export function clearExitRecord(jobDir: string): void {
  rmSync(path.join(jobDir, EXIT_FILE), { force: true });
}

/**
 * Whether `cmd` can be run, as spawn would find it (PATH search for a bare name), so a missing program
 * stays "Cannot run 'x'" rather than the wrapper's exit code 127.
 */
export function findProgram(cmd: string, cwd: string, env: NodeJS.ProcessEnv): boolean {
  const candidates = cmd.includes("/") ? [path.resolve(cwd, cmd)] : (env.PATH ?? "").split(path.delimiter).filter(Boolean).map((d) => path.join(d, cmd));
  return candidates.some((f) => {
    try {
      accessSync(f, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
