/** `hydrant worker` and `hydrant queue status`: thin wrappers over the BullMQ launcher's library API. */
export async function workerCommand(opts: { redis: string; queue: string; concurrency: number; lockDuration?: number; stalledInterval?: number }): Promise<number> {
  const { runWorker } = await import("../launch/bullmq/index.js");
  const controller = new AbortController();
  // SIGTERM/SIGINT: finish or release the current jobs, then exit (the library does the draining).
  const stop = () => controller.abort();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  process.stderr.write(`hydrant worker: serving queue '${opts.queue}' on ${opts.redis} (concurrency ${opts.concurrency})\n`);
  await runWorker({ ...opts, signal: controller.signal, onMessage: (m: string) => void process.stderr.write(`${m}\n`) });
  return 0;
}

export async function queueStatusCommand(opts: { redis: string; queue: string }): Promise<number> {
  const { queueStatus, formatQueueStatus } = await import("../launch/bullmq/index.js");
  process.stdout.write(formatQueueStatus(await queueStatus(opts)) + "\n");
  return 0;
}
