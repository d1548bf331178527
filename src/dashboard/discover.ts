/**
 * Finds sweeps and experiments: any dir holding a manifest (experiment.json) under the dirs given, or
 * under `multirun/`, `outputs/` and `experiments/` of the working directory when none are given.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { MANIFEST_FILE } from "../runs/manifest.js";

/** Where `hydrant ui` looks when given no dir: Hydra's run and sweep dirs and experiment specs' root. */
export const DEFAULT_ROOTS = ["multirun", "outputs", "experiments"];

/** multirun/<date>/<time>/ is two levels down; a little more for nested layouts. */
const MAX_DEPTH = 4;

/** A sweep dir the dashboard may read from, and nothing else. */
export interface FoundSweep {
  id: string;
  /** Absolute. */
  dir: string;
  /** Relative to `cwd` when inside it. */
  name: string;
}

/** The sweeps under `roots` (relative to `cwd`), oldest name first; each dir listed once. */
export function discoverSweeps(roots: readonly string[], cwd: string): FoundSweep[] {
  const dirs = new Set<string>();
  for (const root of roots.length > 0 ? roots : DEFAULT_ROOTS) walk(path.resolve(cwd, root), 0, dirs);
  return [...dirs].sort().map((dir) => ({ id: sweepId(dir), dir, name: displayName(dir, cwd) }));
}

function walk(dir: string, depth: number, out: Set<string>): void {
  if (existsSync(path.join(dir, MANIFEST_FILE))) {
    out.add(dir);
    return; // a sweep's job dirs hold no sweeps
  }
  if (depth >= MAX_DEPTH || !isDir(dir)) return;
  let entries: string[];
  try {
    entries = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules")
      .map((e) => e.name);
  } catch {
    return; // unreadable: not ours to show
  }
  for (const name of entries) walk(path.join(dir, name), depth + 1, out);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** An id that is safe anywhere in a URL and stable across restarts. */
export function sweepId(dir: string): string {
  return createHash("sha1").update(dir).digest("hex").slice(0, 12);
}

function displayName(dir: string, cwd: string): string {
  const rel = path.relative(cwd, dir);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : dir;
}
