/**
 * Stable config ids: the same content gives the same id in every process and on every run, so
 * records written today can be joined with records written tomorrow. Key order never matters.
 */

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

/**
 * A 64-bit hash of the canonical JSON as 16 hex digits, ignoring any `__config_id__` the config
 * carries. 64 bits because 32 collided after about 10⁵ configs; among a million configs a collision
 * now has a chance of about 3·10⁻⁸. Computed in JS: sha1 through node:crypto cost 3 µs a config.
 */
export function computeConfigId(config: Readonly<Record<string, unknown>>): string {
  const { [CONFIG_ID_KEY]: _ignored, ...content } = config;
  return hash64(canonicalJson(content));
}

/** Two independently seeded 32-bit multiply-xorshift lanes over UTF-16 code units, each avalanched. */
function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex8(h2) + hex8(h1);
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** By table: Number#toString(16) took most of the time of an id. */
function hex8(n: number): string {
  return BYTE_HEX[(n >>> 24) & 255]! + BYTE_HEX[(n >>> 16) & 255]! + BYTE_HEX[(n >>> 8) & 255]! + BYTE_HEX[n & 255]!;
}

/** The id a config is known by: its own `__config_id__` if it gives one, else its content hash. */
export function configIdOf(config: Readonly<Record<string, unknown>>): string {
  const given = config[CONFIG_ID_KEY];
  return given === undefined || given === null ? computeConfigId(config) : String(given);
}
