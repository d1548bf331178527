// hydrant's zip(): keys swept in lockstep, combined with ordinary grid dimensions.
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { iterateSweepJobs } from "../../src/runs/plan.js";
import { CONF } from "../app/helpers.js";

const ZIP_CONF = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/zip/conf");
const jobs = (overrides: string[], configDir = CONF, configName = "config") =>
  [...iterateSweepJobs({ configDir, configName, overrides })].map((j) => j.overrides);

describe("zip()", () => {
  it("pairs the n-th values of every zip() instead of crossing them", () => {
    expect(jobs(["x=zip(1,2,3)", "+w2=zip(a,b,c)"])).toEqual([
      ["x=1", "+w2=a"],
      ["x=2", "+w2=b"],
      ["x=3", "+w2=c"],
    ]);
  });

  it("is one dimension of the grid, at its first key's place: zip × grid, first dimension slowest", () => {
    expect(jobs(["x=zip(1,2)", "db=a,b,c", "+w2=zip(p,q)"])).toEqual([
      ["x=1", "+w2=p", "db=a"],
      ["x=1", "+w2=p", "db=b"],
      ["x=1", "+w2=p", "db=c"],
      ["x=2", "+w2=q", "db=a"],
      ["x=2", "+w2=q", "db=b"],
      ["x=2", "+w2=q", "db=c"],
    ]);
  });

  it("zips a range() or choice() and keeps named zip groups apart", () => {
    const out = jobs(["x=zip(range(2))", "db=zip(choice(a,b))", "+s=zip(7,8,name=seed)", "+t=zip(u,v,name=seed)"]);
    expect(out).toEqual([
      ["x=0", "db=a", "+s=7", "+t=u"],
      ["x=0", "db=a", "+s=8", "+t=v"],
      ["x=1", "db=b", "+s=7", "+t=u"],
      ["x=1", "db=b", "+s=8", "+t=v"],
    ]);
  });

  it("names both keys when their lengths differ", () => {
    expect(() => jobs(["x=zip(1,2,3)", "db=zip(a,b)"])).toThrow(/zip\(\) must have the same number of values: 'x' has 3, 'db' has 2/);
  });

  it("works in hydra.sweeper.params, and the command line still replaces a key in place", () => {
    expect(jobs([], ZIP_CONF, "with_params")).toEqual([
      ["lr=0.1", "warmup=10"],
      ["lr=0.01", "warmup=20"],
    ]);
    expect(jobs(["lr=zip(1,2)", "seed=5,6"], ZIP_CONF, "with_params")).toEqual([
      ["lr=1", "warmup=10", "seed=5"],
      ["lr=1", "warmup=10", "seed=6"],
      ["lr=2", "warmup=20", "seed=5"],
      ["lr=2", "warmup=20", "seed=6"],
    ]);
  });

  it("stays lazy: a zip of two 10⁶-value ranges gives its first jobs at once", () => {
    const it = iterateSweepJobs({ configDir: CONF, configName: "config", overrides: ["x=zip(range(1000000))", "+y=zip(range(1000000))"] })[Symbol.iterator]();
    expect(it.next().value?.overrides).toEqual(["x=0", "+y=0"]);
    expect(it.next().value?.overrides).toEqual(["x=1", "+y=1"]);
  });

  it("gives zip length × grid size jobs, every pair together (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), (n, g) => {
        const values = Array.from({ length: n }, (_, i) => i);
        const grid = ["a", "b", "c"].slice(0, g);
        const out = jobs([`x=zip(${values.join(",")})`, `+y=zip(${values.map((v) => v * 10).join(",")})`, `db=${grid.join(",")}`]);
        expect(out).toHaveLength(n * g);
        for (const [x, y] of out) expect(Number(y!.slice(3))).toBe(Number(x!.slice(2)) * 10);
      }),
      { numRuns: 25 },
    );
  });
});

describe("zip() preview", () => {
  it("--multirun --cfg job prints each pair's config", async () => {
    const { spawnSync } = await import("node:child_process");
    const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/cli.js");
    const r = spawnSync(process.execPath, [bin, "-cd", ZIP_CONF, "-cn", "with_params", "-m", "seed=zip(1,2,name=s)", "+tag=zip(a,b,name=s)", "lr=0.5", "--cfg", "job"], { encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(0);
    const docs = r.stdout.split("---\n").map((d) => d.replace(/^#.*\n/gm, ""));
    expect(docs.map((d) => [/seed: (\d)/.exec(d)?.[1], /tag: (\w)/.exec(d)?.[1], /warmup: (\d+)/.exec(d)?.[1]])).toEqual([
      // hydra.sweeper.params first (warmup varies slowest), then the command line's zip group.
      ["1", "a", "10"],
      ["2", "b", "10"],
      ["1", "a", "20"],
      ["2", "b", "20"],
    ]);
  }, 60_000);
});
