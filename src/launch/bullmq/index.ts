/**
 * `hydrant/bullmq`: the other side of `hydra/launcher=bullmq` (sweeps on a BullMQ queue in Redis):
 * the worker that runs queued jobs on any machine sharing the code and the output dir, and the queue's
 * status. What `hydrant worker` and `hydrant queue status` run. Nothing here imports bullmq at load
 * time; it is loaded when a worker or a status needs it.
 */
export { runWorker, formatWorkerEvent, type RunWorkerOptions, type WorkerEvent, type WorkerSummary } from "./bullmq-worker.js";
export { queueStatus, formatQueueStatus, type QueueStatus, type QueueState, type QueueWorkerInfo } from "./status.js";
