// External programs as the task, through runApp (the CLI's path), with both launchers.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runApp } from "../../src/app/run-app.js";
import type { AppArgs, MultirunOutcome, SingleRunOutcome } from "../../src/app/types.js";
import type { RunEvent } from "../../src/runs/events.js";
import { readManifest } from "../../src/runs/manifest.js";
import { CONF, read, tmpDir } from "./helpers.js";

// Reads its config through HYDRANT_CONFIG, reports a result, fails when x is 3.
const SCRIPT = `
const fs = require("fs");
const text = fs.readFileSync(process.env.HYDRANT_CONFIG, "utf8");
const x = Number(/^x: (\\d+)/m.exec(text)[1]);
const w = Number(/^w: (\\d+)/m.exec(text)[1]);
console.log("job", process.env.HYDRANT_JOB_NUM, "x", x, "arg", process.argv[1]);
fs.writeFileSync(process.env.HYDRANT_RESULT, JSON.stringify({ x, w, gpu: process.env.CUDA_VISIBLE_DEVICES ?? null }));
process.exit(x === 3 ? 7 : 0);
`;

const args = (overrides: string[], multirun = true): AppArgs => ({ configDir: CONF, configName: "config", overrides, multirun, resolve: false });
const command = { command: [process.execPath, "-e", SCRIPT, "{job_dir}"] };

function inDir<T>(dir: string, f: () => Promise<T>): Promise<T> {
  const old = process.cwd();
  process.chdir(dir);
  return f().finally(() => process.chdir(old));
}

describe("command tasks", { timeout: 60_000 }, () => {
  it("single run: unresolved .hydra/config.yaml, resolved config.resolved.yaml (mode 600), exit code as status, output to logs and hook", async () => {
    const cwd = tmpDir();
    const chunks: string[] = [];
    const out = (await inDir(cwd, () => runApp(args(["x=4", "hydra.run.dir=run"], false), command, { onOutput: (c) => chunks.push(c.toString()) }))) as SingleRunOutcome;
    expect(out).toMatchObject({ mode: "run", status: "completed", exitCode: 0, result: { x: 4, w: 4 } });
    const dir = path.join(cwd, "run");
    expect(read(dir, ".hydra/config.yaml")).toContain("x: 4\nw: ${x}\n");
    expect(read(dir, ".hydra/config.resolved.yaml")).toContain("x: 4\nw: 4\n");
    expect(statSync(path.join(dir, ".hydra/config.resolved.yaml")).mode & 0o777).toBe(0o600);
    expect(read(dir, "stdout.log")).toBe(`job  x 4 arg ${dir}\n`);
    expect(chunks.join("")).toBe(`job  x 4 arg ${dir}\n`);
  });

  it.each([["basic"], ["local"]])("multirun with the %s launcher: per-job dirs, logs, a failing job recorded", async (launcher) => {
    const cwd = tmpDir();
    const events: RunEvent[] = [];
    const extra = launcher === "local" ? ["hydra/launcher=local", "hydra.launcher.n_jobs=2", "hydra.launcher.gpus=[5,6]"] : [];
    const out = (await inDir(cwd, () => runApp(args(["x=1,2,3,4", "hydra.sweep.dir=sw", ...extra]), command, { onEvent: (e) => events.push(e) }))) as MultirunOutcome;
    expect(out).toMatchObject({ mode: "multirun", status: "failed", total: 4, completed: 3, failed: 1, notRun: 0 });
    const sw = path.join(cwd, "sw");
    const m = readManifest(sw);
    expect(m.launcher).toBe(launcher);
    expect(m.jobs.map((j) => [j.overrides, j.status, j.return_code])).toEqual([
      [["x=1"], "completed", 0],
      [["x=2"], "completed", 0],
      [["x=3"], "failed", 7],
      [["x=4"], "completed", 0],
    ]);
    expect(m.jobs[3].result).toMatchObject({ x: 4, w: 4 });
    expect(m.origin.command).toEqual(command.command);
    for (const n of [0, 1, 2, 3]) {
      expect(read(sw, String(n), "stdout.log")).toContain(`job ${n} x ${n + 1} arg ${path.join(sw, String(n))}`);
      expect(existsSync(path.join(sw, String(n), ".hydra/hydra.yaml"))).toBe(true);
    }
    if (launcher === "local") expect(new Set(m.jobs.map((j) => (j.result as { gpu: string }).gpu))).toEqual(new Set(["5", "6"]));
    expect(events[0]).toMatchObject({ type: "sweep_start", total: 4, toRun: 4, launcher });
    expect(events.filter((e) => e.type === "job_end")).toHaveLength(4);
    expect(events.at(-1)).toMatchObject({ type: "sweep_end", completed: 3, failed: 1 });
  });

  it("fail-fast stops starting jobs after the first failure", async () => {
    const cwd = tmpDir();
    const out = (await inDir(cwd, () => runApp(args(["x=3,1,2", "hydra.sweep.dir=sw"]), command, { failFast: true }))) as MultirunOutcome;
    expect(out).toMatchObject({ completed: 0, failed: 1, notRun: 2 });
  });

  it("resumes a command sweep from its manifest alone", async () => {
    const cwd = tmpDir();
    await inDir(cwd, () => runApp(args(["x=1,2", "hydra.sweep.dir=sw"]), command, { }).then(() => undefined));
    const log = JSON.parse(readFileSync(path.join(cwd, "sw/experiment.json"), "utf8"));
    expect(log.jobs).toHaveLength(2);
    const again = (await inDir(cwd, () => runApp({ overrides: [], multirun: false, resolve: false, resume: "sw" }, { command: [] }))) as MultirunOutcome;
    expect(again).toMatchObject({ completed: 2, failed: 0, notRun: 0 });
  });
});
