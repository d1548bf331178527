/**
 * `Config`: the read-only view of one expanded config that an experiment function receives.
 * Top-level keys are properties (`config.model`) and dotted paths go through `get("llm.model")`.
 */
import { ConfigKeyError } from "../errors.js";
import { CONFIG_ID_KEY, configIdOf } from "../dynamic/config-id.js";
import { cloneStatic, isPlainObject } from "../dynamic/space.js";

/** The type at a dotted path of T, or `unknown` where T does not say. */
export type PathValue<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? PathValue<T[Head], Rest>
    : unknown
  : P extends keyof T
    ? T[P]
    : unknown;

/**
 * What every config offers besides its keys. A type alias, not an interface: alias object types are
 * assignable to index signatures, so a `Config<{ model: string }>` passes where a plain `Config` is asked.
 */
export type ConfigAccess<T> = {
  /** `__config_id__` if the config gives one, else the hash of its content. */
  readonly configId: string;
  /** Position of this config in the expanded list (0 is the main config). */
  readonly index: number;
  /** The value at a dotted path (`"llm.model"`, `"layers.0"`), or undefined when absent. */
  get<P extends string>(path: P): PathValue<T, P> | undefined;
  /** Like `get`, but a missing path is a ConfigKeyError naming the path. */
  require<P extends string>(path: P): PathValue<T, P>;
  has(path: string): boolean;
  /** A deep, mutable copy of the config, `__config_id__` included. */
  toObject(): T & { [CONFIG_ID_KEY]: string };
  toJSON(): T & { [CONFIG_ID_KEY]: string };
  /** The whole config as a read-only plain object, `__config_id__` included (Python Spearmint's `config.root`). */
  readonly root: Readonly<T> & { readonly [CONFIG_ID_KEY]: string };
};

/** One expanded config as a Spearmint function receives it: its keys, read-only, plus {@link ConfigAccess}. */
export type Config<T = Record<string, unknown>> = ConfigAccess<T> & Readonly<T>;

const MISSING: unique symbol = Symbol("missing");
const RESERVED = new Set(["configId", "index", "root", "get", "require", "has", "toObject", "toJSON"]);

class ConfigView {
  readonly #data: Record<string, unknown>;
  readonly #id: string;
  readonly #index: number;

  // Plain assignments then one freeze: defining each property with a descriptor made building a
  // million configs take seconds.
  constructor(data: Record<string, unknown>, index: number) {
    this.#data = deepFreeze(cloneStatic(data) as Record<string, unknown>);
    this.#id = configIdOf(this.#data);
    this.#index = index;
    const self = this as unknown as Record<string, unknown>;
    // A key named like a method stays reachable through get(); it must not hide the method.
    for (const key of Object.keys(this.#data)) if (!RESERVED.has(key)) self[key] = this.#data[key];
    Object.freeze(this);
  }

  get configId(): string {
    return this.#id;
  }

  get index(): number {
    return this.#index;
  }

  get root(): Record<string, unknown> {
    return this.#data;
  }

  get(path: string): unknown {
    const v = lookup(this.#data, path);
    return v === MISSING ? undefined : v;
  }

  require(path: string): unknown {
    const v = lookup(this.#data, path);
    if (v === MISSING) {
      throw new ConfigKeyError(`Config ${this.configId} has no key '${path}'`, { key: path });
    }
    return v;
  }

  has(path: string): boolean {
    return lookup(this.#data, path) !== MISSING;
  }

  toObject(): Record<string, unknown> {
    return cloneStatic(this.#data) as Record<string, unknown>;
  }

  toJSON(): Record<string, unknown> {
    return this.toObject();
  }
}

function lookup(data: unknown, path: string): unknown {
  let node: unknown = data;
  for (const part of path.split(".")) {
    if (Array.isArray(node) && /^\d+$/.test(part) && Number(part) < node.length) node = node[Number(part)];
    else if (isPlainObject(node) && Object.hasOwn(node, part)) node = node[part];
    else return MISSING;
  }
  return node;
}

function deepFreeze<T>(value: T): T {
  if (Array.isArray(value) || isPlainObject(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Wraps an expanded config (it should carry `__config_id__`; a missing one is computed). */
export function makeConfig<T>(data: Readonly<Record<string, unknown>>, index = 0): Config<T> {
  const withId = data[CONFIG_ID_KEY] === undefined ? { ...data, [CONFIG_ID_KEY]: configIdOf(data) } : data;
  return new ConfigView(withId as Record<string, unknown>, index) as unknown as Config<T>;
}

/** Whether `value` is a Spearmint {@link Config}. */
export function isConfig(value: unknown): value is Config {
  return value instanceof ConfigView;
}
