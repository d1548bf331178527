// A sweep killed with SIGKILL mid-way, then resumed: no completed job runs again, all end completed.
import { once } from "node:events";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readManifest } from "../../src/runs/manifest.js";
import { readLog, runAppSync, startApp, tmpDir } from "./helpers.js";

async function waitFor(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("resume", () => {
  it.each([["basic"], ["local"]])("re-runs exactly the unfinished jobs after SIGKILL (%s launcher)", async (launcher) => {
    const cwd = tmpDir();
    const log = path.join(cwd, "log.jsonl");
    const sweepDir = path.join(cwd, "sw");
    const child = startApp(cwd, ["-m", "x=range(8)", "sleep_ms=150", `log=${log}`, "hydra.sweep.dir=sw", `hydra/launcher=${launcher}`, "hydra.launcher.n_jobs=2"].filter((a) => launcher === "local" || !a.startsWith("hydra.launcher.")));
    await waitFor(() => readLog(log).length >= 3, "3 jobs to start");
    child.kill("SIGKILL");
    await once(child, "exit");

    const before = readManifest(sweepDir);
    const done = new Set(before.jobs.filter((j) => j.status === "completed").map((j) => j.num));
    expect(done.size).toBeGreaterThan(0);
    expect(done.size).toBeLessThan(8);
    expect(before.jobs.some((j) => j.status === "running" || j.status === "pending")).toBe(true);

    const r = runAppSync(cwd, ["--resume", sweepDir]);
    expect(r.stderr).toMatch(/Launching \d+ of \d+ jobs/);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const after = readManifest(sweepDir);
    expect(after.status).toBe("completed");
    expect(after.jobs.map((j) => j.status)).toEqual(Array(8).fill("completed"));
    const runs = new Map<number, number>();
    for (const l of readLog(log)) runs.set(l.x, (runs.get(l.x) ?? 0) + 1);
    for (const num of done) expect(runs.get(num)).toBe(1);
    expect([...runs.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(existsSync(path.join(sweepDir, "7/.hydra/config.yaml"))).toBe(true);
  }, 60_000);

  it("--limit caps how many jobs run now; a resume finishes the rest", () => {
    const cwd = tmpDir();
    const log = path.join(cwd, "log.jsonl");
    const first = runAppSync(cwd, ["-m", "x=1,2,3,4", `log=${log}`, "hydra.sweep.dir=sw", "--limit", "1"]);
    expect(first.status).toBe(0);
    expect(readLog(log).map((l) => l.x)).toEqual([1]);
    expect(readManifest(path.join(cwd, "sw")).status).toBe("partial");
    runAppSync(cwd, ["--resume", "sw", "--limit", "2"]);
    expect(readLog(log).map((l) => l.x)).toEqual([1, 2, 3]);
    runAppSync(cwd, ["--resume", "sw"]);
    expect(readLog(log).map((l) => l.x)).toEqual([1, 2, 3, 4]);
    expect(readManifest(path.join(cwd, "sw")).status).toBe("completed");
  }, 60_000);
});
