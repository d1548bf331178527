// The Lightning-Hydra-template-style example, run as a user runs it: instantiate from its conf/,
// the job log in Hydra's format, and the callback's summary at the end of a multirun.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve("examples/lightning/train.ts");
const TSX = import.meta.resolve("tsx");
const HYDRA_LINE = /^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}\]\[([^\]]+)\]\[(\w+)\] - (.*)$/;

function run(args: string[]): { cwd: string; status: number | null; stdout: string; stderr: string } {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "hydrant-lightning-"));
  const r = spawnSync(process.execPath, ["--import", TSX, APP, "trainer.max_epochs=2", ...args], { cwd, encoding: "utf8", env: { ...process.env, HYDRANT_WORKER: "" } });
  return { cwd, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("examples/lightning", () => {
  it("builds data, model and optimizer with instantiate and logs the job in Hydra's format", () => {
    const r = run(["hydra.run.dir=run", "model=sgd"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = readFileSync(path.join(r.cwd, "run", "train.log"), "utf8").trim().split("\n");
    for (const line of lines) expect(line).toMatch(HYDRA_LINE);
    const messages = lines.map((l) => HYDRA_LINE.exec(l)?.slice(1));
    expect(messages[0]).toEqual(["train", "INFO", "Instantiating data <./src/data.js:SyntheticDataModule>"]);
    expect(messages).toContainEqual(["train", "INFO", "Training on 300 samples of 'moons', testing on 100"]);
    const last = messages.at(-1) ?? [];
    expect(last.slice(0, 2)).toEqual(["hydra.experimental.callbacks.LogJobReturnCallback", "INFO"]);
    expect(last[2]).toMatch(/^Succeeded with return value: \{"test_accuracy":[\d.]+,/);
  }, 60_000);

  it("writes the callback's summary.json at the end of a multirun", () => {
    const r = run(["-m", "model.optimizer.lr=0.001,0.05", "hydra.sweep.dir=sweep"]);
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(r.cwd, "sweep", "summary.json"), "utf8")) as { completed: number; jobs: Array<{ overrides: string[]; test_accuracy: number }>; best: { num: number; test_accuracy: number } };
    expect(summary.completed).toBe(2);
    expect(summary.jobs.map((j) => j.overrides)).toEqual([["trainer.max_epochs=2", "model.optimizer.lr=0.001"], ["trainer.max_epochs=2", "model.optimizer.lr=0.05"]]);
    expect(summary.best.test_accuracy).toBe(Math.max(...summary.jobs.map((j) => j.test_accuracy)));
    expect(existsSync(path.join(r.cwd, "sweep", "0", "train.log"))).toBe(true);
  }, 120_000);
});
