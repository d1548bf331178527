import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

let tmpCounter = 0;

/**
 * Writes a file so that readers see either the old or the new content, never a torn one:
 * write a sibling temp file, fsync it, rename it over the target (rename is atomic on POSIX).
 */
export function writeFileAtomic(file: string, content: string): void {
  replaceAtomically(file, (fd) => writeSync(fd, content));
}

/** As `writeFileAtomic`, with the content written by `write` into the temp file's descriptor. */
export function replaceAtomically<T>(file: string, write: (fd: number) => T): T {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${tmpCounter++}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    const out = write(fd);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, file);
    return out;
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}
