// Throughput of the BullMQ launcher: trivial command jobs through a real redis-server with 1 and 2
// worker processes, against the local launcher on the same jobs (per-job overhead as a ratio).
// Imports the source through tsx, so the bench needs no build.
// Needs redis-server on PATH; returns a note instead of figures when it is missing.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";
import { fmt, table } from "./lib.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const JOBS = Number(process.env.QUEUE_BENCH_JOBS ?? 300);
// The bullmq launcher signs jobs; the submitter (this process) and the workers it spawns share this secret.
process.env.HYDRANT_QUEUE_SECRET ??= "bench-secret-" + "x".repeat(32);

export async function bench() {
  const unregister = register();
  try {
    const { redisServerInstalled, startRedis } = await import(path.join(ROOT, "test/helpers/redis.ts"));
    if (!redisServerInstalled()) return { results: { skipped: "redis-server not installed" }, text: "skipped: redis-server is not installed" };
    const lib = await loadLibrary();
    const redis = await startRedis();
    try {
      const local = await timeLocal(lib, JOBS);
      const one = await timeQueue(lib, redis.url, "bench1", 1, JOBS);
      const two = await timeQueue(lib, redis.url, "bench2", 2, JOBS);
      return report(JOBS, local, one, two);
    } finally {
      await redis.stop();
    }
  } finally {
    await unregister();
  }
}

async function loadLibrary() {
  const src = (p) => import(path.join(ROOT, "src", p));
  const [{ bullmqLauncherPlugin }, { localLauncherPlugin }, { executeJob }, { fromPlain }] = await Promise.all([
    src("launch/bullmq/index.ts"),
    src("launch/local.ts"),
    src("job/executor.ts"),
    src("config/node.ts"),
  ]);
  return { bullmqLauncherPlugin, localLauncherPlugin, executeJob, fromPlain };
}

const TASK = { kind: "command", argv: ["true"] };

function jobs(lib, dir, n) {
  return (async function* () {
    for (let num = 0; num < n; num++) {
      const config = lib.fromPlain({ x: num, hydra: { sweep: { dir }, output_subdir: ".hydra", overrides: { task: [`x=${num}`] }, job: { chdir: null, env_set: {} } } });
      yield { num, overrides: [`x=${num}`], config, jobDir: path.join(dir, String(num)) };
    }
  })();
}

function sink() {
  const s = { stopped: false, done: 0, failed: 0, started() {}, finished(_j, o) { if (o.status === "completed") s.done++; else s.failed++; } };
  return s;
}

async function timed(launcher, lib, n) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-qbench-"));
  const s = sink();
  const t0 = performance.now();
  await launcher.launch(jobs(lib, dir, n), s);
  const ms = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  if (s.done !== n) throw new Error(`queue bench: ${s.done}/${n} jobs completed (${s.failed} failed)`);
  return ms;
}

async function timeLocal(lib, n) {
  const ctx = { config: { n_jobs: 1, gpus: null }, task: TASK, execute: (j, o) => lib.executeJob(j, TASK, o) };
  return timed(lib.localLauncherPlugin.create(ctx), lib, n);
}

async function timeQueue(lib, url, queue, workers, n) {
  const procs = await Promise.all(Array.from({ length: workers }, (_, i) => startWorker(url, queue, `bench-${i}`)));
  try {
    const ctx = { config: { ...lib.bullmqLauncherPlugin.configNode, redis: url, queue }, task: TASK, execute: (j, o) => lib.executeJob(j, TASK, o) };
    return await timed(lib.bullmqLauncherPlugin.create(ctx), lib, n);
  } finally {
    await Promise.all(procs.map((p) => new Promise((r) => (p.kill("SIGTERM"), p.on("exit", r)))));
  }
}

/** A worker process (source through tsx); resolves once it serves the queue. */
function startWorker(url, queue, name) {
  const code = `const { runWorker } = await import(${JSON.stringify(path.join(ROOT, "src/launch/bullmq/index.ts"))});
    const c = new AbortController(); process.once("SIGTERM", () => c.abort());
    await runWorker({ redis: ${JSON.stringify(url)}, queue: ${JSON.stringify(queue)}, name: ${JSON.stringify(name)}, signal: c.signal, onEvent: (e) => e.type === "worker_ready" && console.log("ready") });`;
  const p = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    p.stdout.on("data", (d) => d.toString().includes("ready") && resolve(p));
    p.on("exit", (code) => reject(new Error(`bench worker exited (${code}) before it was ready`)));
  });
}

function report(n, localMs, oneMs, twoMs) {
  const rate = (ms) => (n * 1000) / ms;
  const perJob = (ms) => ms / n;
  const results = {
    jobs: n,
    task: "command `true`",
    local_1slot: { jobsPerSec: rate(localMs), msPerJob: perJob(localMs) },
    bullmq_1worker: { jobsPerSec: rate(oneMs), msPerJob: perJob(oneMs) },
    bullmq_2workers: { jobsPerSec: rate(twoMs), msPerJob: perJob(twoMs) },
    overheadRatio_1worker_vs_local: oneMs / localMs,
    speedup_2workers_vs_1: oneMs / twoMs,
    queueOverheadMsPerJob: perJob(oneMs) - perJob(localMs),
  };
  const text = table([
    ["setup", "jobs/s", "ms/job", "vs local"],
    ["local launcher, 1 slot", fmt(rate(localMs)), fmt(perJob(localMs), 2), "1.00x"],
    ["bullmq, 1 worker", fmt(rate(oneMs)), fmt(perJob(oneMs), 2), `${fmt(oneMs / localMs, 2)}x`],
    ["bullmq, 2 workers", fmt(rate(twoMs)), fmt(perJob(twoMs), 2), `${fmt(twoMs / localMs, 2)}x`],
  ]) + `\n${n} trivial command jobs; queue overhead ${fmt(results.queueOverheadMsPerJob, 2)} ms/job; 2 workers are ${fmt(results.speedup_2workers_vs_1, 2)}x 1 worker`;
  return { results, text };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await bench();
  console.log(r.text);
}
