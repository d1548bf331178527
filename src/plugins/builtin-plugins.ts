/**
 * The plugins hydrant ships: Hydra's basic sweeper and launcher, and the `local`, `bullmq` and `slurm`
 * launchers, whose code loads on their first launch. The registry registers them, once, before
 * anything else looks a plugin up or registers one (src/plugins/plugin-registry.ts).
 */
import type { LauncherPlugin } from "../core/launcher.js";
import type { SweeperPlugin } from "../core/sweeper.js";
import { basicLauncherPlugin } from "../launch/basic-launcher.js";
import { BULLMQ_LAUNCHER } from "../launch/bullmq/config.js";
import { LOCAL_LAUNCHER } from "../launch/local-config.js";
import { SLURM_LAUNCHER } from "../launch/slurm/config.js";
import { basicSweeperPlugin } from "../sweep/basic-sweeper.js";
import { deferredLauncherPlugin } from "./deferred.js";

export const BUILTIN_SWEEPERS: readonly SweeperPlugin[] = [basicSweeperPlugin];

export const BUILTIN_LAUNCHERS: readonly LauncherPlugin[] = [
  basicLauncherPlugin,
  deferredLauncherPlugin(LOCAL_LAUNCHER, async () => (await import("../launch/local.js")).localLauncherPlugin),
  deferredLauncherPlugin(BULLMQ_LAUNCHER, async () => (await import("../launch/bullmq/plugin.js")).bullmqLauncherPlugin),
  deferredLauncherPlugin(SLURM_LAUNCHER, async () => (await import("../launch/slurm/index.js")).slurmLauncherPlugin),
];
