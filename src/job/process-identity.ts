/**
 * A pid alone does not name a process: after it exits the number is reused. A process is named by its
 * pid and its start time, so hydrant never signals (or waits for) an unrelated process that happens
 * to have an old pid from a manifest or orchestrator record.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

export interface ProcessIdentity {
  pid: number;
  /** Start time as the OS reports it (Linux: clock ticks since boot); absent where unknown. */
  start?: string;
}

/** The start time of `pid`, or undefined when it does not exist (or the OS will not say). */
export function processStartTime(pid: number): string | undefined {
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 2 (the command name) may hold spaces and parentheses: count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    if (process.platform === "linux") return undefined;
  }
  const r = spawnSync("ps", ["-o", "lstart=", "-p", String(pid)], { encoding: "utf8" });
  const out = r.status === 0 ? r.stdout.trim() : "";
  return out || undefined;
}

/** This process or a child, as recorded: pid and start time. */
export function identify(pid: number): ProcessIdentity {
  const start = processStartTime(pid);
  return start === undefined ? { pid } : { pid, start };
}

/** True while the process exists (EPERM: it exists but is not ours to signal). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True while the very process recorded is alive: same pid and, when recorded, same start time. */
export function isSameProcess(id: ProcessIdentity): boolean {
  if (!Number.isSafeInteger(id.pid) || id.pid <= 0 || !pidAlive(id.pid)) return false;
  if (id.start === undefined) return true;
  return processStartTime(id.pid) === id.start;
}
