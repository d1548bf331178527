import { describe, expect, it } from "vitest";
import { bestJob, formatBestJob, parseBestSpec } from "../../src/runs/best-job.js";
import type { JobRecord } from "../../src/runs/manifest.js";

const job = (num: number, status: JobRecord["status"], result?: unknown): JobRecord => ({ num, overrides: [`lr=${num}`], status, result, job_dir: `/s/${num}` });
const jobs = [job(0, "completed", { acc: 0.5, loss: 2 }), job(1, "completed", { acc: 0.9, loss: 1 }), job(2, "failed", { acc: 0.99 }), job(3, "completed", { acc: 0.9, loss: 0.5 }), job(4, "pending")];

describe("best job", () => {
  it("parses METRIC[:max|min], highest by default", () => {
    expect(parseBestSpec("acc")).toEqual({ metric: "acc", mode: "max" });
    expect(parseBestSpec("val.loss:min")).toEqual({ metric: "val.loss", mode: "min" });
    expect(() => parseBestSpec(":min")).toThrow(/--best takes METRIC\[:max\|min\]/);
  });

  it("picks among completed jobs only; a tie goes to the lowest job number", () => {
    expect(bestJob(jobs, { metric: "acc", mode: "max" })?.job.num).toBe(1);
    expect(bestJob(jobs, { metric: "loss", mode: "min" })?.job.num).toBe(3);
  });

  it("names the job, its value, overrides and dir", () => {
    expect(formatBestJob(jobs, { metric: "loss", mode: "min" })).toBe("Best job by loss (lowest): #3, loss=0.5\n  overrides: lr=3\n  dir: /s/3");
    expect(formatBestJob([job(0, "running")], { metric: "acc", mode: "max" })).toMatch(/none yet/);
  });

  it("lists the known metrics for one no job reported", () => {
    expect(() => bestJob(jobs, { metric: "accuracy", mode: "max" })).toThrow("No job reported a metric 'accuracy'; the jobs report acc, loss.");
  });
});
