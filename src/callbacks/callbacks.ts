/**
 * The callbacks of a config (`hydra.callbacks`), as Hydra's `Callbacks`: each `_target_` built once
 * per process, in the config's order; the `…End` events in reverse order. A callback that throws is
 * reported (a warning on the `hydrant.callbacks` logger) and never changes the job's outcome.
 */
import type { ConfigDict } from "../config/node.js";
import { isDict, toPlainUnresolved } from "../config/node.js";
import { InstantiationError } from "../errors.js";
import { instantiate } from "../instantiate/instantiate.js";
import { rememberKeyPaths as rememberAt } from "../instantiate/key-paths.js";
import { getLogger } from "../logging/logger.js";
import { getPath } from "../config/path.js";
import { resolveJobPlain, resolvePath } from "../compose/helpers.js";
import { registerBuiltinCallbacks } from "./builtin-callbacks.js";
import type { Callback, CallbackConfig, CallbackEvent } from "./types.js";

const REVERSED = new Set<CallbackEvent>(["onRunEnd", "onMultirunEnd", "onJobEnd"]);

/** The callbacks of one `hydra.callbacks` node, in order. */
export class Callbacks {
  constructor(readonly instances: readonly Callback[]) {}

  get empty(): boolean {
    return this.instances.length === 0;
  }

  /** Calls `event` on every callback that has it, awaiting each; failures are reported, not thrown. */
  async notify<E extends CallbackEvent>(event: E, config: CallbackConfig, info: Parameters<NonNullable<Callback[E]>>[1]): Promise<void> {
    const order = REVERSED.has(event) ? [...this.instances].reverse() : this.instances;
    for (const cb of order) {
      const method = cb[event] as ((c: CallbackConfig, i: unknown) => unknown) | undefined;
      if (typeof method !== "function") continue;
      try {
        await method.call(cb, config, info);
      } catch (e) {
        const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        getLogger("hydrant.callbacks").warning(`Callback ${cb.constructor?.name ?? "callback"}.${event} raised ${what}`);
      }
    }
  }
}

const NONE = new Callbacks([]);
/** Per process, per `hydra.callbacks` node: "instantiated once", also across the jobs of a sweep. */
const built = new Map<string, Promise<Callbacks>>();

/**
 * The callbacks `hydra.callbacks` declares, built on first use. A `_target_` that does not resolve
 * is an error (the run does not start), never ignored.
 */
export function callbacksOf(cfg: ConfigDict): Promise<Callbacks> {
  const node = getPath(cfg, "hydra.callbacks");
  if (node === undefined || node === null || (isDict(node) && node.size === 0)) return Promise.resolve(NONE);
  const plain = toPlainUnresolved(resolvePath(cfg, "hydra.callbacks") ?? null);
  const key = JSON.stringify(plain);
  let entry = built.get(key);
  if (!entry) {
    entry = buildCallbacks(plain);
    built.set(key, entry);
    entry.catch(() => built.delete(key));
  }
  return entry;
}

async function buildCallbacks(plain: unknown): Promise<Callbacks> {
  registerBuiltinCallbacks();
  if (plain === null || typeof plain !== "object" || Array.isArray(plain)) throw new InstantiationError("'hydra.callbacks' must be a mapping of names to callback nodes (each with a _target_).", { key: "hydra.callbacks" });
  const instances: Callback[] = [];
  for (const [name, node] of Object.entries(plain)) {
    if (node === null) continue;
    const key = `hydra.callbacks.${name}`;
    if (typeof node !== "object" || !("_target_" in node)) throw new InstantiationError(`'${key}' has no _target_: a callback names its class with _target_ (e.g. ./callbacks.js:Summary).`, { key });
    instances.push(await instantiate<Callback>(withKeyPath(node, key)));
  }
  return new Callbacks(instances);
}

/** The node, re-rooted so that instantiate's errors say `hydra.callbacks.<name>`. */
function withKeyPath(node: object, key: string): object {
  const copy = { ...node };
  rememberAt(copy, key);
  return copy;
}

/**
 * What callbacks receive as `config`: the task config, resolved, with the `hydra` node resolved where
 * it resolves (a key that cannot, such as a sweep's `${hydra.job.num}` in a single run, stays as written).
 */
export function callbackConfig(cfg: ConfigDict): CallbackConfig {
  const out: CallbackConfig = resolveJobPlain(cfg);
  const hydra = getPath(cfg, "hydra");
  if (!isDict(hydra)) return out;
  const node: Record<string, unknown> = {};
  for (const key of hydra.entries.keys()) {
    try {
      node[key] = toPlainUnresolved(resolvePath(cfg, `hydra.${key}`) ?? null);
    } catch {
      node[key] = toPlainUnresolved(hydra.entries.get(key) ?? null);
    }
  }
  out.hydra = node;
  return out;
}
