// Failure policy of a sweep through the bin: max_failures / --fail-fast, retries with a flaky command,
// and --resume --retry-failed. Real processes; generous timeouts, no timing assertions.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAppArgv } from "../../src/app/argv.js";
import { readManifest } from "../../src/runs/manifest.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(root, "dist/cli.js");

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-failures-"));
  mkdirSync(path.join(dir, "conf"));
  writeFileSync(path.join(dir, "conf/config.yaml"), "seed: 0\n");
  return dir;
}

function hydrant(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [BIN, "-cd", "conf", "-cn", "config", ...args], { cwd, encoding: "utf8", timeout: 120_000 });
}

function onlySweep(cwd: string): string {
  const day = path.join(cwd, "multirun", readdirSync(path.join(cwd, "multirun"))[0]!);
  return path.join(day, readdirSync(day)[0]!);
}

const statuses = (sweepDir: string) => readManifest(sweepDir).jobs.map((j) => j.status);
// Job n fails when n % 4 == 1: jobs 1, 5, 9, 13, 17 of 20.
const EVERY_FOURTH_FAILS = ["sh", "-c", "test $(( HYDRANT_JOB_NUM % 4 )) -ne 1"];

describe("failure policy", () => {
  it("runs every job by default, whatever fails (exit 1)", () => {
    const cwd = project();
    const r = hydrant(cwd, ["-m", "seed=range(20)", "--", ...EVERY_FOURTH_FAILS]);
    expect(r.status).toBe(1);
    const s = statuses(onlySweep(cwd));
    expect(s.filter((x) => x === "failed")).toHaveLength(5);
    expect(s.filter((x) => x === "completed")).toHaveLength(15);
  }, 120_000);

  it("--max-failures N starts no job after the N-th failure; the rest stay pending (not run) for a resume", () => {
    const cwd = project();
    const r = hydrant(cwd, ["-m", "seed=range(20)", "--max-failures", "2", "--", ...EVERY_FOURTH_FAILS]);
    expect(r.status).toBe(1);
    const dir = onlySweep(cwd);
    const s = statuses(dir);
    // The basic launcher runs one job at a time: jobs 0–5 ran (1 and 5 failed), 6–19 did not.
    expect(s.slice(0, 6)).toEqual(["completed", "failed", "completed", "completed", "completed", "failed"]);
    expect(s.slice(6).every((x) => x === "pending")).toBe(true);
    expect(r.stdout + r.stderr).toMatch(/14 not run/);
    // --resume --retry-failed runs the two failed jobs only (now with a command that succeeds).
    const again = hydrant(cwd, ["--resume", dir, "--yes", "--retry-failed", "--", "true"]);
    expect(again.status).toBe(0);
    const after = statuses(dir);
    expect(after[1]).toBe("completed");
    expect(after[5]).toBe("completed");
    expect(after.slice(6).every((x) => x === "pending")).toBe(true);
  }, 120_000);

  it("--fail-fast and hydra.sweeper.max_failures: 1 stop at the first failure", () => {
    for (const flags of [["--fail-fast"], ["+hydra.sweeper.max_failures=1"]]) {
      const cwd = project();
      hydrant(cwd, ["-m", "seed=range(20)", ...flags, "--", ...EVERY_FOURTH_FAILS]);
      const s = statuses(onlySweep(cwd));
      expect(s.slice(0, 2)).toEqual(["completed", "failed"]);
      expect(s.slice(2).every((x) => x === "pending")).toBe(true);
    }
  }, 120_000);

  it("retries a flaky command (fails twice, then succeeds), recording each failed attempt and keeping its logs", () => {
    const cwd = project();
    const flaky = 'f=$HYDRANT_JOB_DIR/count; n=$(cat $f 2>/dev/null || echo 0); n=$((n+1)); echo $n > $f; echo "attempt $n" >&2; test $n -ge 3';
    const r = hydrant(cwd, ["-m", "seed=1,2", "--retries", "2", "+hydra.sweeper.retry_backoff=0.05", "--", "sh", "-c", flaky]);
    expect(r.status).toBe(0);
    const jobs = readManifest(onlySweep(cwd)).jobs;
    for (const job of jobs) {
      expect(job.status).toBe("completed");
      expect(job.attempts).toBe(3);
      expect(job.failed_attempts?.map((a) => [a.attempt, a.return_code])).toEqual([[1, 1], [2, 1]]);
      expect(readdirSync(job.job_dir!).filter((f) => f.includes("attempt")).sort()).toEqual(["stderr.attempt-1.log", "stderr.attempt-2.log", "stdout.attempt-1.log", "stdout.attempt-2.log"]);
    }
  }, 120_000);

  it("gives up after the last retry: the job fails with its last attempt's exit code", () => {
    const cwd = project();
    hydrant(cwd, ["-m", "seed=1", "--retries", "1", "+hydra.sweeper.retry_backoff=0", "--", "sh", "-c", "exit 3"]);
    const [job] = readManifest(onlySweep(cwd)).jobs;
    expect(job?.status).toBe("failed");
    expect(job?.return_code).toBe(3);
    expect(job?.failed_attempts).toHaveLength(1);
  }, 120_000);

  it("checks its flags", () => {
    expect(parseAppArgv(["--fail-fast"]).maxFailures).toBe(1);
    expect(parseAppArgv(["--max-failures=3", "--retries", "2"])).toMatchObject({ maxFailures: 3, retries: 2 });
    expect(() => parseAppArgv(["--max-failures", "0"])).toThrow(/--max-failures takes a job count \(an integer >= 1\)/);
    expect(() => parseAppArgv(["--retry-failed"])).toThrow(/give it with --resume SWEEP_DIR/);
    const cwd = project();
    const r = hydrant(cwd, ["-m", "seed=1", "+hydra.sweeper.retries=-1", "--", "true"]);
    expect(r.stderr).toMatch(/hydra.sweeper.retries must be a whole number >= 0/);
  }, 120_000);
});
