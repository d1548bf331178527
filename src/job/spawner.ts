/**
 * One small helper process per launcher starts the command jobs whose output goes only to their log
 * files (every multirun of `hydrant -m -- CMD`).
 *
 * Why a process of its own: on Linux, `spawn` forks the calling process and waits until the child has
 * exec'd. Forked from a launcher holding a sweep (about 100 MiB), each job costs the copy of its page
 * tables and blocks the launcher's event loop meanwhile; forked from this bare Node process, a job
 * starts at about the cost of Node's own `spawn` from a small script. It also:
 * - opens the job's `stdout.log`/`stderr.log` and hands them to the command: no pipe through the launcher;
 * - writes the job's state file (`job-state.ts`) as soon as the command runs, and its exit record the
 *   moment it reaps it; it outlives a launcher killed with SIGKILL, so a command started or finished
 *   just before its launcher died is neither lost nor run again on resume (the job state names the
 *   spawner, and a resume waits for it: see `settlePreviousCopy`). The launcher writes neither: two
 *   atomic file writes per job off its path, done while the command runs;
 * - is the watchdog (`watchdog.ts`): when its stdin closes, it ends every process group still listed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { Socket } from "node:net";
import { identify, type ProcessIdentity } from "./process-identity.js";

const GRACE_MS = 2000;

/**
 * The spawner's program (run with `node -e`; no dependencies). Requests and answers are JSON lines:
 * `{t:"spawn",id,...}` → `{id,pid,start}` then `{id,code,signal}`, or `{id,error}`;
 * `{t:"guard",pid}` / `{t:"release",pid}` list a group started elsewhere.
 */
const SPAWNER_SOURCE = `
const { spawn } = require("node:child_process"); const fs = require("node:fs"); const os = require("node:os");
const groups = new Set(); const children = new Set(); let buf = ""; let closing = false;
const baseEnv = Object.assign({}, process.env);
const send = (m) => { try { process.stdout.write(JSON.stringify(m) + "\\n"); } catch {} };
process.stdout.on("error", () => {});
const startTime = (pid) => { try { const s = fs.readFileSync("/proc/" + pid + "/stat", "utf8"); return s.slice(s.lastIndexOf(")") + 2).split(" ")[19]; } catch { return undefined; } };
const status = (code, signal) => code !== null ? code : 128 + (os.constants.signals[signal] || 0);
function start(r) {
  let out, err;
  try { out = fs.openSync(r.stdout, "w"); err = fs.openSync(r.stderr, "w"); }
  catch (e) { if (out !== undefined) fs.closeSync(out); return send({ id: r.id, error: { code: e.code, message: e.message } }); }
  const env = Object.assign({}, baseEnv, r.env); for (const k of r.unset) delete env[k];
  let c;
  try { c = spawn(r.file, r.args, { cwd: r.cwd, env, stdio: ["ignore", out, err], detached: true }); }
  catch (e) { fs.closeSync(out); fs.closeSync(err); return send({ id: r.id, error: { code: e.code, message: e.message } }); }
  fs.closeSync(out); fs.closeSync(err);
  c.on("error", (e) => send({ id: r.id, error: { code: e.code, message: e.message } }));
  if (c.pid === undefined) return;
  groups.add(c.pid); children.add(c);
  const start = startTime(c.pid);
  writeState(r, start === undefined ? { pid: c.pid } : { pid: c.pid, start });
  send({ id: r.id, pid: c.pid, start });
  c.on("exit", (code, signal) => {
    try { fs.writeFileSync(r.exitFile, String(status(code, signal))); } catch {}
    groups.delete(c.pid); children.delete(c);
    send({ id: r.id, code, signal });
    if (closing && children.size === 0) process.exit(0);
  });
}
function writeState(r, child) {
  const tmp = r.stateFile + "." + process.pid + ".tmp";
  try { fs.writeFileSync(tmp, JSON.stringify(Object.assign({ child }, r.state)) + "\\n"); fs.renameSync(tmp, r.stateFile); } catch {}
}
function handle(m) {
  if (m.t === "spawn") start(m); else if (m.t === "guard") groups.add(m.pid); else if (m.t === "release") groups.delete(m.pid);
}
process.stdin.on("data", (d) => {
  buf += d; let i;
  while ((i = buf.indexOf("\\n")) >= 0) { const line = buf.slice(0, i); buf = buf.slice(i + 1); try { handle(JSON.parse(line)); } catch {} }
});
const kill = (sig) => { for (const g of groups) { try { process.kill(-g, sig); } catch {} } };
process.stdin.on("end", () => {
  closing = true;
  if (groups.size === 0) process.exit(0);
  kill("SIGTERM");
  setTimeout(() => { kill("SIGKILL"); setTimeout(() => process.exit(0), 1000).unref(); if (children.size === 0) process.exit(0); }, ${GRACE_MS});
});
process.on("SIGINT", () => {}); process.on("SIGTERM", () => {}); process.on("SIGHUP", () => {});
`;

/** What the spawner needs to start a command job. */
export interface SpawnRequest {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutFile: string;
  stderrFile: string;
  /** Where the spawner writes the command's exit status when it reaps it. */
  exitFile: string;
  /** The job state file, written once the command runs: `{child, ...state}`. */
  stateFile: string;
  /** What the job state says besides the child and the spawner: the launcher. */
  state: { launcher: ProcessIdentity };
}

/** How a spawned command ended: its code, or the signal that killed it. */
export interface SpawnExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the spawner died before telling how the command ended. */
  error?: Error;
}

/** A command the spawner started. */
export interface SpawnedCommand {
  child: ProcessIdentity;
  exited: Promise<SpawnExit>;
}

interface Pending {
  started: (s: SpawnedCommand) => void;
  failed: (e: Error) => void;
  exited?: (e: SpawnExit) => void;
}

interface SpawnerAnswer {
  id: number;
  pid?: number;
  start?: string;
  code?: number | null;
  signal?: NodeJS.Signals | null;
  error?: { code?: string; message: string };
}

interface Spawner {
  process: ChildProcess;
  identity: ProcessIdentity;
  /** The environment it started with: a request sends only what differs (a job's env is mostly ours). */
  env: Record<string, string | undefined>;
}

let spawner: Spawner | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;

/** This launcher's spawner, started on first use (again if it died). */
export function ensureSpawner(): Spawner | undefined {
  if (spawner && spawner.process.exitCode === null && spawner.process.signalCode === null && spawner.process.stdin?.writable) return spawner;
  try {
    const env = { ...process.env };
    const child = spawn(process.execPath, ["-e", SPAWNER_SOURCE], { stdio: ["pipe", "pipe", "ignore"], detached: true, env });
    if (child.pid === undefined) return undefined;
    child.on("error", () => {});
    child.stdin?.on("error", () => {});
    child.on("exit", () => failAll(new Error("hydrant's job spawner process ended unexpectedly")));
    readAnswers(child);
    child.unref();
    (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    spawner = { process: child, identity: identify(child.pid), env };
    refWhileBusy();
    return spawner;
  } catch {
    return undefined;
  }
}

/** The spawner's identity, recorded in a job's state so a resume can wait for its exit record. */
export function spawnerIdentity(): ProcessIdentity | undefined {
  return spawner?.identity;
}

/** Starts a command through the spawner; rejects when it cannot be started (the error of `spawn`). */
export function spawnCommand(req: SpawnRequest): Promise<SpawnedCommand> {
  const s = ensureSpawner();
  if (!s) return Promise.reject(new Error("hydrant's job spawner process could not be started"));
  const id = nextId++;
  return new Promise((started, failed) => {
    pending.set(id, { started, failed });
    refWhileBusy();
    const env = envDiff(s.env, req.env);
    s.process.stdin?.write(JSON.stringify({ t: "spawn", id, file: req.file, args: req.args, cwd: req.cwd, env: env.set, unset: env.unset, stdout: req.stdoutFile, stderr: req.stderrFile, exitFile: req.exitFile, stateFile: req.stateFile, state: { ...req.state, spawner: s.identity } }) + "\n");
  });
}

/** Lists a process group started elsewhere, to be ended if this process dies before `releaseGroup`. */
export function guardGroup(pid: number): void {
  ensureSpawner()?.process.stdin?.write(JSON.stringify({ t: "guard", pid }) + "\n");
}

export function releaseGroup(pid: number): void {
  spawner?.process.stdin?.write(JSON.stringify({ t: "release", pid }) + "\n");
}

function envDiff(base: Record<string, string | undefined>, env: Record<string, string | undefined>): { set: Record<string, string>; unset: string[] } {
  const set: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && base[k] !== v) set[k] = v;
  const unset = Object.keys(base).filter((k) => env[k] === undefined);
  return { set, unset };
}

function readAnswers(child: ChildProcess): void {
  let buf = "";
  child.stdout?.setEncoding("utf8");
  child.stdout?.on("data", (d: string) => {
    buf += d;
    let i: number;
    while ((i = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      answer(JSON.parse(line) as SpawnerAnswer);
    }
  });
}

function answer(a: SpawnerAnswer): void {
  const p = pending.get(a.id);
  if (!p) return;
  if (a.error) {
    pending.delete(a.id);
    p.failed(Object.assign(new Error(a.error.message), { code: a.error.code }));
  } else if (a.pid !== undefined) {
    const exited = new Promise<SpawnExit>((resolve) => (p.exited = resolve));
    p.started({ child: a.start === undefined ? { pid: a.pid } : { pid: a.pid, start: a.start }, exited });
  } else {
    pending.delete(a.id);
    p.exited?.({ code: a.code ?? null, signal: a.signal ?? null });
  }
  refWhileBusy();
}

/** A spawner that died takes its jobs' answers with it: they end as failures, never hang. */
function failAll(error: Error): void {
  for (const [id, p] of pending) {
    pending.delete(id);
    if (p.exited) p.exited({ code: null, signal: null, error });
    else p.failed(error);
  }
}

/** The spawner's answers keep this process alive only while a job waits for one. */
function refWhileBusy(): void {
  // A child's stdout pipe is a net.Socket, which can be (un)referenced.
  const out = spawner?.process.stdout as Socket | null | undefined;
  if (!out) return;
  if (pending.size > 0) out.ref();
  else out.unref();
}
