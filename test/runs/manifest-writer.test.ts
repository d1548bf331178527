import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JOURNAL_FILE, jsonSafe, MANIFEST_FILE, readManifest } from "../../src/runs/manifest.js";
import { ManifestWriter } from "../../src/runs/manifest-writer.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "hydrant-writer-"));
const origin = { cwd: "/x", overrides: ["a=1,2"] };

describe("ManifestWriter", () => {
  it("reads settled records back from the journal, counts by status, and keeps none of them in memory", () => {
    const dir = tmp();
    const w = ManifestWriter.create({ sweepDir: dir, origin, total: 5, launcher: "basic", jobs: [0, 1, 2, 3, 4].map((num) => ({ num, overrides: [`a=${num}`], status: "pending" as const })) });
    w.replace({ num: 1, overrides: ["a=1"], status: "running", attempts: 1 });
    w.update(1, { pid: 42 });
    expect(w.countJobs()).toEqual({ pending: 4, running: 1, completed: 0, failed: 0, interrupted: 0 });
    w.update(1, { status: "completed", result: { acc: 0.5 } });
    w.update(3, { status: "failed", error: "boom" });
    expect(w.job(1)).toEqual({ num: 1, overrides: ["a=1"], status: "completed", attempts: 1, pid: 42, result: { acc: 0.5 } });
    expect(w.job(0)).toEqual({ num: 0, overrides: ["a=0"], status: "pending" });
    expect(w.status(3)).toBe("failed");
    expect(w.countJobs()).toEqual({ pending: 3, running: 0, completed: 1, failed: 1, interrupted: 0 });
    expect((w as unknown as { live: Map<number, unknown> }).live.size).toBe(0);
    w.close();
    expect(readManifest(dir).jobs).toEqual(w.allJobs());
  });

  it("writes the snapshot as JSON.stringify would, and a resume goes on from it", () => {
    const dir = tmp();
    const w = ManifestWriter.create({ sweepDir: dir, origin, total: 2, launcher: "basic" });
    w.replace({ num: 0, overrides: ["a=1"], status: "running" });
    w.update(0, { status: "completed", result: { big: 10n } as unknown as Record<string, unknown> });
    w.close();
    const text = readFileSync(path.join(dir, MANIFEST_FILE), "utf8");
    expect(text).toBe(JSON.stringify(JSON.parse(text), jsonSafe, 1) + "\n");
    expect(JSON.parse(text).jobs[0].result).toEqual({ big: "10" });

    const again = ManifestWriter.open(dir);
    expect(again.job(0)?.status).toBe("completed");
    again.replace({ num: 1, overrides: ["a=2"], status: "running" });
    again.update(1, { status: "completed" });
    again.close();
    expect(readManifest(dir).jobs.map((j) => [j.num, j.status])).toEqual([[0, "completed"], [1, "completed"]]);
    // Lines only for the writer's index never count as changes for a reader of the journal.
    const lines = readFileSync(path.join(dir, JOURNAL_FILE), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.patch?.status === "completed").length).toBe(2);
  });

  it("rewrites a big snapshot only after the journal grew by its size", () => {
    const dir = tmp();
    const w = ManifestWriter.create({ sweepDir: dir, origin, total: 4000, launcher: "basic" }, { snapshotIntervalMs: 0 });
    let rewrites = 0;
    let last = "";
    for (let num = 0; num < 4000; num++) {
      w.update(num, { overrides: [`a=${num}`, "pad=" + "x".repeat(100)], status: "completed" });
      const now = readFileSync(path.join(dir, MANIFEST_FILE), "utf8").length.toString();
      if (now !== last) rewrites++;
      last = now;
    }
    w.close();
    // Every change while the snapshot is small (~1,500 jobs), then a doubling schedule: a handful more.
    expect(rewrites).toBeLessThan(2500);
    expect(readManifest(dir).jobs).toHaveLength(4000);
  });
});
