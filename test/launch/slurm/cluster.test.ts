// hydra/launcher=slurm against a real one-node SLURM (scripts/slurm-local.sh), through the built bin and a
// main() app as a user runs them (build first: npm run build). One cluster for the file; the sweeps run
// concurrently, each with its own arrays.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRecord, Manifest } from "../../../src/runs/manifest.js";
import { slurmSkipReason, startSlurm, type TestSlurm } from "../../helpers/slurm.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const BIN = path.join(ROOT, "dist/cli.js");
const FIXTURES = path.join(import.meta.dirname, "fixtures");
const APP = path.join(FIXTURES, "app.mjs");
const TASK = path.join(FIXTURES, "task.sh");
const LONG = 240_000;

const skip = slurmSkipReason();
if (skip) console.warn(skip);

let slurm: TestSlurm;
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "hydrant-slurm-sweep-"));

interface Run {
  proc: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** A sweep through the bin (`-- task.sh {job_num}`) or the main() app, on the slurm launcher. */
function sweep(kind: "cmd" | "app", sweepDir: string, args: string[], env: Record<string, string> = {}): Run {
  const common = ["-m", "hydra/launcher=slurm", "hydra.launcher.poll_interval_s=0.5", `hydra.sweep.dir=${sweepDir}`, ...args];
  const argv = kind === "app" ? [APP, ...common] : [BIN, "-cd", path.join(FIXTURES, "conf"), "-cn", "config", ...common, "--", TASK, "{job_num}"];
  return spawnRun(argv, env);
}

function resume(kind: "cmd" | "app", sweepDir: string, env: Record<string, string> = {}): Run {
  return spawnRun([kind === "app" ? APP : BIN, "--resume", sweepDir], env);
}

function spawnRun(argv: string[], env: Record<string, string>): Run {
  const proc = spawn(process.execPath, argv, { cwd: FIXTURES, env: { ...slurm.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  proc.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => proc.on("close", (code) => resolve({ code, stdout, stderr })));
  return { proc, done };
}

function manifest(sweepDir: string): Manifest {
  return JSON.parse(readFileSync(path.join(sweepDir, "experiment.json"), "utf8")) as Manifest;
}

function readJournalJobs(sweepDir: string): Map<number, JobRecord> {
  // The snapshot may lag the journal by a moment while the sweep runs: replay the journal too.
  const jobs = new Map(manifest(sweepDir).jobs.map((j) => [j.num, j]));
  const file = path.join(sweepDir, "experiment.journal.jsonl");
  if (!existsSync(file)) return jobs;
  for (const line of readFileSync(file, "utf8").split("\n").filter(Boolean)) {
    const l = JSON.parse(line) as { num?: number; patch?: Partial<JobRecord>; replace?: boolean };
    if (l.num === undefined || !l.patch) continue;
    jobs.set(l.num, { ...(l.replace ? {} : jobs.get(l.num)), ...l.patch } as JobRecord);
  }
  return jobs;
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Live (not yet ended) tasks of the given arrays, as squeue shows them. */
function liveTasks(arrayIds: string[]): string[] {
  const out = execFileSync("squeue", ["--me", "-h", "-r", "-o", "%F %i %T"], { env: slurm.env, encoding: "utf8" });
  return out.split("\n").filter((l) => arrayIds.includes(l.split(" ")[0]));
}

function arrayIdsOf(sweepDir: string): string[] {
  const file = path.join(sweepDir, ".slurm", "submissions.jsonl");
  return readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { arrayId?: string }).flatMap((l) => (l.arrayId ? [l.arrayId] : []));
}

const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : []);

describe.skipIf(skip !== undefined).concurrent("slurm launcher on a local cluster", () => {
  beforeAll(async () => {
    slurm = await startSlurm({ cpus: 6 });
  }, 120_000);
  afterAll(async () => {
    await slurm?.stop();
  }, 60_000);

  it("runs a 20-job sweep of a main() app, every result in the manifest", async () => {
    const dir = tmp();
    const { code, stderr } = await sweep("app", dir, ["x=range(20)"]).done;
    expect(code, stderr).toBe(0);
    const m = manifest(dir);
    expect(m.launcher).toBe("slurm");
    expect(m.jobs).toHaveLength(20);
    for (const j of m.jobs) {
      expect(j).toMatchObject({ status: "completed", result: { score: j.num * 2 }, scheduler: { state: "COMPLETED" }, host: expect.any(String) });
      expect((j.result as { slurm_task: string }).slurm_task).toBe(j.scheduler?.id);
    }
  }, LONG);

  it("runs a 20-job sweep of `-- CMD` in arrays below max_array_size, every result in the manifest", async () => {
    const dir = tmp();
    const { code, stderr } = await sweep("cmd", dir, ["x=range(20)", "hydra.launcher.max_array_size=8"]).done;
    expect(code, stderr).toBe(0);
    const m = manifest(dir);
    expect(m.jobs.map((j) => [j.status, (j.result as { num: number }).num])).toEqual(m.jobs.map((j) => ["completed", j.num]));
    expect(arrayIdsOf(dir)).toHaveLength(3);
    expect(readdirSync(path.join(dir, "0"))).toContain("hydrant-outcome.json");
  }, LONG);

  it("never runs more than array_parallelism tasks at once", async () => {
    const dir = tmp();
    const { code, stderr } = await sweep("cmd", dir, ["x=range(6)", "hydra.launcher.array_parallelism=2"], { SLEEP: "1" }).done;
    expect(code, stderr).toBe(0);
    const spans = manifest(dir).jobs.map((j) => j.result as { start: number; end: number });
    const most = Math.max(...spans.map((s) => spans.filter((o) => o.start <= s.start && s.start < o.end).length));
    expect(most).toBeLessThanOrEqual(2);
    expect(readFileSync(path.join(dir, ".slurm", readdirSync(path.join(dir, ".slurm")).find((f) => f !== "submissions.jsonl") as string, "array.sbatch"), "utf8")).toContain("--array=0-5%2");
  }, LONG);

  it("records a task that exits non-zero as failed, and the others complete", async () => {
    const dir = tmp();
    const { code } = await sweep("cmd", dir, ["x=range(5)"], { EXIT_2: "3" }).done;
    expect(code).toBe(1);
    const jobs = manifest(dir).jobs;
    expect(jobs[2]).toMatchObject({ status: "failed", return_code: 3, scheduler: { state: "FAILED" } });
    expect(jobs.filter((j) => j.status === "completed").map((j) => j.num)).toEqual([0, 1, 3, 4]);
  }, LONG);

  it("records a task cancelled with scancel, and --resume runs that one only", async () => {
    const dir = tmp();
    const log = path.join(dir, "runs.log");
    const env = { LOG: log, SLEEP_1: "120", ONCE: path.join(dir, "slept") };
    const run = sweep("cmd", dir, ["x=range(4)"], env);
    // Running as SLURM sees it, and its command started (it logged itself).
    const task = await until("job 1 running", () => {
      const j = existsSync(path.join(dir, "experiment.json")) ? readJournalJobs(dir).get(1) : undefined;
      return j?.status === "running" && lines(log).includes("1") ? j.scheduler?.id : undefined;
    });
    execFileSync("scancel", [task], { env: slurm.env });
    const { code } = await run.done;
    expect(code).toBe(1);
    const jobs = manifest(dir).jobs;
    expect(jobs[1]).toMatchObject({ status: "failed", scheduler: { id: task, state: "CANCELLED" }, error: expect.stringContaining("cancelled") });
    expect(jobs.filter((j) => j.status === "completed")).toHaveLength(3);
    expect(lines(log).sort()).toEqual(["0", "1", "2", "3"]);

    const again = await resume("cmd", dir, env).done;
    expect(again.code, again.stderr).toBe(0);
    expect(lines(log).slice(4)).toEqual(["1"]);
    expect(manifest(dir).jobs.map((j) => j.status)).toEqual(["completed", "completed", "completed", "completed"]);
    expect(manifest(dir).jobs[1].scheduler?.state).toBe("COMPLETED");
  }, LONG);

  it("kills a task past timeout_min and records TIMEOUT", async () => {
    const dir = tmp();
    const { code } = await sweep("cmd", dir, ["x=range(2)", "hydra.launcher.timeout_min=1"], { SLEEP_1: "600" }).done;
    expect(code).toBe(1);
    const jobs = manifest(dir).jobs;
    expect(jobs[0].status).toBe("completed");
    expect(jobs[1]).toMatchObject({ status: "failed", scheduler: { state: "TIMEOUT" }, error: expect.stringContaining("time limit") });
  }, LONG);

  it("cancels the arrays when the submitter gets Ctrl-C", async () => {
    const dir = tmp();
    const run = sweep("app", dir, ["x=range(4)", "sleep_s=120"]);
    await until("all 4 jobs running", () => [...(existsSync(path.join(dir, "experiment.json")) ? readJournalJobs(dir).values() : [])].filter((j) => j.status === "running").length === 4 || undefined);
    run.proc.kill("SIGINT");
    const { code, stderr } = await run.done;
    expect(code, stderr).toBe(130);
    expect(liveTasks(arrayIdsOf(dir))).toEqual([]);
    // Interrupted jobs are recorded so (a resume runs them again), with the task that ran them.
    expect(manifest(dir).status).toBe("interrupted");
    for (const j of manifest(dir).jobs) expect(j).toMatchObject({ status: "interrupted", scheduler: { id: expect.any(String) }, error: expect.stringContaining("interrupted") });
  }, LONG);

  it("--detach returns once submitted; --resume later follows the tasks and finishes the sweep", async () => {
    const dir = tmp();
    const log = path.join(dir, "runs.log");
    const detached = await sweep("cmd", dir, ["x=range(6)", "--detach"], { LOG: log, SLEEP: "2" }).done;
    expect(detached.code, detached.stderr).toBe(0);
    expect(detached.stderr).toMatch(/detached/);
    expect(manifest(dir).jobs.every((j) => j.status === "pending")).toBe(true);
    const results = execFileSync(process.execPath, [BIN, "results", dir], { env: slurm.env, encoding: "utf8" });
    expect(results).toContain("pending");
    // Some tasks end while nobody watches, some are still queued or running when the resume attaches.
    await until("a task ended", () => lines(log).length >= 2 || undefined);
    const resumed = await resume("cmd", dir, { LOG: log, SLEEP: "2" }).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(manifest(dir).jobs.map((j) => [j.num, j.status, (j.result as { num: number }).num])).toEqual([0, 1, 2, 3, 4, 5].map((n) => [n, "completed", n]));
    // Followed, not submitted again: each job ran once.
    expect(lines(log).sort()).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(arrayIdsOf(dir)).toHaveLength(1);
  }, LONG);

  it("gives each task the GPUs it asked for (gpus_per_node → --gpus-per-node, CUDA_VISIBLE_DEVICES)", async () => {
    const dir = tmp();
    const { code, stderr } = await sweep("cmd", dir, ["x=range(2)", "hydra.launcher.gpus_per_node=1"], { SLEEP: "1" }).done;
    expect(code, stderr).toBe(0);
    const gpus = manifest(dir).jobs.map((j) => (j.result as { gpus: string }).gpus);
    expect(gpus.every((g) => /^[01]$/.test(g))).toBe(true);
  }, LONG);
});
