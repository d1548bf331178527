import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { experimentCommand } from "../../src/cli/experiment-command.js";
import { readExperiment } from "../../src/experiment/directory/layout.js";
import type { ExperimentManifest } from "../../src/experiment/definition/types.js";

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.resolve(here, "../fixtures/experiment");
export const RECORD = path.join(FIXTURES, "record.mjs");
export const BASE = path.join(FIXTURES, "base.yaml");
export const ENTRY = path.resolve(here, "../../src/cli/orchestrator-main.ts");
const TSX = import.meta.resolve("tsx");

export const tmpDir = (): string => mkdtempSync(path.join(os.tmpdir(), "hydrant-spec-"));

/** Writes a spec file into `dir`; `command` defaults to the recording script. */
export function writeSpec(dir: string, file: string, body: string): string {
  const p = path.join(dir, file);
  writeFileSync(p, body);
  return p;
}

export const RECORD_COMMAND = `command: [${JSON.stringify(process.execPath)}, ${JSON.stringify(RECORD)}]`;

/** `hydrant experiment …` in this process, output captured. */
export async function hydrant(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await experimentCommand(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** The same command as a separate process (to kill it). */
export function startHydrant(cwd: string, argv: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", TSX, ENTRY, ...argv], { cwd, stdio: "ignore" });
}

export interface LogLine {
  num: number;
  pid: number;
  argv: string[];
  cfg: Record<string, unknown> & { model?: { lr: unknown; layers: unknown } };
}

export function readLog(file: string): LogLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as LogLine);
}

export function manifestOf(dir: string): ExperimentManifest {
  return readExperiment(dir);
}

/** The single experiment dir under `root`. */
export function onlyExperiment(root: string): string {
  const dirs = existsSync(root) ? readdirSync(root).sort() : [];
  if (dirs.length !== 1) throw new Error(`expected one experiment under ${root}, found ${dirs.join(", ")}`);
  return path.join(root, dirs[0]);
}

export async function waitFor(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const read = (...p: string[]): string => readFileSync(path.join(...p), "utf8");
