export { encodeJob, decodeJob, type WireJob } from "./wire.js";
export { isWorkerProcess, serveJobs, WORKER_ENV } from "./local-worker.js";
export { runPool } from "./pool.js";
export { basicLauncherPlugin } from "./basic-launcher.js";
export { localLauncherPlugin, poolShape } from "./local.js";
