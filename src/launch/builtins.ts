/** Registers the built-in plugins once, through the public registry like any third-party plugin. */
import { basicSweeperPlugin } from "../sweep/basic.js";
import { basicLauncherPlugin } from "./basic.js";
import { BULLMQ_LAUNCHER } from "./bullmq/config.js";
import { deferredLauncherPlugin } from "./deferred.js";
import { LOCAL_LAUNCHER } from "./local-config.js";
import { registerLauncher, registerSweeper } from "./registry.js";
import { SLURM_LAUNCHER } from "./slurm/config.js";

let registered = false;

export function registerBuiltinPlugins(): void {
  if (registered) return;
  registered = true;
  registerSweeper(basicSweeperPlugin);
  registerLauncher(basicLauncherPlugin);
  registerLauncher(deferredLauncherPlugin(LOCAL_LAUNCHER, async () => (await import("./local.js")).localLauncherPlugin));
  registerLauncher(deferredLauncherPlugin(BULLMQ_LAUNCHER, async () => (await import("./bullmq/index.js")).bullmqLauncherPlugin));
  registerLauncher(deferredLauncherPlugin(SLURM_LAUNCHER, async () => (await import("./slurm/index.js")).slurmLauncherPlugin));
}
