/**
 * Targets registered by name: what `_target_: my_model` means when it names no module. Configs that
 * must not import arbitrary code are instantiated against this registry alone (`only: "registry"`).
 */

/** Anything a `_target_` may name: a class (constructed with `new`) or a function (called). */
export type Target = ((...args: never[]) => unknown) | (abstract new (...args: never[]) => unknown);

const targets = new Map<string, Target>();

/**
 * Makes `_target_: name` build with `fn` (a class or a function). Registering a name again replaces
 * the earlier target. A registered name wins over a module of the same spelling.
 */
export function registerTarget(name: string, fn: Target): void {
  if (typeof fn !== "function") throw new TypeError(`registerTarget('${name}', …) needs a class or a function.`);
  targets.set(name, fn);
}

/** Forgets a registered target (or every one, without a name); for tests and plugin unloading. */
export function clearTargets(name?: string): void {
  if (name === undefined) targets.clear();
  else targets.delete(name);
}

export function registeredTarget(name: string): Target | undefined {
  return targets.get(name);
}

export function registeredNames(): string[] {
  return [...targets.keys()];
}
