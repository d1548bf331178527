/**
 * Calling a target the way JavaScript code would: Hydra's `Target(*args, **kwargs)` becomes
 * `new Target(...args, kwargs)` for a class and `target(...args, kwargs)` for a function, the keyword
 * arguments as one trailing options object (left out when there are none).
 */
import type { Target } from "./target-registry.js";

type Callable = (...args: unknown[]) => unknown;
type Constructible = new (...args: unknown[]) => unknown;

export function callTarget(target: Target, args: unknown[], kwargs: Record<string, unknown>): unknown {
  const all = Object.keys(kwargs).length > 0 ? [...args, kwargs] : args;
  if (isClass(target)) return new (target as Constructible)(...all);
  try {
    return (target as Callable)(...all);
  } catch (e) {
    // Built-in constructors (Map, Date, URL) are not `class` syntax but refuse a plain call.
    if (e instanceof TypeError && /without 'new'|requires 'new'/.test(e.message)) return new (target as Constructible)(...all);
    throw e;
  }
}

/**
 * `_partial_: true`: the target with its arguments bound. Later positional arguments come after the
 * bound ones; a trailing plain object is merged into the keyword object (call-time keys win), as
 * `functools.partial` merges keyword arguments.
 */
export function bindTarget(target: Target, args: unknown[], kwargs: Record<string, unknown>): (...more: unknown[]) => unknown {
  return (...more: unknown[]) => {
    const last = more[more.length - 1];
    if (isPlainObject(last)) return callTarget(target, [...args, ...more.slice(0, -1)], { ...kwargs, ...last });
    return callTarget(target, [...args, ...more], kwargs);
  };
}

function isClass(fn: Target): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

/** An object literal (or null-prototype object), as opposed to a class instance, array or function. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
