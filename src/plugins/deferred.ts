/**
 * A launcher plugin whose implementation is loaded on its first launch. Registering a plugin puts its
 * config node in the `hydra/launcher` group, which every compose needs; its code (process pools,
 * Redis clients) only a sweep that picked it does. Third-party plugins can register the same way.
 */
import type { LauncherPlugin } from "../core/launcher.js";

/** What registering a launcher needs without loading its code: name, `_target_`, config node (and whether it can detach). */
export type LauncherDescriptor = Pick<LauncherPlugin, "name" | "target" | "configNode" | "detachable">;

/** A launcher plugin whose code is loaded by `load` on first use only, so registering it costs nothing at start-up. */
export function deferredLauncherPlugin(descriptor: LauncherDescriptor, load: () => Promise<LauncherPlugin>): LauncherPlugin {
  return {
    ...descriptor,
    create: (ctx) => ({
      launch: async (jobs, sink) => (await load()).create(ctx).launch(jobs, sink),
    }),
  };
}
