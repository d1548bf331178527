/** Registers the built-in plugins once, through the public registry like any third-party plugin. */
import { basicSweeperPlugin } from "../sweep/basic.js";
import { basicLauncherPlugin } from "./basic.js";
import { BULLMQ_CONFIG_NODE, BULLMQ_LAUNCHER_TARGET } from "./bullmq/config.js";
import { deferredLauncherPlugin } from "./deferred.js";
import { LOCAL_LAUNCHER } from "./local-config.js";
import { registerLauncher, registerSweeper } from "./registry.js";

let registered = false;

export function registerBuiltinPlugins(): void {
  if (registered) return;
  registered = true;
  registerSweeper(basicSweeperPlugin);
  registerLauncher(basicLauncherPlugin);
  registerLauncher(deferredLauncherPlugin(LOCAL_LAUNCHER, async () => (await import("./local.js")).localLauncherPlugin));
  const bullmq = { name: "bullmq", target: BULLMQ_LAUNCHER_TARGET, configNode: { ...BULLMQ_CONFIG_NODE } };
  registerLauncher(deferredLauncherPlugin(bullmq, async () => (await import("./bullmq/index.js")).bullmqLauncherPlugin));
}
