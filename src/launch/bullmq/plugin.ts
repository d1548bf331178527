/**
 * `hydra/launcher=bullmq` as a launcher plugin. Nothing here imports bullmq at load time: the plugin
 * registry reaches this file lazily, and the launcher loads bullmq when a sweep needs it.
 */
import type { LauncherPlugin } from "../../core/launcher.js";
import { BULLMQ_LAUNCHER } from "./config.js";
import { createBullmqLauncher } from "./bullmq-launcher.js";

/** The bullmq launcher: puts a sweep's jobs on a BullMQ queue for `hydrant worker`s to run. */
export const bullmqLauncherPlugin: LauncherPlugin = {
  ...BULLMQ_LAUNCHER,
  configNode: { ...BULLMQ_LAUNCHER.configNode },
  create: (ctx) => createBullmqLauncher(ctx),
};
