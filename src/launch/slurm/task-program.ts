/**
 * Where the array-task program is: `dist/lazy/slurm-task.js` of the hydrant package this code belongs
 * to, found by walking up from this module (which may be the bin's bundle, the library, or the sources).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LaunchError } from "../../errors.js";

let found: string | undefined;

export function taskRunner(): string {
  found ??= locate();
  return found;
}

function locate(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg) && packageName(pkg) === "hydrant") {
      const runner = path.join(dir, "dist", "lazy", "slurm-task.js");
      if (existsSync(runner)) return runner;
      throw new LaunchError(`The slurm launcher's task program ${runner} is missing: build hydrant (npm run build).`, { key: "hydra/launcher" });
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new LaunchError("The slurm launcher cannot find the hydrant package it belongs to (no package.json named 'hydrant' above it).", { key: "hydra/launcher" });
    dir = parent;
  }
}

function packageName(file: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { name?: string }).name;
  } catch {
    return undefined;
  }
}
