/** The launcher and sweeper registries, with the built-in plugins registered on first use. */
export { registerLauncher, registerSweeper, findLauncher, findSweeper, registeredLaunchers, registerBuiltinPlugins } from "./plugin-registry.js";
export { deferredLauncherPlugin, type LauncherDescriptor } from "./deferred.js";
