export type { ExecuteOptions, JobOutcome, JobPlacement, LaunchContext, LaunchSink, Launcher, LauncherPlugin, PreparedJob, TaskRef } from "./types.js";
export { registerLauncher, registerSweeper, findLauncher, findSweeper, registeredLaunchers } from "./registry.js";
export { registerBuiltinPlugins } from "./builtins.js";
export { executeJob, expandPlaceholders } from "./executor.js";
export { encodeJob, decodeJob, type WireJob } from "./wire.js";
export { isWorkerProcess, serveJobs, WORKER_ENV } from "./worker.js";
export { runPool } from "./pool.js";
export { basicLauncherPlugin } from "./basic.js";
export { localLauncherPlugin, poolShape } from "./local.js";
