/**
 * One sweep dir, one owner. The process running or resuming a sweep holds `<sweep dir>/.hydrant.lock`
 * (created exclusively, naming its pid and start time): a second resume of the same dir refuses
 * instead of running every job a second time, and a new sweep never writes into a dir that another
 * sweep owns or already used; it takes the next free name (`…_2`, `…_3`) instead.
 */
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { LaunchError } from "../errors.js";
import { identify, isSameProcess, type ProcessIdentity } from "../job/process-identity.js";
import { MANIFEST_FILE } from "./manifest.js";

export const LOCK_FILE = ".hydrant.lock";

let asideCounter = 0;

export interface SweepLock {
  dir: string;
  release(): void;
}

/** Takes the lock of an existing sweep dir (a resume), or explains who holds it. */
export function lockSweep(dir: string): SweepLock {
  const lock = tryLock(dir);
  if (typeof lock === "object") return lock;
  throw new LaunchError(`The sweep ${dir} is being run by hydrant process ${lock} right now. Wait for it to finish (or stop it) before resuming: two processes would run every job twice.`, { file: path.join(dir, LOCK_FILE) });
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
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createWithHolder(file)) return { dir, release: () => release(file) };
    const holder = readHolder(file);
    if (holder && isSameProcess(holder)) return holder.pid;
    removeStale(file);
  }
  const holder = readHolder(file);
  return holder?.pid ?? -1;
}

/**
 * Creates the lock file already holding its owner (written aside, then hard-linked into place, which
 * fails if the file exists): another process never sees it empty and takes it for a stale one.
 */
function createWithHolder(file: string): boolean {
  const aside = `${file}.${process.pid}.${asideCounter++}`;
  const fd = openSync(aside, "wx");
  try {
    writeSync(fd, JSON.stringify(identify(process.pid)) + "\n");
  } finally {
    closeSync(fd);
  }
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

function readHolder(file: string): ProcessIdentity | undefined {
  try {
    const h = JSON.parse(readFileSync(file, "utf8")) as ProcessIdentity;
    return Number.isSafeInteger(h?.pid) ? h : undefined;
  } catch {
    // Being written this very moment by its creator, or garbage: treat an unreadable lock as held once.
    return undefined;
  }
}

function removeStale(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // another process removed it first
  }
}

function release(file: string): void {
  const holder = readHolder(file);
  if (holder?.pid === process.pid) removeStale(file);
}
