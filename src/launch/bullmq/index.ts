/**
 * `hydra/launcher=bullmq`: sweeps on a BullMQ queue in Redis, run by `hydrant worker`s on any machine
 * sharing the code and the output dir. Nothing here imports bullmq at load time: the CLI and the
 * built-in plugin registry stay fast; bullmq is loaded when a sweep, a worker or a status needs it.
 */
import type { LauncherPlugin } from "../../core/launcher.js";
import { BULLMQ_LAUNCHER } from "./config.js";
import { createBullmqLauncher } from "./launcher.js";

export const bullmqLauncherPlugin: LauncherPlugin = {
  ...BULLMQ_LAUNCHER,
  configNode: { ...BULLMQ_LAUNCHER.configNode },
  create: (ctx) => createBullmqLauncher(ctx),
};

export { BULLMQ_LAUNCHER_TARGET, parseLauncherConfig, redisConnection, type BullmqLauncherConfig, type Backoff } from "./config.js";
export { queueJobId, type QueueJobData, type QueuedTask } from "./protocol.js";
export { runWorker, formatWorkerEvent, type RunWorkerOptions, type WorkerEvent, type WorkerSummary } from "./worker.js";
export { queueStatus, formatQueueStatus, type QueueStatus, type QueueState, type QueueWorkerInfo } from "./status.js";
