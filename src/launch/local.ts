/**
 * The local launcher: a pool of `n_jobs` jobs at once on this machine. Commands run as concurrent
 * child processes; function tasks run in forked workers of the `main()` script. With `gpus`, each
 * running job owns one GPU id through CUDA_VISIBLE_DEVICES (and concurrency is capped at their count).
 */
import os from "node:os";
import { LaunchError, UsageError } from "../errors.js";
import { LOCAL_LAUNCHER } from "./local-config.js";
import { runPool } from "./pool.js";
import type { LaunchContext, Launcher, LauncherPlugin } from "../core/launcher.js";
import { WorkerHandle } from "./local-worker.js";
import { forwardedSignal } from "../job/watchdog.js";

export const localLauncherPlugin: LauncherPlugin = {
  ...LOCAL_LAUNCHER,
  configNode: { ...LOCAL_LAUNCHER.configNode },
  create: (ctx) => createLocalLauncher(ctx),
};

export function poolShape(config: Record<string, unknown>): { slots: number; gpus?: string[] } {
  const gpus = Array.isArray(config.gpus) ? config.gpus.map(String) : undefined;
  if (config.gpus !== null && config.gpus !== undefined && !gpus) {
    throw new LaunchError(`hydra.launcher.gpus must be a list of GPU ids like [0,1], got ${JSON.stringify(config.gpus)}.`, { key: "hydra.launcher.gpus" });
  }
  const n = Number(config.n_jobs ?? -1);
  if (!Number.isInteger(n) || n === 0) throw new LaunchError(`hydra.launcher.n_jobs must be a positive integer or -1 (all CPUs), got ${String(config.n_jobs)}.`, { key: "hydra.launcher.n_jobs" });
  const wanted = n < 0 ? (gpus?.length ?? os.availableParallelism()) : n;
  if (gpus && gpus.length === 0) throw new LaunchError("hydra.launcher.gpus is an empty list: give at least one GPU id or null.", { key: "hydra.launcher.gpus" });
  return { slots: gpus ? Math.min(wanted, gpus.length) : wanted, gpus };
}

function createLocalLauncher(ctx: LaunchContext): Launcher {
  const { slots, gpus } = poolShape(ctx.config);
  const where = (slot: number) => ({ worker: slot, gpu: gpus?.[slot] });
  if (ctx.task.kind === "command") {
    return { launch: (jobs, sink) => runPool(jobs, slots, (job, slot) => ctx.execute(job, { gpu: gpus?.[slot], onOutput: ctx.onOutput }), sink, where) };
  }
  const entry = ctx.entry;
  if (!entry) {
    throw new UsageError("The local launcher runs function tasks in worker processes forked from a main() script; call it through main(), or use hydra/launcher=basic.", { key: "hydra/launcher" });
  }
  return {
    async launch(jobs, sink) {
      const workers: (WorkerHandle | undefined)[] = [];
      const workerFor = (slot: number) => {
        const w = workers[slot];
        if (w?.alive) return w;
        return (workers[slot] = new WorkerHandle(entry, ctx.onOutput));
      };
      // A stop reaches the jobs: workers get the signal hydrant got (a SIGTERM sent to hydrant alone too).
      const forward = () => {
        for (const w of workers) w?.signal(forwardedSignal(ctx.signal));
      };
      ctx.signal?.addEventListener("abort", forward, { once: true });
      try {
        await runPool(jobs, slots, (job, slot) => workerFor(slot).run(job, gpus?.[slot]), sink, where);
      } finally {
        ctx.signal?.removeEventListener("abort", forward);
        await Promise.all(workers.map((w) => w?.stop()));
      }
    },
  };
}
