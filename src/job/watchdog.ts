/**
 * Children die with their launcher. Each command runs in a process group of its own (so its whole
 * tree can be signalled), and one small watchdog process per launcher holds the list of those groups.
 * The launcher tells it "+pid" when a job starts and "-pid" when it ends, over the watchdog's stdin.
 * When that pipe closes (the launcher exited or died, even by SIGKILL) the watchdog sends SIGTERM to
 * every group still listed, SIGKILL two seconds later, and exits; a launcher that ended its jobs has
 * none listed, and the watchdog just exits.
 */
import { spawn, type ChildProcess } from "node:child_process";

const GRACE_MS = 2000;

/** The watchdog's program (run with `node -e`): no dependencies, a few lines. */
const WATCHDOG_SOURCE = `
const groups = new Set(); let buf = "";
process.stdin.on("data", (d) => {
  buf += d; const lines = buf.split("\\n"); buf = lines.pop();
  for (const l of lines) { if (l[0] === "+") groups.add(Number(l.slice(1))); else if (l[0] === "-") groups.delete(Number(l.slice(1))); }
});
const kill = (sig) => { for (const g of groups) { try { process.kill(-g, sig); } catch {} } };
process.stdin.on("end", () => {
  if (groups.size === 0) process.exit(0);
  kill("SIGTERM");
  setTimeout(() => { kill("SIGKILL"); process.exit(0); }, ${GRACE_MS});
});
process.on("SIGINT", () => {}); process.on("SIGTERM", () => {});
`;

let watchdog: ChildProcess | undefined;

/** Starts this process's watchdog now (it is otherwise started by the first guardGroup). */
export function startWatchdog(): void {
  ensureWatchdog();
}

function ensureWatchdog(): ChildProcess | undefined {
  if (watchdog && watchdog.exitCode === null && watchdog.stdin?.writable) return watchdog;
  try {
    const w = spawn(process.execPath, ["-e", WATCHDOG_SOURCE], { stdio: ["pipe", "ignore", "ignore"], detached: true });
    w.on("error", () => {});
    w.stdin?.on("error", () => {});
    w.unref();
    (w.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    watchdog = w;
    return w;
  } catch {
    return undefined;
  }
}

/** Lists the process group `pid` to be killed if this process dies before `released`. */
export function guardGroup(pid: number): void {
  ensureWatchdog()?.stdin?.write(`+${pid}\n`);
}

export function releaseGroup(pid: number): void {
  watchdog?.stdin?.write(`-${pid}\n`);
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
