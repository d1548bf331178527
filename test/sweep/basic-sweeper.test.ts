// The basic sweeper's expansion rules, through the dry-run path (no job runs).
import { describe, expect, it } from "vitest";
import { iterateSweepJobs } from "../../src/runs/plan.js";
import { CONF } from "../app/helpers.js";

const jobs = (overrides: string[]) => [...iterateSweepJobs({ configDir: CONF, configName: "config", overrides })].map((j) => j.overrides);

describe("basic sweeper", () => {
  it("puts hydra.sweeper.params first and lets the command line replace a param in place", () => {
    expect(jobs(["+experiment=ablation"])).toEqual([
      ["x=10", "db=a", "+experiment=ablation"],
      ["x=10", "db=b", "+experiment=ablation"],
      ["x=20", "db=a", "+experiment=ablation"],
      ["x=20", "db=b", "+experiment=ablation"],
    ]);
    expect(jobs(["+experiment=ablation", "x=7"])).toEqual([
      ["x=7", "db=a", "+experiment=ablation"],
      ["x=7", "db=b", "+experiment=ablation"],
    ]);
  });

  it("keeps one dimension per key: a later override of a key wins", () => {
    expect(jobs(["x=1,2", "db=a,b", "x=3"])).toEqual([["x=3", "db=a"], ["x=3", "db=b"]]);
  });

  it("sweeps glob() over a group's options, float ranges, shuffles every value once", () => {
    expect(jobs(["db=glob(*,exclude=c)"])).toEqual([["db=a"], ["db=b"]]);
    expect(jobs(["x=range(1,2,0.25)"]).flat()).toEqual(["x=1.0", "x=1.25", "x=1.5", "x=1.75"]);
    expect(jobs(["x=shuffle(1,2,3,4)"]).flat().sort()).toEqual(["x=1", "x=2", "x=3", "x=4"]);
  });

  it("gives composed configs per job with hydra.job.num set", () => {
    const views = [...iterateSweepJobs({ configDir: CONF, configName: "config", overrides: ["x=5,6"], resolve: true })];
    expect(views.map((v) => [v.config.get("x"), v.config.get("w"), v.config.has("hydra")])).toEqual([[5, 5, false], [6, 6, false]]);
  });

  it("rejects interval() like Hydra's BasicSweeper", () => {
    expect(() => jobs(["x=interval(0,1)"])).toThrow(/BasicSweeper does not support sweep type : INTERVAL_SWEEP/);
  });
});
