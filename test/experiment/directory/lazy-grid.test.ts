// A spec whose grid is far too big to write up front (10⁹ runs): it runs lazily, like `hydrant -m`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASE, hydrant, manifestOf, onlyExperiment, readLog, RECORD_COMMAND, startHydrant, tmpDir, writeSpec } from "../helpers.js";

const NINE_AXES = Array.from({ length: 9 }, (_, i) => `  k${i}: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]`).join("\n");

function bigSpec(dir: string): { spec: string; log: string; root: string } {
  const log = path.join(dir, "log.jsonl");
  // The plain test base with the nine swept keys: warnings about new keys would only be noise.
  const base = writeSpec(dir, "base.yaml", `${readFileSync(BASE, "utf8")}\n${Array.from({ length: 9 }, (_, i) => `k${i}: 0`).join("\n")}\n`);
  const spec = writeSpec(dir, "big.yaml", `name: big\nbase_config: ${base}\n${RECORD_COMMAND}\nfixed_overrides: { log: ${log} }\nsweep:\n${NINE_AXES}\n`);
  return { spec, log, root: path.join(dir, "experiments") };
}

describe("a 10^9-run spec", { timeout: 120_000 }, () => {
  it("--limit 2 runs exactly 2 runs, writing only their configs; a resume goes on from the grid", async () => {
    const dir = tmpDir();
    const { spec, log, root } = bigSpec(dir);
    const r = await hydrant(["run", spec, "--root", root, "--limit", "2"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("1000000000 run(s), 2 to run now");
    const exp = onlyExperiment(root);
    const m = manifestOf(exp);
    expect(m.total).toBe(1e9);
    expect(m.jobs.map((j) => [j.num, j.status, j.overrides.at(-1)])).toEqual([[0, "completed", "k8=0"], [1, "completed", "k8=1"]]);
    expect(readdirSync(path.join(exp, "configs"))).toEqual(["run_000000000.yaml", "run_000000001.yaml"]);
    expect(readLog(log).map((l) => (l.cfg as Record<string, unknown>).k8)).toEqual([0, 1]);
    expect((await hydrant(["show", exp])).out).toContain("… and 999999998 more run(s) not started yet (1000000000 in all).");
    expect((await hydrant(["list", "--root", root])).out).toMatch(/big_\S+\s+partial\s+2\/1000000000/);

    expect((await hydrant(["run", exp, "--resume", "--limit", "1"])).code).toBe(0);
    expect(manifestOf(exp).jobs.map((j) => [j.num, j.status, j.values?.k8, j.attempts])).toEqual([[0, "completed", 0, 1], [1, "completed", 1, 1], [2, "completed", 2, 1]]);
    expect(readLog(log)).toHaveLength(3);
  });

  it("without --limit, its first run starts (nothing is expanded up front); a stop leaves it resumable", async () => {
    const dir = tmpDir();
    const { spec, log, root } = bigSpec(dir);
    const child = startHydrant(dir, ["run", spec, "--root", root]);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      while (readLog(log).length < 1) await new Promise((res) => setTimeout(res, 100));
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
    const exp = onlyExperiment(root);
    const m = manifestOf(exp);
    expect(m.total).toBe(1e9);
    expect(m.jobs.length).toBeGreaterThan(0);
    expect(m.jobs.length).toBeLessThan(1000);
    expect(existsSync(path.join(exp, "configs", "run_000000000.yaml"))).toBe(true);
  });
});
