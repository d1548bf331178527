/**
 * Output dirs hydrant is willing to write into. A run dir of `/` or the home dir would scatter
 * `.hydra/` and logs over the user's files (and a later clean-up would be a disaster), and a job dir
 * made from override values must not climb out of its sweep (`+tag=/../../x`).
 */
import { statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { LaunchError } from "../errors.js";

/** Refuses `/`, the home dir, any of their ancestors, and a path that exists but is not a dir. */
export function checkOutputDir(dir: string, key: string): void {
  const abs = path.resolve(dir);
  const home = path.resolve(os.homedir());
  const isRoot = abs === path.parse(abs).root;
  const holdsHome = home === abs || home.startsWith(abs.endsWith(path.sep) ? abs : abs + path.sep);
  if (isRoot || holdsHome) {
    throw new LaunchError(`${key} is '${abs}', ${isRoot ? "the root of the file system" : "your home dir or a dir that holds it"}: hydrant writes its outputs there. Give it a dir of its own, e.g. ${key}=outputs/\${now:%Y-%m-%d}/\${now:%H-%M-%S}.`, { key });
  }
  let st;
  try {
    st = statSync(abs);
  } catch {
    return; // not there yet: it will be made
  }
  if (!st.isDirectory()) throw new LaunchError(`${key} is '${abs}', which exists and is not a directory. Give it a dir of its own.`, { key });
}

/** The job's dir, checked to lie strictly inside its sweep dir. */
export function jobDirInside(sweepDir: string, subdir: string): string {
  const dir = path.resolve(sweepDir, subdir);
  const rel = path.relative(sweepDir, dir);
  if (rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new LaunchError(`The job dir '${dir}' (hydra.sweep.subdir='${subdir}') is not inside the sweep dir '${sweepDir}'. An override value with '..' or '/' can do that; change hydra.sweep.subdir or the override (a job dir must be a dir of its own inside the sweep).`, { key: "hydra.sweep.subdir" });
  }
  return dir;
}
