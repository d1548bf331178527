/**
 * Resolver registry and OmegaConf 2.2's built-in resolvers (`oc.env`, `oc.decode`, `oc.select`,
 * `oc.create`, `oc.deprecated`, `oc.dict.keys`, `oc.dict.values`).
 */
import { HydrantError } from "../../errors.js";
import { ConfigDict, ConfigList, fromPlain, isContainer, isDict, type ConfigValue } from "../node.js";
import { yamlLib } from "../yaml-lib.js";
import { formatPath } from "./keys.js";
import { pyStr } from "./pystr.js";
import type { RegisterResolverOptions, Resolver, ResolverContext } from "./types.js";

interface Registered {
  fn: Resolver;
  useCache: boolean;
}

/** A set of named resolvers (`${name:args}`), with OmegaConf's `oc.*` built-ins; pass one in {@link ResolveOptions} to keep resolvers apart from the global ones. */
export class ResolverRegistry {
  private readonly resolvers = new Map<string, Registered>();
  private readonly caches = new Map<string, Map<string, unknown>>();

  /** A registry starts with OmegaConf's built-in `oc.*` resolvers unless `builtins` is false. */
  constructor(options: { builtins?: boolean } = {}) {
    if (options.builtins !== false) registerBuiltins(this);
  }

  register(name: string, fn: Resolver, options: RegisterResolverOptions = {}): void {
    if (name === "") throw new HydrantError("A resolver name cannot be empty");
    if (this.resolvers.has(name) && !options.replace) {
      throw new HydrantError(`Resolver '${name}' is already registered (pass { replace: true } to replace it)`);
    }
    this.resolvers.set(name, { fn, useCache: options.useCache ?? false });
    this.caches.delete(name);
  }

  has(name: string): boolean {
    return this.resolvers.has(name);
  }

  /** Removes a resolver (built-ins included); returns whether it was registered. */
  clear(name: string): boolean {
    this.caches.delete(name);
    return this.resolvers.delete(name);
  }

  names(): string[] {
    return [...this.resolvers.keys()];
  }

  /** Forgets cached results of one resolver, or of all. */
  clearCache(name?: string): void {
    if (name === undefined) this.caches.clear();
    else this.caches.delete(name);
  }

  /** The resolver's callable, wrapped with its cache when registered with `useCache`. */
  lookup(name: string): Resolver | undefined {
    const entry = this.resolvers.get(name);
    if (!entry) return undefined;
    if (!entry.useCache) return entry.fn;
    return (args, ctx) => {
      let cache = this.caches.get(name);
      if (!cache) this.caches.set(name, (cache = new Map()));
      // Like OmegaConf, the key is the arguments' source text, not their values.
      const cacheKey = JSON.stringify(ctx.argTexts);
      if (cache.has(cacheKey)) return cache.get(cacheKey);
      const result = entry.fn(args, ctx);
      cache.set(cacheKey, result);
      return result;
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Built-ins

function arity(name: string, args: unknown[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    throw new Error(`${name} takes ${expected} argument(s) but ${args.length} were given`);
  }
}

function stringArg(name: string, value: unknown, what: string): string {
  if (typeof value !== "string") {
    throw new Error(`${name} requires a string as ${what}, but got ${pyStr(value)} (${typeof value})`);
  }
  return value;
}

const env: Resolver = (args) => {
  arity("oc.env", args, 1, 2);
  const name = stringArg("oc.env", args[0], "variable name");
  const value = process.env[name];
  if (value !== undefined) return value;
  if (args.length === 2) return args[1] === null ? null : pyStr(args[1]);
  throw new Error(`Environment variable '${name}' not found`);
};

const decode: Resolver = (args, ctx) => {
  arity("oc.decode", args, 1, 1);
  const [expr] = args;
  if (expr === null) return null;
  if (typeof expr !== "string") {
    throw new Error(`oc.decode can only take strings or null as input, but got ${pyStr(expr)} (${typeof expr})`);
  }
  return ctx.decode(expr);
};

const select: Resolver = (args, ctx) => {
  arity("oc.select", args, 1, 2);
  const key = stringArg("oc.select", args[0], "key");
  const found = ctx.select(key, args.length === 2 ? { default: args[1] } : {});
  return found === undefined ? null : found;
};

const create: Resolver = (args) => {
  arity("oc.create", args, 1, 1);
  const [obj] = args;
  if (obj === null || obj === undefined) return new ConfigDict();
  if (typeof obj === "string") return createFromYaml(obj);
  if (isContainer(obj) || Array.isArray(obj) || typeof obj === "object") return fromPlain(obj);
  throw new Error(`oc.create cannot create a config from ${pyStr(obj)} (${typeof obj})`);
};

/** OmegaConf.create(str): the text is YAML; empty gives {}, a bare string `s` gives {s: null}. */
function createFromYaml(text: string): ConfigValue {
  const loaded: unknown = yamlLib().parse(text, { version: "1.1" });
  if (loaded === null || loaded === undefined) return new ConfigDict();
  if (typeof loaded === "string") return new ConfigDict([[loaded, null]]);
  if (typeof loaded === "object") return fromPlain(loaded);
  throw new Error(`oc.create: '${text}' is not a mapping or a sequence`);
}

/** Full key of `key` as oc.select would find it from the context (for messages). */
function absoluteKey(key: string, ctx: ResolverContext): string {
  const dots = /^\.*/.exec(key)?.[0].length ?? 0;
  if (dots === 0) return key;
  const base = ctx.path.slice(0, Math.max(0, ctx.path.length - dots));
  const rest = key.slice(dots);
  const prefix = formatPath(base);
  return prefix === "" ? rest : `${prefix}.${rest}`;
}

const deprecated: Resolver = (args, ctx) => {
  arity("oc.deprecated", args, 1, 2);
  const key = stringArg("oc.deprecated", args[0], "interpolation key");
  const template =
    args.length === 2
      ? stringArg("oc.deprecated", args[1], "message")
      : "'$OLD_KEY' is deprecated. Change your code and config to use '$NEW_KEY'";
  const oldKey = formatPath(ctx.path);
  const target = ctx.select(key);
  if (target === undefined) throw new Error(`In oc.deprecated resolver at '${oldKey}': Key not found: '${key}'`);
  ctx.warn(template.replaceAll("$OLD_KEY", oldKey).replaceAll("$NEW_KEY", absoluteKey(key, ctx)));
  return target;
};

function dictInput(name: string, args: unknown[], ctx: ResolverContext): { key: string; dict: ConfigDict } {
  arity(name, args, 1, 1);
  const key = stringArg(name, args[0], "input");
  const dict = ctx.select(key, { throwOnMissing: true });
  if (dict === undefined) throw new Error(`Key not found: '${key}'`);
  if (!isDict(dict)) {
    throw new Error(`${name} cannot be applied to objects of type: ${dict instanceof ConfigList ? "ListConfig" : typeof dict}`);
  }
  return { key, dict };
}

const dictKeys: Resolver = (args, ctx) => new ConfigList([...dictInput("oc.dict.keys", args, ctx).dict.keys()]);

/**
 * Values are interpolations to the dict's entries, so they stay live. The list sits one level below
 * the key being resolved, hence the extra dot on relative keys.
 */
const dictValues: Resolver = (args, ctx) => {
  const { key, dict } = dictInput("oc.dict.values", args, ctx);
  const base = key.startsWith(".") ? `.${key}` : key;
  return new ConfigList([...dict.keys()].map((k) => `\${${base}.${k}}`));
};

/** Resolvers that receive arguments as the grammar types them (floats boxed): hydrant's own. */
const typedArgResolvers = new WeakSet<Resolver>();

/** Marks an internal resolver as taking typed arguments (ConfigFloat for floats) instead of plain numbers. */
export function withTypedArgs(fn: Resolver): Resolver {
  typedArgResolvers.add(fn);
  return fn;
}

export function takesTypedArgs(fn: Resolver): boolean {
  return typedArgResolvers.has(fn);
}

function registerBuiltins(registry: ResolverRegistry): void {
  for (const fn of [env, decode, select, create, deprecated, dictKeys, dictValues]) withTypedArgs(fn);
  registry.register("oc.env", env);
  registry.register("oc.decode", decode);
  registry.register("oc.select", select);
  registry.register("oc.create", create);
  registry.register("oc.deprecated", deprecated);
  registry.register("oc.dict.keys", dictKeys);
  registry.register("oc.dict.values", dictValues);
}

// Created last: the built-ins above must be initialized before the registry registers them.
/** The registry used when ResolveOptions.resolvers is not given. */
export const globalResolvers = new ResolverRegistry();

/** Registers a resolver for `${name:arg,…}` interpolations in the global registry (OmegaConf's `register_new_resolver`). Fails if the name is taken unless `options.replace`. */
export function registerResolver(name: string, fn: Resolver, options?: RegisterResolverOptions): void {
  globalResolvers.register(name, fn, options);
}

/** Whether the global registry has a resolver of this name. */
export function hasResolver(name: string): boolean {
  return globalResolvers.has(name);
}

/** Removes a resolver from the global registry; false when there was none. */
export function clearResolver(name: string): boolean {
  return globalResolvers.clear(name);
}
