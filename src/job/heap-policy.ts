/**
 * A sweep's memory stays flat however many jobs it runs: while a sweep runs, V8 keeps its young
 * generation at its start size and grows the old one by at most 2x its live size.
 *
 * Why: a sweep's live heap is flat (a job's objects die with it; the manifest keeps no records in
 * memory), yet by default V8 trades memory for speed as a process keeps allocating. It doubles the
 * young generation each time enough objects have survived since it last grew, which in a long sweep
 * always happens, up to 16 MiB per semi-space; and it lets the old generation fill with promoted garbage
 * up to 4x its live size before collecting. A 100,000-job sweep then peaks 50-60 MiB above a 1,000-job
 * one for no data of its own. Both knobs are read by the garbage collector each time it resizes, so
 * they can be set while running (`v8.setFlagsFromString`); they change no compiled code, only how often
 * the collector runs, which on hydrant's short-lived per-job objects costs nothing measurable
 * (bench/memory.mjs, bench/sweep.mjs).
 *
 * A task function runs under V8's defaults (`withTaskHeap`): its memory is its own. The policy is left
 * alone when the process was started with heap-sizing flags of its own (the user chose), and when
 * `HYDRANT_LEAN_HEAP=0`. V8's defaults come back when the last running sweep of the process ends.
 */
import { setFlagsFromString } from "node:v8";

const LEAN = ["--semi-space-growth-factor=1", "--heap-growing-percent=100"];
const DEFAULTS = ["--semi-space-growth-factor=2", "--heap-growing-percent=0"];
/** Flags that size the heap: a process started with any of them keeps the user's choice. */
const USER_SIZING = /--(?:max|min)[-_]semi[-_]space[-_]size|--semi[-_]space[-_]growth[-_]factor|--heap[-_]growing[-_]percent|--optimize[-_]for[-_]size/;

let sweepsRunning = 0;
let applied = false;

/** Runs `fn` (a sweep) under the lean heap policy; nested and concurrent sweeps share it. */
export async function withLeanHeap<T>(fn: () => Promise<T>): Promise<T> {
  if (sweepsRunning++ === 0 && leanHeapWanted()) {
    setFlags(LEAN);
    applied = true;
  }
  try {
    return await fn();
  } finally {
    if (--sweepsRunning === 0 && applied) {
      setFlags(DEFAULTS);
      applied = false;
    }
  }
}

/**
 * Runs a task function of the sweep under V8's defaults: the lean policy is for hydrant's own work
 * between tasks. A task that keeps many objects alive across awaits (batches, caches) would otherwise
 * run several times slower, its survivors promoted out of a small young generation and collected by
 * full collections; what it grows is its own memory, not the sweep's.
 */
export async function withTaskHeap<T>(fn: () => Promise<T>): Promise<T> {
  if (!applied) return fn();
  setFlags(DEFAULTS);
  try {
    return await fn();
  } finally {
    if (applied) setFlags(LEAN);
  }
}

function leanHeapWanted(): boolean {
  if (process.env.HYDRANT_LEAN_HEAP === "0") return false;
  return !USER_SIZING.test(`${process.execArgv.join(" ")} ${process.env.NODE_OPTIONS ?? ""}`);
}

function setFlags(flags: string[]): void {
  for (const flag of flags) setFlagsFromString(flag);
}
