// The built bin, end to end: what a user sees on stdout/stderr and the exit code.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(root, "dist/cli.js");
const CONF = path.join(root, "conf");

function hydrant(args: string[], env: NodeJS.ProcessEnv = {}, cwd = root): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60_000, env: { ...process.env, HYDRANT_FULL_ERROR: "", ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const STACK = /\n\s+at .+:\d+:\d+/;

describe("the hydrant bin", { timeout: 60_000 }, () => {
  let broken: string;
  beforeAll(() => {
    broken = mkdtempSync(path.join(os.tmpdir(), "hydrant-bin-"));
    mkdirSync(path.join(broken, "db"));
    writeFileSync(path.join(broken, "config.yaml"), "defaults:\n  - db: mysql\n  - _self_\nname: app\nport: ${missing.key}\n");
    writeFileSync(path.join(broken, "db/mysql.yaml"), "host: localhost\nport: [1, 2\n");
  });

  it("prints the composed job config of the example app", () => {
    const r = hydrant(["-cd", CONF, "-cn", "config", "+experiment=quick_test", "--cfg", "job"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^model:\n/m);
    expect(r.stdout).toContain("description: Smoke test");
  });

  it("lists config groups with their options (--info config-groups)", () => {
    const r = hydrant(["-cd", CONF, "--info", "config-groups"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("optimizer: adam, sgd");
    expect(r.stdout).toMatch(/hydra\/launcher: basic, bullmq, local/);
  });

  it("names the file, line and column of broken YAML, without a stack trace", () => {
    const r = hydrant(["-cd", broken, "-cn", "config"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/db[/\\]mysql\.yaml:\d+:\d+/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toContain("HYDRANT_FULL_ERROR=1");
  });

  it("shows the stack trace with HYDRANT_FULL_ERROR=1", () => {
    const r = hydrant(["-cd", broken, "-cn", "config"], { HYDRANT_FULL_ERROR: "1" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(STACK);
  });

  it("names the override and its column for a bad override", () => {
    const r = hydrant(["-cd", CONF, "-cn", "config", "optimizer.learning_rate=[1,2"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("optimizer.learning_rate=[1,2");
    expect(r.stderr).toMatch(/column \d+/i);
    expect(r.stderr).not.toMatch(STACK);
  });

  it("lists the available options of an unknown group option", () => {
    const r = hydrant(["-cd", CONF, "-cn", "config", "optimizer=adamw"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("adamw");
    expect(r.stderr).toMatch(/adam[\s\S]*sgd/);
  });

  it("gives Hydra's hint for a sweep without --multirun", () => {
    const r = hydrant(["-cd", CONF, "-cn", "config", "seed=1,2"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--multirun/);
  });

  it("hints at -cn when no primary config was given and the config dir has config.yaml", () => {
    const r = hydrant(["-cd", CONF, "+experiment=quick_test"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("-cn config");
  });

  it("runs a command once per job and prints the results table", () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "hydrant-bin-run-"));
    const script = "const fs=require('fs');fs.writeFileSync(process.env.HYDRANT_RESULT, JSON.stringify({ok:process.env.HYDRANT_JOB_NUM}))";
    const r = hydrant(["-cd", CONF, "-cn", "config", "-m", "seed=1,2", "hydra.sweep.dir=sweep", "--", process.execPath, "-e", script], {}, cwd);
    expect(r.stderr).toContain("2 completed, 0 failed");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/seed=1[\s\S]*seed=2/);
  });

  it("prints hydrant's usage for --help alone and its version for --version", () => {
    const help = hydrant(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("experiment");
    const version = hydrant(["--version"]);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
  it("results: one sort convention with experiment show (smallest first, --desc), unknown keys listed, exit 0 with failed jobs", () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "hydrant-bin-results-"));
    const script = "const n=Number(process.env.HYDRANT_JOB_NUM);require('fs').writeFileSync(process.env.HYDRANT_RESULT, JSON.stringify({loss:[0.5,0.1,0.3][n]}));process.exit(n===2?3:0)";
    hydrant(["-cd", CONF, "-cn", "config", "-m", "seed=1,2,3", "hydra.sweep.dir=sweep", "--", process.execPath, "-e", script], {}, cwd);
    const order = (args: string[]) => hydrant(["results", "sweep", ...args], {}, cwd).stdout.split("\n").slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]);
    expect(order(["--sort-by", "loss"])).toEqual(["1", "2", "0"]);
    expect(order(["--sort", "loss", "--desc"])).toEqual(["0", "2", "1"]);
    const plain = hydrant(["results", "sweep"], {}, cwd);
    expect(plain.status).toBe(0);
    const unknown = hydrant(["results", "sweep", "--sort-by", "los"], {}, cwd);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("Cannot sort by 'los': the columns are num, status, duration, loss");
  }, 60_000);

  it("a subcommand with missing arguments says so once and runs nothing", () => {
    for (const args of [["results"], ["worker"]]) {
      const r = hydrant(args);
      expect(r.status).toBe(1);
      expect(r.stderr.match(/Run 'hydrant --help' for usage/g)).toHaveLength(1);
      expect(r.stderr).not.toContain("Error:");
      expect(r.stdout).toBe("");
    }
  }, 60_000);
});
