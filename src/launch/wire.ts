/**
 * Jobs as plain, structured-clone-safe data, for IPC (`serialization: "advanced"`) or a queue. Dicts
 * travel as entry arrays so key order (including numeric-looking keys) survives; floats travel as `{f: n}`
 * (a class instance would arrive as a plain object), so `1.0` stays a float in the worker.
 */
import { ConfigDict, ConfigFloat, ConfigList, type ConfigValue } from "../config/node.js";
import type { PreparedJob } from "../core/launcher.js";

export type WireValue = string | number | boolean | null | { f: number } | { d: [string, WireValue][] } | { l: WireValue[] };

export interface WireJob {
  num?: number;
  overrides: string[];
  jobDir: string;
  config: WireValue;
}

export function encodeValue(v: ConfigValue): WireValue {
  if (v instanceof ConfigDict) return { d: [...v.entries].map(([k, x]) => [k, encodeValue(x)]) };
  if (v instanceof ConfigList) return { l: v.items.map(encodeValue) };
  if (v instanceof ConfigFloat) return { f: v.value };
  return v;
}

export function decodeValue(w: WireValue): ConfigValue {
  if (w !== null && typeof w === "object") {
    if ("d" in w) return new ConfigDict(w.d.map(([k, x]) => [k, decodeValue(x)] as const));
    if ("f" in w) return new ConfigFloat(w.f);
    return new ConfigList(w.l.map(decodeValue));
  }
  return w;
}

export function encodeJob(job: PreparedJob): WireJob {
  return { num: job.num, overrides: job.overrides, jobDir: job.jobDir, config: encodeValue(job.config) };
}

export function decodeJob(w: WireJob): PreparedJob {
  const config = decodeValue(w.config);
  if (!(config instanceof ConfigDict)) throw new TypeError("a wire job's config must be a dict");
  return { num: w.num, overrides: w.overrides, jobDir: w.jobDir, config };
}

/** A result that can cross a process boundary: structured-clone it, else its string form. */
export function cloneableResult(v: unknown): unknown {
  try {
    return structuredClone(v);
  } catch {
    return String(v);
  }
}
