/**
 * Stable config ids: the same content gives the same id in every process and on every run, so
 * records written today can be joined with records written tomorrow. Key order never matters.
 */
import { createHash } from "node:crypto";

/** The key a config uses to name itself; when present, it is the config id. */
export const CONFIG_ID_KEY = "__config_id__";

/** JSON with object keys sorted, and non-JSON values (bigint, Date, Map, Set, NaN...) spelled out. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value, new Set()));
}

function canonicalize(value: unknown, seen: Set<object>): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "undefined") return null;
  if (typeof value === "function") return `[Function ${value.name || "anonymous"}]`;
  if (typeof value === "symbol") return value.toString();
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  try {
    return canonicalizeObject(value, seen);
  } finally {
    seen.delete(value);
  }
}

function canonicalizeObject(value: object, seen: Set<object>): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => canonicalize(v, seen));
  if (value instanceof Set) return { $set: [...value].map((v) => canonicalize(v, seen)) };
  if (value instanceof Map) return { $map: [...value].map((e) => canonicalize(e, seen)) };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = canonicalize(v, seen);
  }
  return out;
}

/** First 8 hex chars of sha1(canonical JSON), ignoring any `__config_id__` the config carries. */
export function computeConfigId(config: Readonly<Record<string, unknown>>): string {
  const { [CONFIG_ID_KEY]: _ignored, ...content } = config;
  return createHash("sha1").update(canonicalJson(content)).digest("hex").slice(0, 8);
}

/** The id a config is known by: its own `__config_id__` if it gives one, else its content hash. */
export function configIdOf(config: Readonly<Record<string, unknown>>): string {
  const given = config[CONFIG_ID_KEY];
  return given === undefined || given === null ? computeConfigId(config) : String(given);
}
