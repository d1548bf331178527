// A dead worker's job is retaken soon: the defaults are a few seconds (not BullMQ's 30 + 30), a sweep's
// hydra.launcher.lock_duration/stalled_interval or `hydrant worker --lock-duration/--stalled-interval`
// set them, and a live worker keeps its jobs under load. Real redis-server, real `hydrant worker`s.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigDict, fromPlain } from "../../../src/config/node.js";
import type { JobOutcome, LauncherEvent, PreparedJob } from "../../../src/core/launcher.js";
import type { TaskRef } from "../../../src/core/task.js";
import { executeJob } from "../../../src/job/executor.js";
import { bullmqLauncherPlugin } from "../../../src/launch/bullmq/plugin.js";
import { DEFAULT_TIMING } from "../../../src/launch/bullmq/timing.js";
import { RecordingSink } from "../../helpers/launch-sink.js";
import { redisSkipReason, type TestRedis } from "../../helpers/redis.js";
import { useRedis } from "../../helpers/redis-suite.js";

process.env.HYDRANT_QUEUE_SECRET ??= "test-secret-0123456789abcdef";
const CLI = path.resolve(import.meta.dirname, "../../../dist/cli.js");
const skip = redisSkipReason();

const procs: ChildProcess[] = [];

/** A `hydrant worker` process; resolves once it says it serves the queue. */
async function binWorker(redis: TestRedis, queue: string, flags: string[]): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [CLI, "worker", "--redis", redis.url, "--queue", queue, ...flags], { stdio: ["ignore", "ignore", "pipe"] });
  procs.push(proc);
  let err = "";
  await new Promise<void>((resolve, reject) => {
    proc.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
      if (/ready|serving jobs|waiting for jobs/i.test(err) && /concurrency/.test(err)) resolve();
    });
    proc.on("exit", (code) => reject(new Error(`hydrant worker exited (${code}): ${err}`)));
  });
  return proc;
}

const task: TaskRef = { kind: "command", argv: [process.execPath, "-e", "Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500)"] };

async function killedWorkerJob(redis: TestRedis, queue: string, flags: string[], sweepConfig: Record<string, unknown> = {}): Promise<{ outcome: JobOutcome | undefined; events: LauncherEvent[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-stall-"));
  const config = fromPlain({ x: 0, hydra: { sweep: { dir }, output_subdir: ".hydra", overrides: { task: ["x=0"] }, job: { chdir: null, env_set: {} } } }) as ConfigDict;
  const job: PreparedJob = { num: 0, overrides: ["x=0"], config, jobDir: path.join(dir, "0") };
  const doomed = await binWorker(redis, queue, flags);
  const sink = new RecordingSink();
  const started = sink.firstStart();
  const launcher = bullmqLauncherPlugin.create({ config: { ...bullmqLauncherPlugin.configNode, redis: redis.url, queue, ...sweepConfig }, task, execute: (j, o) => executeJob(j, task, o) });
  const launched = launcher.launch((async function* () { yield job; })(), sink);
  await started;
  doomed.kill("SIGKILL");
  await binWorker(redis, queue, flags);
  await launched;
  return { outcome: sink.outcomes.get(0), events: sink.events };
}

describe.skipIf(skip)("a dead queue worker's job", { timeout: 120_000 }, () => {
  let redis: TestRedis;
  useRedis((r) => (redis = r), procs);

  it("is back in the queue within 10 s by default (lock + one stalled check)", () => {
    expect(DEFAULT_TIMING.lockMs + DEFAULT_TIMING.stalledMs).toBeLessThanOrEqual(10_000);
  });

  it("is retaken by another `hydrant worker` (default timings)", async () => {
    const { outcome, events } = await killedWorkerJob(redis, "stall-default", []);
    expect(outcome).toMatchObject({ status: "completed", attempts: 2 });
    expect(events).toContainEqual(expect.objectContaining({ type: "job_retry", reason: expect.stringContaining("stalled") }));
  });

  it("`hydrant worker --lock-duration 1 --stalled-interval 0.5` sets them", async () => {
    const { outcome } = await killedWorkerJob(redis, "stall-flags", ["--lock-duration", "1", "--stalled-interval", "0.5"]);
    expect(outcome).toMatchObject({ status: "completed", attempts: 2 });
  });

  it("workers started without flags use the sweep's hydra.launcher.lock_duration/stalled_interval", async () => {
    const { outcome, events } = await killedWorkerJob(redis, "stall-sweep", [], { lock_duration: 1, stalled_interval: 0.5 });
    expect(outcome).toMatchObject({ status: "completed", attempts: 2 });
    expect(events).toContainEqual(expect.objectContaining({ type: "job_retry", reason: expect.stringContaining("stalled") }));
  });

  it("a live worker keeps its jobs under load: jobs outlasting the lock, more CPU-bound jobs than cores, none retaken", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-load-"));
    const burn: TaskRef = { kind: "command", argv: [process.execPath, "-e", `const end = Date.now() + ${DEFAULT_TIMING.lockMs + 2000}; while (Date.now() < end) Math.sqrt(Math.random());`] };
    const jobs: PreparedJob[] = Array.from({ length: os.availableParallelism() + 1 }, (_, num) => {
      const config = fromPlain({ x: num, hydra: { sweep: { dir }, output_subdir: ".hydra", overrides: { task: [`x=${num}`] }, job: { chdir: null, env_set: {} } } }) as ConfigDict;
      return { num, overrides: [`x=${num}`], config, jobDir: path.join(dir, String(num)) };
    });
    await binWorker(redis, "load", ["--concurrency", String(jobs.length)]);
    const sink = new RecordingSink();
    const launcher = bullmqLauncherPlugin.create({ config: { ...bullmqLauncherPlugin.configNode, redis: redis.url, queue: "load" }, task: burn, execute: (j, o) => executeJob(j, burn, o) });
    await launcher.launch((async function* () { yield* jobs; })(), sink);
    expect([...sink.outcomes.values()].map((o) => [o.status, o.attempts])).toEqual(jobs.map(() => ["completed", 1]));
    expect(sink.events.filter((e) => e.type === "job_retry")).toEqual([]);
  });

  it("refuses a time that is not a positive number of seconds", async () => {
    await expect(binWorker(redis, "stall-bad", ["--lock-duration", "0"])).rejects.toThrow(/--lock-duration must be a positive number of seconds/);
  });
});
