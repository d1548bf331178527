// The BullMQ launcher against a real redis-server, with workers (and a launcher) as real processes.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ConfigDict, fromPlain } from "../../../src/config/node.js";
import { LaunchError } from "../../../src/errors.js";
import { parseLauncherConfig } from "../../../src/launch/bullmq/config.js";
import { formatQueueStatus, queueStatus, type WorkerEvent } from "../../../src/launch/bullmq/index.js";
import { bullmqLauncherPlugin } from "../../../src/launch/bullmq/plugin.js";
import { queueJobId } from "../../../src/launch/bullmq/protocol.js";
import { executeJob } from "../../../src/job/executor.js";
import type { PreparedJob } from "../../../src/core/launcher.js";
import type { TaskRef } from "../../../src/core/task.js";
import { queueSecret, signatureProblem, signJob } from "../../../src/launch/bullmq/signing.js";
import { readManifest } from "../../../src/runs/manifest.js";
import { RecordingSink } from "../../helpers/launch-sink.js";
import { redisSkipReason, startRedis, type TestRedis } from "../../helpers/redis.js";

// Jobs are signed with a secret the launcher and the workers (child processes) share.
process.env.HYDRANT_QUEUE_SECRET ??= "test-secret-0123456789abcdef";
const FIXTURES = path.join(import.meta.dirname, "fixtures");
const skip = redisSkipReason();
if (skip) console.warn(skip);

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "hydrant-bullmq-"));
const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : []);

function job(sweepDir: string, num: number): PreparedJob {
  const config = fromPlain({ x: num, hydra: { sweep: { dir: sweepDir }, output_subdir: ".hydra", overrides: { task: [`x=${num}`] }, job: { chdir: null, env_set: {} } } }) as ConfigDict;
  return { num, overrides: [`x=${num}`], config, jobDir: path.join(sweepDir, String(num)) };
}

async function* stream(jobs: PreparedJob[]): AsyncGenerator<PreparedJob> {
  yield* jobs;
}

/** A command task in node: `body` sees `num` (the job number) and `fs`. */
const nodeTask = (body: string): TaskRef => ({ kind: "command", argv: [process.execPath, "-e", `const fs = require("fs"); const num = Number(process.argv[1]); ${body}`, "{job_num}"] });
const appendRun = (log: string) => `fs.appendFileSync(${JSON.stringify(log)}, num + " " + process.ppid + "\\n");`;
const sleep = (ms: number) => `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});`;

interface WorkerProc {
  name: string;
  proc: ChildProcess;
  events: WorkerEvent[];
  ready: Promise<void>;
  exited: Promise<number | null>;
}

const procs: ChildProcess[] = [];

function spawnTs(script: string, args: string[], onLine: (line: string) => void, env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const proc = spawn(process.execPath, ["--import", "tsx", path.join(FIXTURES, script), ...args], { stdio: ["ignore", "pipe", "inherit"], env });
  procs.push(proc);
  let buf = "";
  proc.stdout?.on("data", (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split("\n");
    buf = parts.pop() as string;
    for (const l of parts) if (l.trim()) onLine(l);
  });
  return proc;
}

function startWorker(redis: TestRedis, queue: string, name: string, concurrency = 1, graceMs = 5000, env: NodeJS.ProcessEnv = process.env): WorkerProc {
  const events: WorkerEvent[] = [];
  let ready = (): void => {};
  const readyP = new Promise<void>((r) => (ready = r));
  const proc = spawnTs("worker-proc.ts", [redis.url, queue, String(concurrency), name, String(graceMs)], (l) => {
    const e = JSON.parse(l) as WorkerEvent;
    events.push(e);
    if (e.type === "worker_ready") ready();
  }, env);
  const exited = new Promise<number | null>((r) => proc.on("exit", (code) => r(code)));
  return { name, proc, events, ready: readyP, exited };
}

async function stopWorker(w: WorkerProc): Promise<number | null> {
  w.proc.kill("SIGTERM");
  return w.exited;
}

const launcher = (redis: TestRedis, queue: string, task: TaskRef, extra: Record<string, unknown> = {}, entry?: { script: string; execArgv: string[] }) =>
  bullmqLauncherPlugin.create({ config: { ...bullmqLauncherPlugin.configNode, redis: redis.url, queue, ...extra }, task, execute: (j, o) => executeJob(j, task, o), entry });

afterEach(() => {
  for (const p of procs.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
});

describe("bullmq launcher config", () => {
  it("reads the options and rejects bad ones with the key named", () => {
    const c = parseLauncherConfig({ redis: "redis://u:pw@h:7000/2", queue: "q", attempts: 3, backoff: { type: "exponential", delay: 0.5 }, timeout: 2, priority: 4 });
    expect(c).toMatchObject({ redis: "redis://u:pw@h:7000/2", queue: "q", attempts: 3, backoff: { type: "exponential", delay: 500 }, timeoutMs: 2000, priority: 4, maxQueued: 1000 });
    expect(parseLauncherConfig({ backoff: 2 }).backoff).toEqual({ type: "fixed", delay: 2000 });
    expect(() => parseLauncherConfig({ redis: "http://x" })).toThrow(/hydra.launcher.redis.*redis:\/\/HOST:PORT/);
    expect(() => parseLauncherConfig({ queue: "a:b" })).toThrow(LaunchError);
    expect(() => parseLauncherConfig({ attempts: 0 })).toThrow(/hydra.launcher.attempts must be an integer >= 1/);
    expect(() => parseLauncherConfig({ backoff: "soon" })).toThrow(/hydra.launcher.backoff/);
  });

  it("derives the same job id for the same sweep dir and job", () => {
    expect(queueJobId("/a/sweep", 3)).toBe(queueJobId("/a/sweep", 3));
    expect(queueJobId("/a/sweep", 3)).not.toBe(queueJobId("/b/sweep", 3));
    expect(queueJobId("/a/sweep", 3)).not.toContain(":");
  });
});

describe.skipIf(skip !== undefined)("bullmq launcher on a real redis-server", { timeout: 120_000 }, () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("runs a sweep across two worker processes, every job once, commands and main() functions", async () => {
    const dir = tmp();
    const log = path.join(dir, "runs.log");
    const workers = [startWorker(redis, "two", "w-a"), startWorker(redis, "two", "w-b")];
    await Promise.all(workers.map((w) => w.ready));
    const status = await queueStatus({ redis: redis.url, queue: "two" });
    expect(status.workers.map((w) => w.name).sort()).toEqual(["w-a", "w-b"]);
    expect(formatQueueStatus(status)).toContain("2 workers:");

    const sink = new RecordingSink();
    const jobs = Array.from({ length: 8 }, (_, i) => job(path.join(dir, "cmd"), i));
    await launcher(redis, "two", nodeTask(`${sleep(150)} ${appendRun(log)} fs.writeFileSync(process.env.HYDRANT_RESULT, JSON.stringify({ sq: num * num }));`)).launch(stream(jobs), sink);
    const runs = lines(log).map((l) => l.split(" "));
    expect(runs.map((r) => Number(r[0])).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Both workers ran jobs (a job's parent is its exit-recording wrapper, so count hosts, not ppids).
    expect(new Set([...sink.outcomes.values()].map((o) => o.host)).size).toBe(2);
    for (let i = 0; i < 8; i++) expect(sink.outcomes.get(i)).toMatchObject({ status: "completed", exitCode: 0, result: { sq: i * i }, attempts: 1, host: expect.stringMatching(/^w-[ab]$/) });
    expect(sink.events.at(-1)).toEqual({ type: "launcher_progress", launcher: "bullmq", queued: 0, running: 0, done: 8, failed: 0, retried: 0 });

    const fnSink = new RecordingSink();
    const entry = { script: path.join(FIXTURES, "app.ts"), execArgv: ["--import", "tsx"] };
    const fnTask: TaskRef = { kind: "function", fn: () => "never called in this process" };
    await launcher(redis, "two", fnTask, {}, entry).launch(stream([job(path.join(dir, "fn"), 0), job(path.join(dir, "fn"), 1)]), fnSink);
    expect(fnSink.outcomes.get(1)).toMatchObject({ status: "completed", result: { doubled: 2 } });
    expect((fnSink.outcomes.get(0)?.result as { pid: number } | undefined)?.pid).not.toBe(process.pid);
    expect(existsSync(path.join(dir, "fn/1/.hydra/config.yaml"))).toBe(true);

    expect(await Promise.all(workers.map(stopWorker))).toEqual([0, 0]);
    expect(workers[0].events.at(-1)?.type).toBe("worker_stopped");
  });

  it("does not lose the job of a worker killed with SIGKILL: another worker takes it over", async () => {
    const dir = tmp();
    const log = path.join(dir, "runs.log");
    const doomed = startWorker(redis, "kill", "w-doomed");
    await doomed.ready;
    const sink = new RecordingSink();
    const started = sink.firstStart();
    const launched = launcher(redis, "kill", nodeTask(`${sleep(1500)} ${appendRun(log)}`)).launch(stream([job(dir, 0)]), sink);
    await started;
    doomed.proc.kill("SIGKILL");
    await doomed.exited;
    const rescuer = startWorker(redis, "kill", "w-rescuer");
    await launched;
    expect(sink.outcomes.get(0)).toMatchObject({ status: "completed", host: "w-rescuer", attempts: 2 });
    expect(sink.starts).toEqual([0]);
    expect(sink.events).toContainEqual(expect.objectContaining({ type: "job_retry", num: 0, reason: expect.stringContaining("stalled") }));
    await stopWorker(rescuer);
  });

  it("on SIGTERM a worker hands back a job it cannot finish within its grace period", async () => {
    const dir = tmp();
    const leaving = startWorker(redis, "term", "w-leaving", 1, 200);
    await leaving.ready;
    const sink = new RecordingSink();
    const started = sink.firstStart();
    const launched = launcher(redis, "term", nodeTask(sleep(1500))).launch(stream([job(dir, 0)]), sink);
    await started;
    expect(await stopWorker(leaving)).toBe(0);
    expect(leaving.events).toContainEqual(expect.objectContaining({ type: "job_end", num: 0, status: "released" }));
    const taker = startWorker(redis, "term", "w-taker");
    await launched;
    expect(sink.outcomes.get(0)).toMatchObject({ status: "completed", host: "w-taker" });
    expect(sink.events).toContainEqual(expect.objectContaining({ type: "job_retry", num: 0, reason: "handed back by its worker" }));
    await stopWorker(taker);
  });

  it("retries a failing job up to `attempts`, then records it as failed without stopping the sweep", async () => {
    const dir = tmp();
    const w = startWorker(redis, "retry", "w-r", 2);
    await w.ready;
    const sink = new RecordingSink();
    const flaky = path.join(dir, "flaky-marker");
    const body = `
      if (num === 0) { console.error("boom " + num); process.exit(3); }
      if (num === 1 && !fs.existsSync(${JSON.stringify(flaky)})) { fs.writeFileSync(${JSON.stringify(flaky)}, ""); process.exit(1); }`;
    await launcher(redis, "retry", nodeTask(body), { attempts: 3, backoff: 0.05 }).launch(stream([0, 1, 2].map((n) => job(dir, n))), sink);
    const failed = sink.outcomes.get(0);
    expect(failed).toMatchObject({ status: "failed", exitCode: 3, attempts: 3, host: "w-r" });
    expect(failed?.error).toMatch(/exited with code 3[\s\S]*last output[\s\S]*boom 0/);
    expect(sink.outcomes.get(1)).toMatchObject({ status: "completed", attempts: 2 });
    expect(sink.outcomes.get(2)).toMatchObject({ status: "completed", attempts: 1 });
    expect(sink.events.filter((e) => e.type === "job_retry").map((e) => (e as { num: number }).num).sort()).toEqual([0, 0, 1]);
    expect(sink.events.at(-1)).toMatchObject({ type: "launcher_progress", done: 2, failed: 1, retried: 3 });

    const slow = new RecordingSink();
    await launcher(redis, "retry", nodeTask(sleep(5000)), { timeout: 0.3 }).launch(stream([job(path.join(dir, "t"), 0)]), slow);
    expect(slow.outcomes.get(0)).toMatchObject({ status: "failed", attempts: 1, error: expect.stringContaining("timed out after 0.3s") });
    await stopWorker(w);
  });

  // `${now:…}` in the sweep dir: the launcher, resolving it later, must still derive the sweep's job ids.
  it.each([["a fixed dir", "sweep"], ["a dir with ${now:…}", "sweep-${now:%H-%M-%S-%f}"]])("resumes a killed launcher (%s): re-attaches to the queue and the manifest, runs no completed job again", async (_, sweepName) => {
    const dir = tmp();
    const log = path.join(dir, "runs.log");
    const queue = `resume-${sweepName.length}`;
    const w = startWorker(redis, queue, "w-res");
    await w.ready;
    const command = nodeTask(`${sleep(300)} ${appendRun(log)}`);
    if (command.kind !== "command") throw new Error("unreachable");
    const overrides = ["hydra/launcher=bullmq", `hydra.launcher.redis=${redis.url}`, `hydra.launcher.queue=${queue}`, "hydra.launcher.max_queued=2", `hydra.sweep.dir=${path.join(dir, sweepName)}`, "x=range(0,8)"];
    const first = spawnTs("sweep-proc.ts", ["run", JSON.stringify(command.argv), ...overrides], () => {});
    const sweepDirNow = () => readdirSync(dir).filter((f) => f.startsWith("sweep")).map((f) => path.join(dir, f))[0];
    await until(() => existsSync(path.join(sweepDirNow() ?? dir, "experiment.json")) && readManifest(sweepDirNow() as string).jobs.filter((j) => j.status === "completed").length >= 2);
    const sweepDir = sweepDirNow() as string;
    first.kill("SIGKILL");
    await new Promise((r) => first.on("exit", r));
    const before = readManifest(sweepDir).jobs.filter((j) => j.status !== "completed").length;
    expect(before).toBeGreaterThan(0);

    let outcome: { status: string; completed: number; jobs: { num: number; status: string; host?: string }[] } | undefined;
    const second = spawnTs("sweep-proc.ts", ["resume", sweepDir], (l) => {
      const e = JSON.parse(l) as { type: string; outcome?: typeof outcome };
      if (e.type === "outcome") outcome = e.outcome;
    });
    expect(await new Promise((r) => second.on("exit", r))).toBe(0);
    expect(outcome).toMatchObject({ status: "completed", completed: 8 });
    expect(outcome?.jobs.every((j) => j.host === "w-res")).toBe(true);
    expect(
      lines(log)
        .map((l) => Number(l.split(" ")[0]))
        .sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    await stopWorker(w);
  });

  it("waits out a Redis that is not up yet, with a message, then runs the sweep", async () => {
    const late = await startRedis({ autoStart: false });
    try {
      const sink = new RecordingSink();
      const launched = launcher(late, "late", nodeTask(""), { connect_timeout: 30 }).launch(stream([job(tmp(), 0)]), sink);
      await until(() => sink.events.some((e) => e.type === "launcher_notice"));
      expect(sink.events[0]).toMatchObject({ type: "launcher_notice", level: "warning", message: expect.stringContaining(`Cannot reach Redis at ${late.url}`) });
      await late.start();
      const w = startWorker(late, "late", "w-late");
      await launched;
      expect(sink.outcomes.get(0)).toMatchObject({ status: "completed" });
      expect(sink.events).toContainEqual(expect.objectContaining({ type: "launcher_notice", level: "info", message: expect.stringContaining("Reconnected") }));
      await stopWorker(w);
    } finally {
      await late.stop();
    }
  });

  it("rejects unsigned and altered jobs without running them, and records why", async () => {
    const dir = tmp();
    const marker = path.join(dir, "pwned");
    const w = startWorker(redis, "forge", "w-forge");
    await w.ready;
    const { Queue } = await import("bullmq");
    const queue = new Queue("forge", { connection: { host: "127.0.0.1", port: redis.port } });
    const evil = { v: 1, sweepDir: dir, job: { num: 0, overrides: [], config: {}, jobDir: path.join(dir, "0") }, task: { kind: "command", argv: ["touch", marker] } };
    const signed = signJob({ ...evil, task: { kind: "command", argv: ["true"] } }, Buffer.from(process.env.HYDRANT_QUEUE_SECRET as string));
    await queue.add("unsigned", evil, { jobId: "unsigned" });
    await queue.add("altered", { ...signed, task: evil.task }, { jobId: "altered" });
    await queue.add("wrong-key", signJob(evil, Buffer.from("another-secret-0123456789")), { jobId: "wrong-key" });
    await until(() => w.events.filter((e) => e.type === "job_rejected").length === 3);
    for (const id of ["unsigned", "altered", "wrong-key"]) {
      await until(() => true);
      const failed = await queue.getJob(id);
      expect(await failed?.getState()).toBe("failed");
      expect(failed?.failedReason).toMatch(/rejected by worker w-forge: (unsigned job|bad signature)/);
    }
    expect(existsSync(marker)).toBe(false);
    await queue.close();
    await stopWorker(w);
  });

  it("refuses to launch or serve without a shared secret", () => {
    expect(() => queueSecret({})).toThrow(/HYDRANT_QUEUE_SECRET/);
    expect(() => queueSecret({ HYDRANT_QUEUE_SECRET: "short" })).toThrow(/shorter than 16/);
    expect(signatureProblem(signJob({ a: 1, b: { c: [1, 2] } }, Buffer.from("k".repeat(16))), Buffer.from("k".repeat(16)))).toBeUndefined();
  });

  it("a Redis restart without persistence does not mark finished jobs failed", async () => {
    const own = await startRedis();
    try {
      const dir = tmp();
      const log = path.join(dir, "runs.log");
      const w = startWorker(own, "restart", "w-restart", 2);
      await w.ready;
      const sink = new RecordingSink();
      const launched = launcher(own, "restart", nodeTask(`${sleep(1500)} ${appendRun(log)}`)).launch(stream([job(dir, 0), job(dir, 1)]), sink);
      await until(() => sink.starts.length === 2);
      await own.stop();
      // Both jobs finish while Redis is down; the restarted Redis has forgotten them.
      await until(() => lines(log).length === 2);
      await own.start();
      await launched;
      expect(sink.outcomes.get(0)).toMatchObject({ status: "completed" });
      expect(sink.outcomes.get(1)).toMatchObject({ status: "completed" });
      expect(lines(log)).toHaveLength(2);
      await stopWorker(w);
    } finally {
      await own.stop();
    }
  }, 60_000);

  it("a Redis restart without persistence, workers on another file system: finished jobs are recorded completed, not run again", async () => {
    const own = await startRedis();
    try {
      const dir = tmp();
      const log = path.join(dir, "runs.log");
      const w = startWorker(own, "restart-unshared", "w-unshared", 2, 5000, { ...process.env, UNSHARED_JOB_DIRS: "1" });
      await w.ready;
      const sink = new RecordingSink();
      const launched = launcher(own, "restart-unshared", nodeTask(`${sleep(1500)} ${appendRun(log)}`)).launch(stream([job(dir, 0), job(dir, 1)]), sink);
      await until(() => sink.starts.length === 2);
      await own.stop();
      // Both jobs finish while Redis is down; the restarted Redis has forgotten them, and their job dirs'
      // outcome files are not on this machine.
      await until(() => lines(log).length === 2);
      await own.start();
      await launched;
      expect(sink.outcomes.get(0)).toMatchObject({ status: "completed", host: "w-unshared" });
      expect(sink.outcomes.get(1)).toMatchObject({ status: "completed", host: "w-unshared" });
      expect(existsSync(path.join(dir, "0", ".hydrant-queue-outcome.json"))).toBe(false);
      expect(lines(log)).toHaveLength(2);
      await stopWorker(w);
    } finally {
      await own.stop();
    }
  }, 90_000);

  it("fails clearly when Redis never comes up within connect_timeout", async () => {
    const never = await startRedis({ autoStart: false });
    await expect(launcher(never, "never", nodeTask(""), { connect_timeout: 0.3 }).launch(stream([job(tmp(), 0)]), new RecordingSink())).rejects.toThrow(/Cannot connect to Redis at .* after 0.3s/);
  });
});

async function until(ok: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
