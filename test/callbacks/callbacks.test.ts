import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { observeRun } from "../../src/callbacks/index.js";
import { composeConfig } from "../../src/compose/index.js";
import { fromPlain } from "../../src/config/node.js";
import { clearTargets, registerTarget } from "../../src/instantiate/index.js";
import { executeJob } from "../../src/job/executor.js";
import type { PreparedJob, TaskRef } from "../../src/core/launcher.js";
import { setLastResort } from "../../src/logging/logger.js";
import { setPath } from "../../src/config/path.js";

let events: string[] = [];
let constructed = 0;

/** A callback that records every event it gets, tagged with its `name` option. */
class Recorder {
  constructor(readonly options: { name: string; throwOn?: string }) {
    constructed++;
  }
  private record(event: string, detail = ""): void {
    events.push(`${this.options.name}.${event}${detail}`);
    if (this.options.throwOn === event) throw new TypeError(`${event} broke`);
  }
  onComposeConfig(): void { this.record("onComposeConfig"); }
  onRunStart(): void { this.record("onRunStart"); }
  onRunEnd(_c: unknown, info: { jobReturn?: { returnValue: unknown } }): void { this.record("onRunEnd", `=${JSON.stringify(info.jobReturn?.returnValue)}`); }
  onMultirunStart(): void { this.record("onMultirunStart"); }
  onMultirunEnd(): void { this.record("onMultirunEnd"); }
  onJobStart(config: { x?: number }): void { this.record("onJobStart", `(x=${config.x})`); }
  async onJobEnd(_c: unknown, ret: { status: string; returnValue: unknown }): Promise<void> {
    await Promise.resolve();
    this.record("onJobEnd", `(${ret.status}, ${JSON.stringify(ret.returnValue)})`);
  }
}

beforeEach(() => {
  events = [];
  constructed = 0;
  registerTarget("recorder", Recorder);
});
afterEach(() => clearTargets("recorder"));

let counter = 0;
function job(callbacks: Record<string, unknown>): PreparedJob {
  const { config } = composeConfig({ configDir: path.resolve("test/fixtures/run/conf"), configName: "config", overrides: ["x=3", "hydra/job_logging=none"] });
  const jobDir = mkdtempSync(path.join(os.tmpdir(), "hydrant-cb-"));
  // A distinct node per test: callbacks are built once per process per hydra.callbacks node.
  setPath(config, "hydra.callbacks", fromPlain({ ...callbacks, _test: null, [`_n${counter++}`]: null }));
  setPath(config, "hydra.runtime.output_dir", jobDir);
  return { overrides: ["x=3"], config, jobDir };
}

const task = (fn: (cfg: never) => unknown): TaskRef => ({ kind: "function", fn });

describe("callbacks around a job", () => {
  it("calls onJobStart in order and onJobEnd in reverse, with the job's config and return", async () => {
    const j = job({ a: { _target_: "recorder", name: "A" }, b: { _target_: "recorder", name: "B" } });
    const outcome = await executeJob(j, task(() => { events.push("task"); return { score: 6 }; }));
    expect(outcome).toMatchObject({ status: "completed", result: { score: 6 } });
    expect(events).toEqual(["A.onJobStart(x=3)", "B.onJobStart(x=3)", "task", 'B.onJobEnd(completed, {"score":6})', 'A.onJobEnd(completed, {"score":6})']);
  });

  it("builds each callback once per process, across jobs", async () => {
    const callbacks = { a: { _target_: "recorder", name: "A" } };
    const first = job(callbacks);
    const second = { ...first, jobDir: mkdtempSync(path.join(os.tmpdir(), "hydrant-cb-")) };
    await executeJob(first, task(() => 1));
    await executeJob(second, task(() => 2));
    expect(constructed).toBe(1);
  });

  it("reports a throwing callback and keeps the job's result (and a failed job's failure)", async () => {
    const warnings: string[] = [];
    setLastResort((t) => warnings.push(t.trim()));
    const j = job({ a: { _target_: "recorder", name: "A", throwOn: "onJobEnd" }, b: { _target_: "recorder", name: "B", throwOn: "onJobStart" } });
    expect(await executeJob(j, task(() => 42))).toMatchObject({ status: "completed", result: 42 });
    expect(warnings).toEqual(["Callback Recorder.onJobStart raised TypeError: onJobStart broke", "Callback Recorder.onJobEnd raised TypeError: onJobEnd broke"]);
    const failed = await executeJob({ ...j, jobDir: mkdtempSync(path.join(os.tmpdir(), "hydrant-cb-")) }, task(() => { throw new Error("task broke"); }));
    expect(failed).toMatchObject({ status: "failed", error: expect.stringContaining("task broke") });
    expect(events.at(-1)).toBe("A.onJobEnd(failed, undefined)");
  });

  it("runs job callbacks for command tasks too, with what the command reported", async () => {
    const j = job({ a: { _target_: "recorder", name: "A" } });
    const outcome = await executeJob(j, { kind: "command", argv: [process.execPath, "-e", "require('fs').writeFileSync(process.env.HYDRANT_RESULT, '{\"ok\":1}')"] });
    expect(outcome.status).toBe("completed");
    expect(events).toEqual(["A.onJobStart(x=3)", 'A.onJobEnd(completed, {"ok":1})']);
  }, 60_000);

  it("fails the job when a callback's _target_ does not resolve, naming the key", async () => {
    const outcome = await executeJob(job({ tracker: { _target_: "./no/such/module.js:Tracker" } }), task(() => 1));
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(/at 'hydra\.callbacks\.tracker'.*cannot find module '\.\/no\/such\/module\.js'/s);
    const noTarget = await executeJob(job({ tracker: { project: "x" } }), task(() => 1));
    expect(noTarget.error).toMatch(/'hydra\.callbacks\.tracker' has no _target_/);
  });
});

describe("Hydra's built-in callbacks", () => {
  it("LogJobReturnCallback logs the return value; PickleJobInfoCallback saves config and return as JSON", async () => {
    const j = job({ log: { _target_: "hydra.experimental.callbacks.LogJobReturnCallback" }, save: { _target_: "hydra.experimental.callbacks.PickleJobInfoCallback" } });
    setPath(j.config, "hydra.job_logging", fromPlain({ version: 1, formatters: { f: { format: "[%(name)s][%(levelname)s] - %(message)s" } }, handlers: { file: { class: "logging.FileHandler", formatter: "f", filename: path.join(j.jobDir, "job.log") } }, root: { level: "INFO", handlers: ["file"] }, disable_existing_loggers: false }));
    await executeJob(j, task(() => ({ acc: 0.9 })));
    const log = readFileSync(path.join(j.jobDir, "job.log"), "utf8");
    expect(log).toContain('[hydra.experimental.callbacks.LogJobReturnCallback][INFO] - Succeeded with return value: {"acc":0.9}');
    expect(log).toContain(`Saving job_return in ${path.join(j.jobDir, ".hydra", "job_return.json")}`);
    const saved = JSON.parse(readFileSync(path.join(j.jobDir, ".hydra", "job_return.json"), "utf8")) as Record<string, unknown>;
    expect(saved).toMatchObject({ status: "completed", returnValue: { acc: 0.9 }, overrides: ["x=3"], outputDir: j.jobDir });
    const config = JSON.parse(readFileSync(path.join(j.jobDir, ".hydra", "config.json"), "utf8")) as { x: number; hydra: { runtime: { output_dir: string } } };
    expect(config.x).toBe(3);
    expect(config.hydra.runtime.output_dir).toBe(j.jobDir);
  });
});

describe("observeRun: the run-owning process's events", () => {
  it("calls onComposeConfig, then the run or multirun events, ends in reverse", async () => {
    const j = job({ a: { _target_: "recorder", name: "A" }, b: { _target_: "recorder", name: "B" } });
    const run = await observeRun(j.config, { configName: "config", overrides: ["x=3"] });
    await run.runStart();
    await run.runEnd(j, { status: "completed", result: 7 });
    await run.multirunStart();
    await run.multirunEnd({ sweepDir: j.jobDir, completed: 1, failed: 0, notRun: 0, jobs: [] });
    run.close();
    expect(events).toEqual(["A.onComposeConfig", "B.onComposeConfig", "A.onRunStart", "B.onRunStart", "B.onRunEnd=7", "A.onRunEnd=7", "A.onMultirunStart", "B.onMultirunStart", "B.onMultirunEnd", "A.onMultirunEnd"]);
    expect(existsSync(j.jobDir)).toBe(true);
  });
});
