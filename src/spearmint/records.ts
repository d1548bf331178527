/**
 * What a branch run leaves behind: a JSON-safe record, written to pluggable sinks.
 * `JsonlSink` appends one line per run to `<dir>/<experiment>.jsonl`, which `readRecords` (and a
 * future `hydrant results` command) reads back.
 */
import { appendFile, mkdir, readFile, readdir, stat } from "node:fs/promises";
import { join } from "node:path";

/** Whether a run was of the main config (whose result the caller gets) or of a variant. */
export type BranchRole = "main" | "variant";

/** An error as recorded with a run: JSON-safe. */
export interface RecordedError {
  name: string;
  message: string;
  key?: string;
  stack?: string;
}

/** One recorded run of one config: arguments, result or error, timing (a line of the JSON Lines record). */
export interface RunRecord {
  experiment: string;
  configId: string;
  /** Position of the config in the expanded list (0 = main config). */
  configIndex: number;
  config: Record<string, unknown>;
  role: BranchRole;
  strategy: string;
  /** The call's arguments, shortened (long strings, big arrays, deep objects) and JSON-safe. */
  args: unknown[];
  status: "ok" | "error";
  result?: unknown;
  error?: RecordedError;
  durationMs: number;
  /** ISO 8601 timestamps. */
  startedAt: string;
  finishedAt: string;
}

/** Where run records go (a JSON Lines file, memory, or your own). */
export interface RecordSink {
  write(record: RunRecord): void | Promise<void>;
  flush?(): Promise<void>;
}

/** Keeps records in an array; handy in tests and notebooks. */
export class MemorySink implements RecordSink {
  readonly records: RunRecord[] = [];
  write(record: RunRecord): void {
    this.records.push(record);
  }
  clear(): void {
    this.records.length = 0;
  }
}

/** Appends JSON Lines to `<dir>/<experiment>.jsonl`; the directory is created on first write. */
export class JsonlSink implements RecordSink {
  #queue: Promise<void> = Promise.resolve();
  #madeDir = false;

  constructor(readonly dir: string) {}

  fileFor(experiment: string): string {
    return join(this.dir, `${experiment.replace(/[^\w.-]+/g, "_") || "experiment"}.jsonl`);
  }

  write(record: RunRecord): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    // Chained so lines land in call order and flush() can wait for all of them.
    const next = this.#queue.then(async () => {
      if (!this.#madeDir) {
        await mkdir(this.dir, { recursive: true });
        this.#madeDir = true;
      }
      await appendFile(this.fileFor(record.experiment), line, "utf8");
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  flush(): Promise<void> {
    return this.#queue;
  }
}

/** Records from a `.jsonl` file, or from every `.jsonl` file of a directory (sorted by name). */
export async function readRecords(path: string): Promise<RunRecord[]> {
  const files = (await stat(path)).isDirectory()
    ? (await readdir(path)).filter((f) => f.endsWith(".jsonl")).sort().map((f) => join(path, f))
    : [path];
  const records: RunRecord[] = [];
  for (const file of files) {
    const text = await readFile(file, "utf8");
    for (const line of text.split("\n")) if (line.trim()) records.push(JSON.parse(line) as RunRecord);
  }
  return records;
}

/** How much of a value a record keeps: longest string, most items, deepest nesting. */
export interface SummaryLimits {
  maxString: number;
  maxItems: number;
  maxDepth: number;
}

export const ARGS_LIMITS: SummaryLimits = { maxString: 200, maxItems: 20, maxDepth: 4 };
export const RESULT_LIMITS: SummaryLimits = { maxString: 10_000, maxItems: 1_000, maxDepth: 12 };

/** A JSON-safe copy of `value`, cut down to the limits (cycles, bigints, Maps... made printable). */
export function summarizeValue(value: unknown, limits: SummaryLimits = ARGS_LIMITS): unknown {
  return summarize(value, limits, 0, new Set());
}

function summarize(value: unknown, limits: SummaryLimits, depth: number, seen: Set<object>): unknown {
  if (typeof value === "string") {
    return value.length <= limits.maxString ? value : `${value.slice(0, limits.maxString)}…(+${value.length - limits.maxString} chars)`;
  }
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (value === undefined) return null;
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return `[Function ${value.name || "anonymous"}]`;
  if (typeof value === "symbol") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (seen.has(value)) return "[Circular]";
  if (depth >= limits.maxDepth) return Array.isArray(value) ? `[Array(${value.length})]` : "[Object]";
  seen.add(value);
  try {
    return summarizeContainer(value, limits, depth, seen);
  } finally {
    seen.delete(value);
  }
}

function summarizeContainer(value: object, limits: SummaryLimits, depth: number, seen: Set<object>): unknown {
  if (Array.isArray(value) || value instanceof Set) {
    const items = [...value];
    const out = items.slice(0, limits.maxItems).map((v) => summarize(v, limits, depth + 1, seen));
    if (items.length > limits.maxItems) out.push(`…(+${items.length - limits.maxItems} items)`);
    return out;
  }
  const entries = value instanceof Map ? [...value].map(([k, v]) => [String(k), v] as const) : Object.entries(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries.slice(0, limits.maxItems)) out[k] = summarize(v, limits, depth + 1, seen);
  if (entries.length > limits.maxItems) out["…"] = `+${entries.length - limits.maxItems} keys`;
  return out;
}

export function recordError(error: unknown): RecordedError {
  if (error instanceof Error) {
    const key = (error as { key?: unknown }).key;
    return {
      name: error.name,
      message: error.message,
      ...(typeof key === "string" ? { key } : {}),
      ...(error.stack ? { stack: error.stack } : {}),
    };
  }
  return { name: "NonError", message: String(error) };
}
