import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.resolve(here, "../fixtures/run");
export const APP = path.join(FIXTURES, "app.ts");
export const CONF = path.join(FIXTURES, "conf");
/** tsx by absolute URL: the app runs with a temp dir as cwd, where `--import tsx` would not resolve. */
export const TSX = import.meta.resolve("tsx");

export const tmpDir = (): string => mkdtempSync(path.join(os.tmpdir(), "hydrant-run-"));

export function runAppSync(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", TSX, APP, ...args], { cwd, encoding: "utf8", env: { ...process.env, HYDRANT_WORKER: "" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function startApp(cwd: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", TSX, APP, ...args], { cwd, stdio: "ignore", env: { ...process.env, HYDRANT_WORKER: "" } });
}

export interface LogLine {
  x: number;
  w: number;
  db: string;
  num: number | null;
  pid: number;
  cwd: string;
  gpu: string | null;
  out: string;
}

export function readLog(file: string): LogLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as LogLine);
}

export const read = (...p: string[]): string => readFileSync(path.join(...p), "utf8");
