/**
 * A launcher plugin whose implementation is loaded on its first launch. Registering a plugin puts its
 * config node in the `hydra/launcher` group, which every compose needs; its code (process pools,
 * Redis clients) only a sweep that picked it does. Third-party plugins can register the same way.
 */
import type { LauncherPlugin } from "../core/launcher.js";

export type LauncherDescriptor = Pick<LauncherPlugin, "name" | "target" | "configNode" | "detachable">;

export function deferredLauncherPlugin(descriptor: LauncherDescriptor, load: () => Promise<LauncherPlugin>): LauncherPlugin {
  return {
    ...descriptor,
    create: (ctx) => ({
      launch: async (jobs, sink) => (await load()).create(ctx).launch(jobs, sink),
    }),
  };
}
