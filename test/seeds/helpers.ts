/**
 * Running the seed documents' examples: a TypeScript example is imported (it imports "hydrant", the
 * built package, as a user's project would) with its printing captured, from a scratch working dir
 * so records and run dirs land there; a command-line example is run as a process.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { vi } from "vitest";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = path.join(REPO, "dist/cli.js");

/** What an example module printed with console.log, one entry per call. */
export async function printed(moduleUrl: URL): Promise<string[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  });
  const cwd = process.cwd();
  process.chdir(mkdtempSync(path.join(tmpdir(), "hydrant-seed-")));
  try {
    await import(moduleUrl.href);
  } finally {
    process.chdir(cwd);
    spy.mockRestore();
  }
  return lines;
}

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command args…` in `cwd` and waits for it; HYDRANT_* variables of the test run are not inherited. */
export function run(cwd: string, command: string, args: string[], env: Record<string, string> = {}): Ran {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("HYDRANT_")));
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...clean, NO_COLOR: "1", ...env }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A copy of a fixture project in a scratch dir, with hydrant (this repo, built) and tsx installed
 * in its node_modules as links: the examples run as in a user's project, and leave nothing here.
 */
export function projectCopy(fixture: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "hydrant-seed-project-"));
  cpSync(path.join(REPO, "test/seeds", fixture), dir, { recursive: true });
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(REPO, path.join(dir, "node_modules/hydrant"), "dir");
  symlinkSync(path.join(REPO, "node_modules/tsx"), path.join(dir, "node_modules/tsx"), "dir");
  return dir;
}

/** `npx tsx SCRIPT ARGS…` in `cwd`, as `python SCRIPT ARGS…` in the documents. */
export function tsx(cwd: string, script: string, args: string[] = []): Ran {
  return run(cwd, process.execPath, ["--import", "tsx", script, ...args]);
}

/** `hydrant ARGS…` in `cwd`. */
export function hydrant(cwd: string, args: string[], env: Record<string, string> = {}): Ran {
  return run(cwd, process.execPath, [BIN, ...args], env);
}
