// Where a sweep's jobs go, and back: launchers derive the sweep dir from a placed job.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigDict, fromPlain } from "../../src/config/node.js";
import { placeSweepJob, sweepDirOfJob } from "../../src/job/job-dirs.js";

function placed(sweepDir: string, hydraSweep: Record<string, unknown>, num: number): { config: ConfigDict; jobDir: string; num: number } {
  const config = fromPlain({ hydra: { sweep: hydraSweep, job: { num: null, id: null }, runtime: { output_dir: null } } }) as ConfigDict;
  return { config, jobDir: placeSweepJob(config, num, sweepDir, false), num };
}

describe("sweepDirOfJob", () => {
  it("is the sweep dir the job was placed in, even when hydra.sweep.dir holds ${now:…} (resolved later, another instant)", () => {
    const job = placed("/runs/2026-01-01/10-00-00", { dir: "/runs/${now:%Y-%m-%d}/${now:%H-%M-%S-%f}", subdir: "${hydra.job.num}" }, 3);
    expect(job.jobDir).toBe(path.resolve("/runs/2026-01-01/10-00-00/3"));
    expect(sweepDirOfJob(job)).toBe(path.resolve("/runs/2026-01-01/10-00-00"));
  });

  it("takes off as many levels as hydra.sweep.subdir has", () => {
    const job = placed("/s", { dir: "/elsewhere", subdir: "lr_${hydra.job.num}/./seed/../run" }, 2);
    expect(job.jobDir).toBe(path.resolve("/s/lr_2/run"));
    expect(sweepDirOfJob(job)).toBe(path.resolve("/s"));
    expect(sweepDirOfJob({ ...placed("/t", { dir: "/t" }, 0), config: fromPlain({}) as ConfigDict })).toBe(path.resolve("/t"));
  });
});
