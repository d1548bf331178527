// Real processes: the fixture main() app run with node --import tsx.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readManifest } from "../../src/runs/manifest.js";
import { read, readLog, runAppSync, tmpDir } from "./helpers.js";

// Each test starts node with tsx, slow on a loaded machine.
describe("main() single run", { timeout: 60_000 }, () => {
  it("composes, makes outputs/YYYY-MM-DD/HH-MM-SS with the .hydra files and calls the task", () => {
    const cwd = tmpDir();
    const log = path.join(cwd, "log.jsonl");
    const r = runAppSync(cwd, ["x=5", "db=b", `log=${log}`]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const [day] = readdirSync(path.join(cwd, "outputs"));
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [time] = readdirSync(path.join(cwd, "outputs", day));
    expect(time).toMatch(/^\d{2}-\d{2}-\d{2}$/);
    const dir = path.join(cwd, "outputs", day, time);
    expect(read(dir, ".hydra/config.yaml")).toContain("x: 5\nw: ${x}\n");
    expect(read(dir, ".hydra/overrides.yaml")).toBe(`- x=5\n- db=b\n- log=${log}\n`);
    const hydraYaml = read(dir, ".hydra/hydra.yaml");
    expect(hydraYaml).toMatch(/^hydra:\n/);
    expect(hydraYaml).toContain("- hydra.mode=RUN");
    expect(hydraYaml).toContain(`output_dir: ${dir}`);
    const [line] = readLog(log);
    expect(line).toMatchObject({ x: 5, w: 5, db: "b", num: null, cwd, out: dir });
  }, 60_000);

  it("keeps a float a float in the run dir's files, while the task reads a plain JS number", () => {
    const cwd = tmpDir();
    const log = path.join(cwd, "log.jsonl");
    const r = runAppSync(cwd, ["x=2.0", `log=${log}`, "hydra.run.dir=out"]);
    expect(r.stderr).toBe("");
    // Python reads `2.0` back as a float, as it would from Hydra's own .hydra/config.yaml.
    expect(read(path.join(cwd, "out"), ".hydra/config.yaml")).toContain("x: 2.0\nw: ${x}\n");
    expect(read(path.join(cwd, "out"), ".hydra/overrides.yaml")).toContain("- x=2.0\n");
    const [line] = readLog(log);
    expect(line).toMatchObject({ x: 2, w: 2 });
    expect(typeof line!.x).toBe("number");
    const shown = runAppSync(cwd, ["--cfg", "job", "--resolve", "x=1e3"]);
    expect(shown.stdout).toContain("x: 1000.0\nw: 1000.0\n");
  }, 60_000);

  it("changes into the run dir with hydra.job.chdir=true", () => {
    const cwd = tmpDir();
    const log = path.join(cwd, "log.jsonl");
    const r = runAppSync(cwd, [`log=${log}`, "hydra.job.chdir=true", "hydra.run.dir=run1"]);
    expect(r.status).toBe(0);
    expect(readLog(log)[0].cwd).toBe(path.join(cwd, "run1"));
  }, 60_000);

  it("reports a failing task with exit code 1", () => {
    const cwd = tmpDir();
    const r = runAppSync(cwd, ["fail_on=1", "hydra.run.dir=r"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("x=1 is bad");
    expect(existsSync(path.join(cwd, "r/.hydra/config.yaml"))).toBe(true);
  }, 60_000);

  it("prints --cfg job, and one document per job with --multirun", () => {
    const cwd = tmpDir();
    const single = runAppSync(cwd, ["--cfg", "job", "x=3", "--resolve"]);
    expect(single.stdout).toContain("x: 3\nw: 3\n");
    const multi = runAppSync(cwd, ["-m", "--cfg", "job", "x=3,4"]);
    expect(multi.stdout.split("---\n").map((d) => /x: (\d)/.exec(d)?.[1])).toEqual(["3", "4"]);
    expect(existsSync(path.join(cwd, "outputs"))).toBe(false);
    expect(existsSync(path.join(cwd, "multirun"))).toBe(false);
  }, 60_000);
});

describe("main() multirun", { timeout: 60_000 }, () => {
  it("lays out the sweep like Hydra, one job per grid point in order, with the manifest", () => {
    const cwd = tmpDir();
    const log = path.join(cwd, "log.jsonl");
    const r = runAppSync(cwd, ["-m", "x=1,2", "db=a,b", `log=${log}`]);
    expect(r.stderr).toMatch(/Launching \d+ of \d+ jobs/);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const [day] = readdirSync(path.join(cwd, "multirun"));
    const [time] = readdirSync(path.join(cwd, "multirun", day));
    const sweepDir = path.join(cwd, "multirun", day, time);
    expect(readdirSync(sweepDir).sort()).toEqual(["0", "1", "2", "3", "experiment.journal.jsonl", "experiment.json", "multirun.yaml"]);
    expect(read(sweepDir, "multirun.yaml")).toContain("- hydra.mode=MULTIRUN");
    expect(readLog(log).map((l) => [l.num, l.x, l.db])).toEqual([[0, 1, "a"], [1, 1, "b"], [2, 2, "a"], [3, 2, "b"]]);
    expect(read(sweepDir, "3/.hydra/overrides.yaml")).toBe(`- x=2\n- db=b\n- log=${log}\n`);
    const hydra3 = read(sweepDir, "3/.hydra/hydra.yaml");
    expect(hydra3).toMatch(/\n    num: 3\n/);
    expect(hydra3).toMatch(/\n    id: 3\n/);
    expect(hydra3).toContain(`override_dirname: db=b,log=${log},x=2`);
    const m = readManifest(sweepDir);
    expect(m.status).toBe("completed");
    expect(m.jobs.map((j) => [j.status, j.overrides[0], (j.result as { score: number }).score, j.job_dir])).toEqual([
      ["completed", "x=1", 2, path.join(sweepDir, "0")],
      ["completed", "x=1", 2, path.join(sweepDir, "1")],
      ["completed", "x=2", 4, path.join(sweepDir, "2")],
      ["completed", "x=2", 4, path.join(sweepDir, "3")],
    ]);
    expect(m.origin).toMatchObject({ config_name: "config", overrides: ["x=1,2", "db=a,b", `log=${log}`] });
  }, 60_000);

  it("uses hydra.sweep.subdir interpolations and sweeps what an experiment declares", () => {
    const cwd = tmpDir();
    const log = path.join(cwd, "log.jsonl");
    const r = runAppSync(cwd, ["-m", "+experiment=ablation", `log=${log}`, "hydra.sweep.dir=sw", "hydra.sweep.subdir=${hydra.job.override_dirname}", "hydra.job.config.override_dirname.exclude_keys=[log]"]);
    expect(r.stderr).toMatch(/Launching \d+ of \d+ jobs/);
    expect(r.stderr).not.toMatch(/Error/);
    expect(readLog(log).map((l) => [l.x, l.db])).toEqual([[10, "a"], [10, "b"], [20, "a"], [20, "b"]]);
    expect(readdirSync(path.join(cwd, "sw")).filter((d) => d.startsWith("+")).sort()).toEqual([
      "+experiment=ablation,db=a,x=10",
      "+experiment=ablation,db=b,x=10",
      "+experiment=ablation,db=a,x=20",
      "+experiment=ablation,db=b,x=20",
    ].sort());
  }, 60_000);

  it("records a failing job and goes on; the run exits non-zero", () => {
    const cwd = tmpDir();
    const r = runAppSync(cwd, ["-m", "x=1,2,3", "fail_on=2", "hydra.sweep.dir=sw"]);
    expect(r.status).toBe(1);
    const m = readManifest(path.join(cwd, "sw"));
    expect(m.status).toBe("failed");
    expect(m.jobs.map((j) => j.status)).toEqual(["completed", "failed", "completed"]);
    expect(m.jobs[1].error).toContain("x=2 is bad");
  }, 60_000);

  it("runs main() jobs in forked workers with the local launcher, one GPU per running job", () => {
    const cwd = tmpDir();
    const log = path.join(cwd, "log.jsonl");
    const r = runAppSync(cwd, ["-m", "x=range(6)", "sleep_ms=50", `log=${log}`, "hydra/launcher=local", "hydra.launcher.n_jobs=2", "hydra.launcher.gpus=[0,1]", "hydra.sweep.dir=sw"]);
    expect(r.stderr).toMatch(/Launching \d+ of \d+ jobs/);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const lines = readLog(log);
    expect(lines.map((l) => l.x).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const pids = new Set(lines.map((l) => l.pid));
    expect(pids.size).toBe(2);
    expect(new Set(lines.map((l) => l.gpu))).toEqual(new Set(["0", "1"]));
    const m = readManifest(path.join(cwd, "sw"));
    expect(m.launcher).toBe("local");
    expect(m.jobs.every((j) => j.status === "completed")).toBe(true);
    expect(existsSync(path.join(cwd, "sw/5/.hydra/config.yaml"))).toBe(true);
  }, 60_000);
});

describe("main() as a Hydra app", () => {
  it("reading a ??? value throws MissingMandatoryValueError naming the key, not the string '???'", () => {
    const cwd = tmpDir();
    const r = runAppSync(cwd, ["log=???", "hydra.run.dir=r"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Missing mandatory value: log");
    expect(r.stderr).not.toContain("    at ");
  }, 60_000);

  it("names the job after the script, as Hydra does (hydra.job.name, --cfg hydra)", () => {
    const cwd = tmpDir();
    expect(runAppSync(cwd, ["--cfg", "hydra"]).stdout).toMatch(/\n    name: app\n/);
    expect(runAppSync(cwd, ["--cfg", "job", "+who=${hydra:job.name}", "--resolve"]).stdout).toContain("who: app\n");
  }, 60_000);

  it("prints its version with --version, which --hydra-help lists", () => {
    const cwd = tmpDir();
    expect(runAppSync(cwd, ["--hydra-help"]).stdout).toContain("--version");
    const r = runAppSync(cwd, ["--version"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+(-dev)?\n$/);
  }, 60_000);
});

describe("main() sweep cut short by --limit", () => {
  it("suggests the resume command that works (the app's own script), and it does", () => {
    const cwd = tmpDir();
    const first = runAppSync(cwd, ["-m", "x=1,2,3", "--limit", "1", "hydra.sweep.dir=s"]);
    const suggested = /2 not run \((.+ --resume \S+)\)/.exec(first.stderr)?.[1];
    expect(suggested).toMatch(/^node .*app\.ts --resume \S+s$/);
    const again = spawnSync("sh", ["-c", suggested!], { cwd, encoding: "utf8", env: { ...process.env, HYDRANT_WORKER: "" } });
    expect(again.stderr).toContain("3 completed, 0 failed");
    expect(again.status).toBe(0);
  }, 120_000);
});
