// Launchers on hand-made jobs (no composition): real child processes for command tasks.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { mkdtempSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigDict, ConfigList, fromPlain } from "../../src/config/node.js";
import { basicLauncherPlugin } from "../../src/launch/basic-launcher.js";
import { executeJob } from "../../src/job/executor.js";
import { expandPlaceholders } from "../../src/job/placeholders.js";
import { localLauncherPlugin, poolShape } from "../../src/launch/local.js";
import type { JobOutcome, JobPlacement, LaunchSink, PreparedJob } from "../../src/core/launcher.js";
import type { TaskRef } from "../../src/core/task.js";
import { decodeJob, encodeJob } from "../../src/launch/wire.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "hydrant-launch-"));

function job(dir: string, num: number, x: number, extraHydra: Record<string, unknown> = {}): PreparedJob {
  const config = fromPlain({ x, y: "${x}", hydra: { output_subdir: ".hydra", overrides: { task: [`x=${x}`] }, job: { chdir: null, env_set: { MY_VAR: "v${x}" } }, ...extraHydra } }) as ConfigDict;
  return { num, overrides: [`x=${x}`], config, jobDir: path.join(dir, String(num)) };
}

async function* stream(jobs: PreparedJob[], pulled: number[] = []): AsyncGenerator<PreparedJob> {
  for (const j of jobs) {
    pulled.push(j.num as number);
    yield j;
  }
}

class Sink implements LaunchSink {
  stopped = false;
  log: string[] = [];
  maxRunning = 0;
  running = 0;
  outcomes = new Map<number, JobOutcome>();
  places = new Map<number, JobPlacement>();
  started(j: PreparedJob, p: JobPlacement): void {
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    this.places.set(j.num as number, p);
    this.log.push(`start ${j.num}`);
  }
  finished(j: PreparedJob, o: JobOutcome): void {
    this.running--;
    this.outcomes.set(j.num as number, o);
    this.log.push(`end ${j.num}`);
  }
}

const node = (script: string): TaskRef => ({ kind: "command", argv: [process.execPath, "-e", script, "{job_num}"] });
const ctx = (task: TaskRef, config: Record<string, unknown> = {}) => ({ config, task, execute: (j: PreparedJob, o?: object) => executeJob(j, task, o) });

describe("executeJob", { timeout: 60_000 }, () => {
  it("runs a function with env_set, writes .hydra files, restores env", async () => {
    const dir = tmp();
    const seen: unknown[] = [];
    const out = await executeJob(job(dir, 0, 3), { kind: "function", fn: (cfg: never) => (seen.push(cfg, process.env.MY_VAR), 42) });
    expect(out).toEqual({ status: "completed", result: 42 });
    expect(seen).toEqual([{ x: 3, y: 3 }, "v3"]);
    expect(process.env.MY_VAR).toBeUndefined();
    expect(readFileSync(path.join(dir, "0/.hydra/config.yaml"), "utf8")).toBe("x: 3\n'y': ${x}\n");
    expect(readFileSync(path.join(dir, "0/.hydra/overrides.yaml"), "utf8")).toBe("- x=3\n");
  });

  it("skips the .hydra files when hydra.output_subdir is null", async () => {
    const dir = tmp();
    await executeJob(job(dir, 0, 1, { output_subdir: null }), { kind: "function", fn: () => 1 });
    expect(existsSync(path.join(dir, "0/.hydra"))).toBe(false);
    expect(existsSync(path.join(dir, "0"))).toBe(true);
  });

  it("turns a spawn failure and a signal into failed outcomes", async () => {
    const dir = tmp();
    expect(await executeJob(job(dir, 0, 1), { kind: "command", argv: ["/no/such/program"] })).toMatchObject({ status: "failed", error: expect.stringContaining("Cannot run '/no/such/program'") });
    expect(await executeJob(job(dir, 1, 1), node("process.kill(process.pid, 'SIGKILL')"))).toMatchObject({ status: "failed", error: expect.stringContaining("SIGKILL") });
  });

  it("expands placeholders", () => {
    expect(expandPlaceholders(["{config}", "a{job_num}b", "{other}"], { config: "c", job_dir: "d", job_num: "7" })).toEqual(["c", "a7b", "{other}"]);
  });
});

describe("launchers", { timeout: 60_000 }, () => {
  it("basic runs one job at a time, in order", async () => {
    const dir = tmp();
    const sink = new Sink();
    const launcher = basicLauncherPlugin.create(ctx(node("process.exit(Number(process.argv[1]) === 1 ? 3 : 0)")));
    await launcher.launch(stream([0, 1, 2].map((n) => job(dir, n, n))), sink);
    expect(sink.log).toEqual(["start 0", "end 0", "start 1", "end 1", "start 2", "end 2"]);
    expect(sink.outcomes.get(1)).toMatchObject({ status: "failed", exitCode: 3 });
    expect(sink.outcomes.get(2)).toMatchObject({ status: "completed", exitCode: 0 });
  });

  it("local runs n_jobs commands at once, each with its own GPU", async () => {
    const dir = tmp();
    const sink = new Sink();
    const task = node("console.log(process.env.CUDA_VISIBLE_DEVICES); setTimeout(() => {}, 200)");
    await localLauncherPlugin.create(ctx(task, { n_jobs: 2, gpus: [0, 1] })).launch(stream([0, 1, 2, 3].map((n) => job(dir, n, n))), sink);
    expect(sink.maxRunning).toBe(2);
    for (const n of [0, 1, 2, 3]) {
      const gpu = sink.places.get(n)?.gpu;
      expect(["0", "1"]).toContain(gpu);
      expect(readFileSync(path.join(dir, String(n), "stdout.log"), "utf8")).toBe(`${gpu}\n`);
    }
  });

  it("pulls jobs lazily and stops pulling when the sink stops", async () => {
    const dir = tmp();
    const sink = new Sink();
    const pulled: number[] = [];
    const task: TaskRef = { kind: "function", fn: () => { sink.stopped = true; } };
    await basicLauncherPlugin.create(ctx(task)).launch(stream([0, 1, 2].map((n) => job(dir, n, n)), pulled), sink);
    expect(pulled).toEqual([0]);
  });

  it("checks the local pool's shape", () => {
    expect(poolShape({ n_jobs: 4, gpus: ["a", "b"] })).toEqual({ slots: 2, gpus: ["a", "b"] });
    expect(poolShape({ n_jobs: -1, gpus: [0, 1, 2] }).slots).toBe(3);
    expect(() => poolShape({ n_jobs: 0 })).toThrow(/n_jobs/);
    expect(() => poolShape({ n_jobs: 1, gpus: "0,1" })).toThrow(/gpus/);
  });

  it("ships jobs as wire data with key order intact", () => {
    const j = job("/tmp/x", 3, 1);
    j.config.set("2", new ConfigList([1, "a"]));
    j.config.set("1", null);
    const back = decodeJob(structuredClone(encodeJob(j)));
    expect([...back.config.keys()]).toEqual(["x", "y", "hydra", "2", "1"]);
    expect(back).toMatchObject({ num: 3, overrides: ["x=1"], jobDir: "/tmp/x/3" });
  });
});
