// hydra.launcher.lock_duration/stalled_interval: a sweep sets them on its queue, and `hydrant worker`s
// started without flags take them (started before or after the sweep); flags win. Real redis-server,
// real `hydrant worker` processes.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigDict, fromPlain } from "../../../src/config/node.js";
import type { PreparedJob } from "../../../src/core/launcher.js";
import type { TaskRef } from "../../../src/core/task.js";
import { executeJob } from "../../../src/job/executor.js";
import { parseLauncherConfig } from "../../../src/launch/bullmq/config.js";
import { bullmqLauncherPlugin } from "../../../src/launch/bullmq/plugin.js";
import { RecordingSink } from "../../helpers/launch-sink.js";
import { redisSkipReason, type TestRedis } from "../../helpers/redis.js";
import { useRedis } from "../../helpers/redis-suite.js";

process.env.HYDRANT_QUEUE_SECRET ??= "test-secret-0123456789abcdef";
const CLI = path.resolve(import.meta.dirname, "../../../dist/cli.js");
const skip = redisSkipReason();
const procs: ChildProcess[] = [];

describe("hydra.launcher.lock_duration and stalled_interval", () => {
  it("are seconds, 6 and 2 by default", () => {
    expect(bullmqLauncherPlugin.configNode).toMatchObject({ lock_duration: 6, stalled_interval: 2 });
    expect(parseLauncherConfig({}).timing).toEqual({ lockMs: 6000, stalledMs: 2000 });
    expect(parseLauncherConfig({ lock_duration: 1.5, stalled_interval: 0.5 }).timing).toEqual({ lockMs: 1500, stalledMs: 500 });
  });

  it("refuse what is not a positive number of seconds, naming the key and the value", () => {
    expect(() => parseLauncherConfig({ stalled_interval: -1 })).toThrow(/hydra\.launcher\.stalled_interval must be a positive number of seconds .*got hydra\.launcher\.stalled_interval=-1\./);
    expect(() => parseLauncherConfig({ lock_duration: 0 })).toThrow(/hydra\.launcher\.lock_duration must be a positive number of seconds/);
    expect(() => parseLauncherConfig({ lock_duration: "soon" })).toThrow(/got hydra\.launcher\.lock_duration="soon"/);
  });

  it("refuse a stalled check no shorter than the lock, naming both keys", () => {
    expect(() => parseLauncherConfig({ lock_duration: 2, stalled_interval: 2 })).toThrow(/hydra\.launcher\.stalled_interval \(2s\) must be shorter than hydra\.launcher\.lock_duration \(2s\)/);
  });

  it("a bad value fails the sweep before anything is queued, with the key in the message", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "hydrant-timing-cli-"));
    mkdirSync(path.join(root, "conf"));
    writeFileSync(path.join(root, "conf", "config.yaml"), "x: 1\n");
    const r = spawnSync(process.execPath, [CLI, "-cd", "conf", "-cn", "config", "-m", "hydra/launcher=bullmq", "hydra.launcher.stalled_interval=-1", "x=1,2", "--", "true"], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("hydra.launcher.stalled_interval=-1");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

/** A `hydrant worker` process and what it printed. */
interface BinWorker {
  proc: ChildProcess;
  lines: string[];
  /** Resolves with the first line matching `re` (rejects if the worker exits first). */
  line(re: RegExp): Promise<string>;
}

function binWorker(redis: TestRedis, queue: string, flags: string[] = []): BinWorker {
  const proc = spawn(process.execPath, [CLI, "worker", "--redis", redis.url, "--queue", queue, ...flags], { stdio: ["ignore", "ignore", "pipe"] });
  procs.push(proc);
  const lines: string[] = [];
  const waiting: { re: RegExp; resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  let buf = "";
  proc.stderr?.on("data", (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split("\n");
    buf = parts.pop() as string;
    for (const l of parts) {
      lines.push(l);
      for (const w of waiting.filter((x) => x.re.test(l))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(l);
      }
    }
  });
  proc.on("exit", (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`hydrant worker exited (${code}) before printing ${w.re}: ${lines.join("\n")}${buf}`));
  });
  return {
    proc,
    lines,
    line: (re) => {
      const seen = lines.find((l) => re.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => waiting.push({ re, resolve, reject }));
    },
  };
}

const nodeTask = (body: string): TaskRef => ({ kind: "command", argv: [process.execPath, "-e", body] });
const sleep = (ms: number) => `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});`;

function jobs(n: number): { dir: string; list: PreparedJob[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-timing-"));
  const list = Array.from({ length: n }, (_, num) => {
    const config = fromPlain({ x: num, hydra: { sweep: { dir }, output_subdir: ".hydra", overrides: { task: [`x=${num}`] }, job: { chdir: null, env_set: {} } } }) as ConfigDict;
    return { num, overrides: [`x=${num}`], config, jobDir: path.join(dir, String(num)) };
  });
  return { dir, list };
}

function sweep(redis: TestRedis, queue: string, task: TaskRef, list: PreparedJob[], extra: Record<string, unknown>, sink = new RecordingSink()): { sink: RecordingSink; done: Promise<void> } {
  const launcher = bullmqLauncherPlugin.create({ config: { ...bullmqLauncherPlugin.configNode, redis: redis.url, queue, ...extra }, task, execute: (j, o) => executeJob(j, task, o) });
  return { sink, done: launcher.launch((async function* () { yield* list; })(), sink) };
}

describe.skipIf(skip)("a queue's timing, set by its sweep, used by its workers", { timeout: 120_000 }, () => {
  let redis: TestRedis;
  useRedis((r) => (redis = r), procs);

  it("a worker started before the sweep adopts the sweep's values; one started after starts with them", async () => {
    const early = binWorker(redis, "adopt");
    expect(await early.line(/ready/)).toContain("lock 6s, stalled check every 2s (the defaults: no sweep set the queue's)");
    const { list, dir } = jobs(2);
    const { sink, done } = sweep(redis, "adopt", nodeTask(sleep(100)), list, { lock_duration: 3, stalled_interval: 1 });
    await done;
    expect([...sink.outcomes.values()].map((o) => o.status)).toEqual(["completed", "completed"]);
    expect(sink.notices()).toContainEqual(expect.stringContaining("queue 'adopt': workers now use lock 3s, stalled check every 1s (was lock 6s, stalled check every 2s)"));
    expect(await early.line(/from now on/)).toContain(`lock 3s, stalled check every 1s (the queue's, set by the sweep ${dir})`);
    const late = binWorker(redis, "adopt");
    expect(await late.line(/ready/)).toContain(`lock 3s, stalled check every 1s (the queue's, set by the sweep ${dir})`);
  });

  it("flags win over the queue's values, each for itself", async () => {
    const both = binWorker(redis, "flags", ["--lock-duration", "5", "--stalled-interval", "0.5"]);
    expect(await both.line(/ready/)).toContain("lock 5s, stalled check every 0.5s (--lock-duration and --stalled-interval)");
    const { list } = jobs(1);
    await sweep(redis, "flags", nodeTask(""), list, { lock_duration: 4, stalled_interval: 1 }).done;
    const one = binWorker(redis, "flags", ["--lock-duration", "8"]);
    expect(await one.line(/ready/)).toContain("lock 8s, stalled check every 1s (--lock-duration; otherwise the queue's, set by the sweep");
    const bad = binWorker(redis, "flags", ["--stalled-interval", "4"]);
    await expect(bad.line(/ready/)).rejects.toThrow(/--stalled-interval \(4s\) must be shorter than the queue's hydra\.launcher\.lock_duration \(4s\)/);
    const negative = binWorker(redis, "flags", ["--stalled-interval", "-1"]);
    await expect(negative.line(/ready/)).rejects.toThrow(/--stalled-interval must be a positive number of seconds .*got --stalled-interval=-1/);
    expect(both.lines.join("\n")).not.toContain("from now on");
  });

  it("the last sweep to start sets them, and says what it replaced", async () => {
    const worker = binWorker(redis, "last");
    await worker.line(/ready/);
    const first = jobs(1);
    await sweep(redis, "last", nodeTask(""), first.list, { lock_duration: 3, stalled_interval: 1 }).done;
    await worker.line(/from now on: lock 3s/);
    const second = jobs(1);
    const { sink, done } = sweep(redis, "last", nodeTask(""), second.list, { lock_duration: 5, stalled_interval: 2 });
    await done;
    expect(sink.notices()).toContainEqual(expect.stringContaining(`workers now use lock 5s, stalled check every 2s (was lock 3s, stalled check every 1s set by ${first.dir})`));
    await worker.line(/from now on: lock 5s, stalled check every 2s/);
    // The same values again: nothing to say, nothing to wait for.
    const third = jobs(1);
    const again = sweep(redis, "last", nodeTask(""), third.list, { lock_duration: 5, stalled_interval: 2 });
    await again.done;
    expect(again.sink.notices().filter((m) => m.includes("workers now use"))).toEqual([]);
  });

  it("a worker changing timing mid-job runs no more than --concurrency jobs at once, and finishes the running one", async () => {
    const worker = binWorker(redis, "swap", ["--concurrency", "2"]);
    await worker.line(/ready/);
    const log = path.join(mkdtempSync(path.join(os.tmpdir(), "hydrant-swap-")), "log");
    // Each job logs its start and end; the first ones run long, across the timing change.
    const body = (ms: number) => `const fs = require("fs"); fs.appendFileSync(${JSON.stringify(log)}, "+\\n"); ${sleep(ms)} fs.appendFileSync(${JSON.stringify(log)}, "-\\n");`;
    const a = jobs(2);
    const long = sweep(redis, "swap", nodeTask(body(4000)), a.list, { lock_duration: 6, stalled_interval: 2 });
    await long.sink.firstStart();
    const b = jobs(4);
    const short = sweep(redis, "swap", nodeTask(body(200)), b.list, { lock_duration: 3, stalled_interval: 1 });
    await Promise.all([long.done, short.done]);
    await worker.line(/from now on: lock 3s/);
    expect(short.sink.events).toContainEqual(expect.objectContaining({ type: "launcher_notice", level: "warning", message: expect.stringContaining("job(s) already in it are taken with these too") }));
    expect([...long.sink.outcomes.values(), ...short.sink.outcomes.values()].map((o) => [o.status, o.attempts])).toEqual(Array(6).fill(["completed", 1]));
    const { readFileSync } = await import("node:fs");
    let at = 0;
    let most = 0;
    for (const l of readFileSync(log, "utf8").split("\n").filter(Boolean)) most = Math.max(most, (at += l === "+" ? 1 : -1));
    expect(most).toBeLessThanOrEqual(2);
    expect(at).toBe(0);
  });
});
