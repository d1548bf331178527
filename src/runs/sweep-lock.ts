/**
 * One sweep dir, one owner. The process running or resuming a sweep holds `<sweep dir>/.hydrant.lock`
 * (created exclusively, naming its pid and start time): a second resume of the same dir refuses
 * instead of running every job a second time, and a new sweep never writes into a dir that another
 * sweep owns or already used; it takes the next free name (`…_2`, `…_3`) instead.
 */
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LaunchError } from "../errors.js";
import { identify, isSameProcess, type ProcessIdentity } from "../job/process-identity.js";
import { MANIFEST_FILE } from "./manifest.js";

export const LOCK_FILE = ".hydrant.lock";

export interface SweepLock {
  dir: string;
  release(): void;
}

/**
 * Takes the lock of an existing sweep dir (a resume), or explains who holds it; `busy` words the
 * refusal for a kind of dir (an experiment's), given the holder's pid.
 */
export function lockSweep(dir: string, busy?: (pid: number) => string): SweepLock {
  const lock = tryLock(dir);
  if (typeof lock === "object") return lock;
  const message = busy?.(lock) ?? `The sweep ${dir} is being run by hydrant process ${lock} right now. Wait for it to finish (or stop it) before resuming: two processes would run every job twice.`;
  throw new LaunchError(message, { file: path.join(dir, LOCK_FILE) });
}

/** A fresh dir for a new sweep: `dir` itself, or `dir_2`, `dir_3`… when it is taken or already used. */
export function claimNewSweepDir(dir: string): SweepLock {
  for (let i = 1; i < 10_000; i++) {
    const candidate = i === 1 ? dir : `${dir}_${i}`;
    if (existsSync(path.join(candidate, MANIFEST_FILE))) continue;
    mkdirSync(candidate, { recursive: true });
    const lock = tryLock(candidate);
    if (typeof lock !== "object") continue;
    // Someone finished a sweep here between our check and the lock.
    if (existsSync(path.join(candidate, MANIFEST_FILE))) {
      lock.release();
      continue;
    }
    return lock;
  }
  throw new LaunchError(`No free sweep dir next to ${dir}: give hydra.sweep.dir a new value.`, { key: "hydra.sweep.dir" });
}

/** The lock, or the pid holding it. A lock whose process is gone (killed) is taken over. */
function tryLock(dir: string): SweepLock | number {
  const file = path.join(dir, LOCK_FILE);
  const mine = identify(process.pid);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createComplete(file, JSON.stringify(mine) + "\n")) return { dir, release: () => release(file) };
    const holder = readHolder(file);
    if (holder === "gone") continue; // released between our try and our read
    if (holder !== "unreadable" && isSameProcess(holder)) return holder.pid;
    removeStale(file, holder);
  }
  const holder = readHolder(file);
  return typeof holder === "object" ? holder.pid : -1;
}

/**
 * Creates `file` with `text`, whole or not at all: written aside, then hard-linked into place, which
 * fails when the file exists. A reader never sees a lock half written (and never takes it for stale).
 */
function createComplete(file: string, text: string): boolean {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(aside, text);
  try {
    linkSync(aside, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    return false;
  } finally {
    unlinkSync(aside);
  }
}

function readHolder(file: string): ProcessIdentity | "gone" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw e;
  }
  try {
    const h = JSON.parse(text) as ProcessIdentity;
    return Number.isSafeInteger(h?.pid) ? h : "unreadable";
  } catch {
    return "unreadable"; // garbage: no process of ours wrote it
  }
}

/**
 * Removes the dead holder's lock, and only that one: it is moved aside first (atomic), and if what
 * was moved is not the lock we judged stale (another process took the dir over meanwhile), it is put back.
 */
function removeStale(file: string, stale: ProcessIdentity | "unreadable"): void {
  const aside = `${file}.stale.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // another process removed it first
  }
  const moved = readHolder(aside);
  const same = typeof moved === "object" && typeof stale === "object" ? moved.pid === stale.pid && moved.start === stale.start : moved === stale;
  try {
    if (!same) linkSync(aside, file);
  } catch {
    // a third process made a new lock meanwhile: it holds the dir now
  }
  unlinkSync(aside);
}

function release(file: string): void {
  const holder = readHolder(file);
  if (typeof holder === "object" && holder.pid === process.pid) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
}
