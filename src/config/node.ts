/**
 * The config tree: OmegaConf's DictConfig/ListConfig as two small classes over ordered storage.
 *
 * Values stay raw until read: a string containing `${...}` is an interpolation, the string `???` is a
 * missing mandatory value. Numbers are typed (float.ts): a bare number is a Python int, a ConfigFloat a
 * Python float. Dict entries are kept in insertion order under key ids (dict-key.ts: a string key is its
 * own id; int/float/bool keys keep their type), in a Map so that keys like "1" keep their YAML position
 * instead of jumping first as they would in a plain object.
 */
import { ConfigFloat, fromJsNumber } from "./float.js";
import { keyId, keyText } from "./dict-key.js";

export { ConfigFloat } from "./float.js";
/** A leaf value: a Python int is a bare number, a Python float a {@link ConfigFloat}. */
export type Scalar = string | number | ConfigFloat | boolean | null;
/** Any node of a config tree: a scalar, a {@link ConfigDict} or a {@link ConfigList}. */
export type ConfigValue = Scalar | ConfigDict | ConfigList;

/** Where a node came from, for error messages. Lines and columns are 1-based. */
export interface NodeSource {
  file?: string;
  line?: number;
  column?: number;
  /** Position of each key (dict) or item (list, by index as string) in the file. */
  positions?: Map<string, { line: number; column: number }>;
}

/** OmegaConf's mandatory-value marker `???`: a value that must be set (by an override) before it is read. */
export const MISSING = "???";

/** A config mapping (OmegaConf's DictConfig): insertion-ordered entries, and where it came from for error messages. */
export class ConfigDict {
  readonly entries: Map<string, ConfigValue>;
  source?: NodeSource;

  constructor(entries?: Iterable<readonly [string, ConfigValue]>, source?: NodeSource) {
    this.entries = new Map(entries);
    if (source) this.source = source;
  }

  get size(): number {
    return this.entries.size;
  }
  has(key: string): boolean {
    return this.entries.has(key);
  }
  get(key: string): ConfigValue | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: ConfigValue): void {
    this.entries.set(key, value);
  }
  delete(key: string): boolean {
    return this.entries.delete(key);
  }
  keys(): IterableIterator<string> {
    return this.entries.keys();
  }
}

/** A config sequence (OmegaConf's ListConfig), and where it came from for error messages. */
export class ConfigList {
  readonly items: ConfigValue[];
  source?: NodeSource;

  constructor(items: ConfigValue[] = [], source?: NodeSource) {
    this.items = items;
    if (source) this.source = source;
  }

  get length(): number {
    return this.items.length;
  }
}

export type ConfigContainer = ConfigDict | ConfigList;

/** Whether `v` is a config mapping. */
export function isDict(v: unknown): v is ConfigDict {
  return v instanceof ConfigDict;
}
/** Whether `v` is a config sequence. */
export function isList(v: unknown): v is ConfigList {
  return v instanceof ConfigList;
}
export function isContainer(v: unknown): v is ConfigContainer {
  return v instanceof ConfigDict || v instanceof ConfigList;
}
/** Whether `v` is the mandatory-value marker `???` ({@link MISSING}). */
export function isMissing(v: unknown): boolean {
  return v === MISSING;
}

/** A string OmegaConf would treat as an interpolation: it contains an unescaped `${`. */
export function isInterpolation(v: unknown): v is string {
  if (typeof v !== "string") return false;
  for (let i = v.indexOf("${"); i !== -1; i = v.indexOf("${", i + 1)) {
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && v[j] === "\\"; j--) backslashes++;
    if (backslashes % 2 === 0) return true;
  }
  return false;
}

/** Deep copy of the tree (scalars are immutable; sources are shared, they are read-only). */
export function cloneValue<T extends ConfigValue>(v: T): T {
  if (v instanceof ConfigDict) {
    const d = new ConfigDict(undefined, v.source);
    for (const [k, x] of v.entries) d.entries.set(k, cloneValue(x));
    return d as T;
  }
  if (v instanceof ConfigList) return new ConfigList(v.items.map(cloneValue), v.source) as T;
  return v;
}

/** Plain JSON-like data, unresolved: interpolations stay strings, numbers are plain JS numbers. */
export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

/** The tree as plain data for users, unresolved (interpolations stay `${…}` strings): floats unboxed, typed keys as Python's json.dumps writes them. */
export function toPlainUnresolved(v: ConfigValue): PlainValue {
  if (v instanceof ConfigDict) {
    const o: { [key: string]: PlainValue } = {};
    for (const [k, x] of v.entries) {
      const key = keyText(k);
      // A key named `__proto__` is data in a config; `o[key] = …` would set o's prototype instead.
      if (key === "__proto__") Object.defineProperty(o, key, { value: toPlainUnresolved(x), enumerable: true, writable: true, configurable: true });
      else o[key] = toPlainUnresolved(x);
    }
    return o;
  }
  if (v instanceof ConfigList) return v.items.map(toPlainUnresolved);
  if (v instanceof ConfigFloat) return v.value;
  return v;
}

/** A JS Map's key as a dict key id: numbers and booleans stay typed keys, anything else its string. */
function mapKeyId(k: unknown): string {
  if (typeof k === "number") return keyId(fromJsNumber(k));
  if (typeof k === "boolean" || typeof k === "string" || k instanceof ConfigFloat) return keyId(k);
  return String(k);
}

/** Build a tree from plain data (objects become dicts, arrays lists). */
export function fromPlain(v: unknown): ConfigValue {
  if (v instanceof ConfigDict || v instanceof ConfigList) return cloneValue(v);
  if (Array.isArray(v)) return new ConfigList(v.map(fromPlain));
  if (v instanceof Map) return new ConfigDict([...v].map(([k, x]) => [mapKeyId(k), fromPlain(x)] as const));
  if (v !== null && typeof v === "object" && !(v instanceof ConfigFloat)) {
    return new ConfigDict(Object.entries(v).map(([k, x]) => [keyId(k), fromPlain(x)] as const));
  }
  if (v === undefined) return null;
  if (typeof v === "number") return fromJsNumber(v);
  if (typeof v === "string" || typeof v === "boolean" || v === null || v instanceof ConfigFloat) return v;
  return String(v);
}
