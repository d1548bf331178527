/**
 * A run's `run_dir`: the directory the program made for its own outputs (the guide's
 * `runs/<dataset>/<model>/…`), not the experiment's job dir. The program names it in its result JSON
 * (`{"run_dir": …}` in $HYDRANT_RESULT or metrics.json), or the spec's `runs_dir` says where programs
 * make them and the newest dir made there during the run is taken.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** How deep below `runs_dir` run dirs are looked for (`runs/<dataset>/<model>/<stamp>` is 3). */
const MAX_DEPTH = 6;
/** A runs_dir this big is not walked further: discovery is a convenience, never a long stall. */
const MAX_DIRS = 200_000;

/** The `run_dir` a program reported in its result, absolute (relative to where it ran). */
export function reportedRunDir(result: unknown, cwd: string): string | undefined {
  if (result === null || typeof result !== "object" || Array.isArray(result)) return undefined;
  const dir = (result as Record<string, unknown>).run_dir;
  return typeof dir === "string" && dir !== "" ? path.resolve(cwd, dir) : undefined;
}

/** Every dir under `root` (to MAX_DEPTH), before a run starts. */
export function dirsUnder(root: string): Set<string> {
  const seen = new Set<string>();
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH || seen.size >= MAX_DIRS) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // not there (yet), or unreadable
    }
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const sub = path.join(dir, e.name);
      seen.add(sub);
      walk(sub, depth + 1);
    }
  };
  walk(root, 1);
  return seen;
}

/**
 * The newest dir made under `root` since `before` was taken: among the new dirs, those holding no new
 * dir themselves (the run dir, not `runs/mnist` made on the way), the latest made.
 */
export function newestNewDir(root: string, before: ReadonlySet<string>): string | undefined {
  const fresh = [...dirsUnder(root)].filter((d) => !before.has(d));
  const leaves = fresh.filter((d) => !fresh.some((o) => o.startsWith(d + path.sep)));
  let best: { dir: string; at: number } | undefined;
  for (const dir of leaves) {
    const at = madeAt(dir);
    if (!best || at > best.at || (at === best.at && dir > best.dir)) best = { dir, at };
  }
  return best?.dir;
}

function madeAt(dir: string): number {
  try {
    const s = statSync(dir);
    return s.birthtimeMs > 0 ? s.birthtimeMs : s.mtimeMs;
  } catch {
    return 0;
  }
}
