import { mkdirSync, symlinkSync, writeFileSync, appendFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discoverSweeps } from "../../src/dashboard/discover.js";
import { isInside, jobFiles, sweepSeries } from "../../src/dashboard/job-files.js";
import { readManifest } from "../../src/runs/manifest.js";
import { tmpDir, writeSweep } from "./fixtures.js";

describe("job files", () => {
  it("reads a job's config and its logs (the end of a long one)", () => {
    const cwd = tmpDir();
    const { dir } = writeSweep(cwd);
    writeFileSync(path.join(dir, "0", "stdout.log"), "x".repeat(100) + "THE END\n");
    const [sweep] = discoverSweeps([], cwd);
    const files = jobFiles(sweep, readManifest(dir).jobs[0], 20);
    expect(files.config).toEqual({ name: "0/.hydra/config.yaml", text: "lr: 0.001\noptimizer: adam\n" });
    expect(files.logs).toEqual([{ name: "stdout.log", text: expect.stringMatching(/THE END\n$/), truncated: true }]);
    expect(files.logs[0].text.length).toBe(20);
  });

  it("reads nothing outside the sweep: a job dir elsewhere, a symlinked log", () => {
    const cwd = tmpDir();
    const outside = tmpDir();
    writeFileSync(path.join(outside, "secret.log"), "secret");
    mkdirSync(path.join(outside, ".hydra"));
    writeFileSync(path.join(outside, ".hydra", "config.yaml"), "secret: 1\n");
    const { dir } = writeSweep(cwd);
    symlinkSync(path.join(outside, "secret.log"), path.join(dir, "1", "leak.log"));
    const [sweep] = discoverSweeps([], cwd);
    const jobs = readManifest(dir).jobs;
    expect(jobFiles(sweep, jobs[1]).logs).toEqual([]);
    expect(jobFiles(sweep, { ...jobs[2], job_dir: outside })).toEqual({ num: 2, logs: [] });
    expect(isInside(dir, path.join(dir, "1", "leak.log"))).toBe(false);
    expect(isInside(dir, path.join(dir, "1", "..", "..", ".."))).toBe(false);
  });

  it("collects each job's metrics.jsonl, numeric fields only, skipping a torn line", () => {
    const cwd = tmpDir();
    const { dir } = writeSweep(cwd);
    appendFileSync(path.join(dir, "0", "metrics.jsonl"), '{"epoch": 4, "acc"');
    const [sweep] = discoverSweeps([], cwd);
    const s = sweepSeries(sweep, readManifest(dir));
    expect(s.x).toBe("epoch");
    expect(s.keys).toEqual(["acc"]);
    expect(s.jobs.map((j) => j.num)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(s.jobs[0].points).toEqual([{ epoch: 1, acc: 0.001 }, { epoch: 2, acc: 0.002 }, { epoch: 3, acc: 0.003 }]);
    expect(sweepSeries(sweep, readManifest(dir), 2)).toMatchObject({ omitted: 4 });
  });
});
