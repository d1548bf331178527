/**
 * Children die with their launcher. Each command runs in a process group of its own (so its whole
 * tree can be signalled), and one small process per launcher, the job spawner (`spawner.ts`), holds
 * the list of those groups: the ones it started, and the ones the launcher lists with `guardGroup`
 * until `releaseGroup`. When its stdin closes (the launcher exited or died, even by SIGKILL) it sends
 * SIGTERM to every group still listed, SIGKILL two seconds later, and exits; a launcher that ended
 * its jobs has none listed, and it just exits.
 */
export { guardGroup, releaseGroup } from "./spawner.js";
import { ensureSpawner } from "./spawner.js";

/** Starts this process's watchdog (the job spawner) now; it is otherwise started by its first use. */
export function startWatchdog(): void {
  ensureSpawner();
}

/** Signals a job's whole process group (falls back to the process when it has none). */
export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * The signal an aborted sweep forwards to its jobs: the one hydrant received (its abort reason, e.g.
 * "SIGINT" for Ctrl-C, so a job can save its work as it would at the terminal), else SIGTERM.
 */
export function forwardedSignal(signal: AbortSignal | undefined): NodeJS.Signals {
  const reason: unknown = signal?.reason;
  return reason === "SIGINT" || reason === "SIGTERM" || reason === "SIGHUP" ? reason : "SIGTERM";
}
