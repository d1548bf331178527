/**
 * Where each object of a task's config sits in the whole config, so that `instantiate(cfg.model)` can
 * say `model.encoder` in an error although it was handed a plain object. Held weakly: nothing is
 * added to the user's objects.
 */
const keyPaths = new WeakMap<object, string>();

/** Records the dotted key of every object and array under `root` (`root` itself is `prefix`). */
export function rememberKeyPaths(root: unknown, prefix = ""): void {
  if (root === null || typeof root !== "object") return;
  keyPaths.set(root, prefix);
  // Descriptors, not values: a `???` key is a getter that throws when read, and must stay unread here.
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(root))) {
    if (!("value" in d) || !d.enumerable) continue;
    rememberKeyPaths(d.value, Array.isArray(root) ? `${prefix}[${k}]` : joinKey(prefix, k));
  }
}

export function keyPathOf(value: unknown): string {
  return value !== null && typeof value === "object" ? (keyPaths.get(value) ?? "") : "";
}

export function joinKey(prefix: string, key: string | number): string {
  if (typeof key === "number") return `${prefix}[${key}]`;
  return prefix === "" ? key : `${prefix}.${key}`;
}
