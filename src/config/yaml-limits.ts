/**
 * Bounds on the work one YAML document may cause, so that hostile or broken files fail in
 * milliseconds with a clear error instead of exhausting memory or the stack.
 */
import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { ConfigParseError } from "../errors.js";
import { ConfigDict, ConfigList, type ConfigValue } from "./node.js";

/** Deepest nesting of mappings and sequences (Python's recursion limit stops PyYAML well before). */
export const MAX_YAML_DEPTH = 200;

/** Most nodes aliases may add to one document ("billion laughs" would add 10^9). */
export const MAX_ALIAS_NODES = 100_000;

/** Largest YAML file read (config files are kilobytes; HYDRANT_MAX_YAML_BYTES raises it). */
export function maxYamlBytes(): number {
  const v = Number(process.env.HYDRANT_MAX_YAML_BYTES);
  return Number.isFinite(v) && v > 0 ? v : 64 * 1024 * 1024;
}

/** Reads a YAML file as text, refusing one too large to parse before it is loaded into memory. */
export function readYamlText(file: string): string {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const max = maxYamlBytes();
    if (size > max) {
      throw new ConfigParseError(`${file} is ${size} bytes, more than the ${max} bytes a YAML file may have; config files are small (set HYDRANT_MAX_YAML_BYTES to raise the limit).`, { file });
    }
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}

/** YAML forbids NUL (PyYAML: "unacceptable character #x0000"); say where it is. */
export function rejectNul(text: string, file: string | undefined): void {
  const at = text.indexOf("\0");
  if (at < 0) return;
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const column = at - before.lastIndexOf("\n");
  throw new ConfigParseError(`YAML syntax error at ${file ?? "<yaml>"}:${line}:${column}: a NUL character (\\0) is not allowed in YAML; is this a binary file?`, { file, line, column });
}

/** Number of nodes in a value (a scalar counts one). */
export function nodeCount(v: ConfigValue, memo: WeakMap<object, number>): number {
  if (!(v instanceof ConfigDict || v instanceof ConfigList)) return 1;
  const known = memo.get(v);
  if (known !== undefined) return known;
  let n = 1;
  for (const x of v instanceof ConfigDict ? v.entries.values() : v.items) n += nodeCount(x, memo);
  memo.set(v, n);
  return n;
}

/** A stack overflow while reading: the document nests deeper than any config does. */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

export function tooDeep(file: string | undefined, line?: number, column?: number): ConfigParseError {
  const where = line === undefined ? (file ?? "<yaml>") : `${file ?? "<yaml>"}:${line}:${column}`;
  return new ConfigParseError(`YAML nested too deeply at ${where}: mappings and sequences may nest at most ${MAX_YAML_DEPTH} levels.`, { file, line, column });
}
