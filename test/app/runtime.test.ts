// Real processes: a main() app with default overrides, its job log, and reruns of its jobs.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { read, tmpDir, TSX } from "./helpers.js";

const APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/runtime/app.ts");
const BIN = path.resolve("dist/cli.js");
const HYDRA_LINE = /^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}\]\[([^\]]+)\]\[(\w+)\] - (.*)$/;

function run(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", TSX, APP, ...args], { cwd, encoding: "utf8", env: { ...process.env, HYDRANT_WORKER: "" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const logFileOf = (dir: string): string => {
  const logs = readdirSync(dir).filter((f) => f.endsWith(".log"));
  expect(logs).toHaveLength(1);
  return path.join(dir, logs[0]);
};

describe("main() default overrides", () => {
  it("applies main()'s overrides before the command line's", () => {
    const cwd = tmpDir();
    expect(run(cwd, ["hydra.run.dir=a"]).status).toBe(0);
    expect(read(cwd, "a/.hydra/config.yaml")).toMatch(/^x: 7$/m);
    expect(read(cwd, "a/.hydra/config.yaml")).toMatch(/^  name: b$/m);
    expect(run(cwd, ["hydra.run.dir=b", "x=9"]).status).toBe(0);
    expect(read(cwd, "b/.hydra/config.yaml")).toMatch(/^x: 9$/m);
    expect(read(cwd, "b/.hydra/overrides.yaml")).toBe("- db=b\n- x=7\n- x=9\n");
  }, 60_000);
});

describe("job logging of a main() task", () => {
  it("logs to the console and to <output dir>/<job name>.log in Hydra's format; hydra.verbose adds DEBUG", () => {
    const cwd = tmpDir();
    const r = run(cwd, ["hydra.run.dir=out"]);
    expect(r.status).toBe(0);
    const [line] = r.stdout.trim().split("\n");
    expect(HYDRA_LINE.exec(line)?.slice(2)).toEqual(["INFO", "x=7 db=b"]);
    const file = read(logFileOf(path.join(cwd, "out"))).trim().split("\n");
    expect(file).toHaveLength(1);
    expect(file[0]).toBe(line);
    expect(run(cwd, ["hydra.run.dir=verbose", "hydra.verbose=true"]).stdout).toContain("][DEBUG] - a debug line");
  }, 60_000);

  it("hydra/job_logging=disabled writes no log file and logs nothing below ERROR", () => {
    const cwd = tmpDir();
    const r = run(cwd, ["hydra.run.dir=quiet", "hydra/job_logging=disabled"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(readdirSync(path.join(cwd, "quiet")).filter((f) => f.endsWith(".log"))).toEqual([]);
  }, 60_000);
});

describe("rerun", () => {
  it("--rerun JOB_DIR runs a main() job again from its .hydra files, new overrides on top, in a new dir", () => {
    const cwd = tmpDir();
    expect(run(cwd, ["hydra.run.dir=first", "x=2"]).status).toBe(0);
    const r = run(cwd, ["--rerun", "first", "x=5"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("x=5 db=b");
    const [day] = readdirSync(path.join(cwd, "outputs"));
    const [time] = readdirSync(path.join(cwd, "outputs", day));
    const dir = path.join(cwd, "outputs", day, time);
    expect(read(dir, ".hydra/overrides.yaml")).toBe("- db=b\n- x=7\n- x=2\n- x=5\n");
    expect(read(dir, ".hydra/config.yaml")).toMatch(/^x: 5$/m);
    expect(read(cwd, "first/.hydra/config.yaml")).toMatch(/^x: 2$/m);
  }, 60_000);

  it("hydrant rerun JOB_DIR reruns a command job; a sweep job's command comes from its manifest", () => {
    const cwd = tmpDir();
    const conf = path.resolve("test/fixtures/run/conf");
    const cmd = [process.execPath, "-e", "process.stdout.write(require('fs').readFileSync(process.env.HYDRANT_CONFIG,'utf8'))"];
    const sweep = spawnSync(process.execPath, [BIN, "-cd", conf, "-cn", "config", "-m", "x=1,2", "hydra.sweep.dir=sweep", "--", ...cmd], { cwd, encoding: "utf8" });
    expect(sweep.status).toBe(0);
    const again = spawnSync(process.execPath, [BIN, "rerun", "sweep/1", "hydra.run.dir=again", "db.port=99"], { cwd, encoding: "utf8" });
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/x: 2\n/);
    expect(again.stdout).toMatch(/port: 99\n/);
    const group = spawnSync(process.execPath, [BIN, "rerun", "sweep/1", "db=a"], { cwd, encoding: "utf8" });
    expect(group.status).toBe(1);
    expect(group.stderr).toContain("'db=a' would choose a config group option");
  }, 60_000);
});
