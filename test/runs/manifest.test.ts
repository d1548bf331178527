import { appendFileSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countJobs, JOURNAL_FILE, readManifest } from "../../src/runs/manifest.js";
import { ManifestWriter } from "../../src/runs/manifest-writer.js";
import { formatResultsTable } from "../../src/runs/results-table.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "hydrant-manifest-"));
const origin = { cwd: "/x", config_dir: "/x/conf", config_name: "config", overrides: ["a=1,2"] };

describe("ManifestWriter / readManifest", () => {
  it("round-trips jobs and keeps the origin", () => {
    const dir = tmp();
    const w = ManifestWriter.create({ sweepDir: dir, origin, total: 2, launcher: "basic", jobs: [{ num: 0, overrides: ["a=1"], status: "pending" }] });
    w.replace({ num: 0, overrides: ["a=1"], status: "running", started_at: "t0", attempts: 1 });
    w.update(0, { status: "completed", result: { loss: 0.5 } });
    w.close();
    const m = readManifest(dir);
    expect(m.origin).toEqual(origin);
    expect(m.jobs).toEqual([{ num: 0, overrides: ["a=1"], status: "completed", started_at: "t0", attempts: 1, result: { loss: 0.5 } }]);
    expect(countJobs(m)).toEqual({ pending: 1, running: 0, completed: 1, failed: 0, interrupted: 0 });
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("replays journal lines newer than the snapshot (a crash before the next snapshot)", () => {
    const dir = tmp();
    const w = ManifestWriter.create({ sweepDir: dir, origin, total: 3, launcher: "basic" }, { snapshotIntervalMs: 60_000 });
    w.replace({ num: 0, overrides: ["a=1"], status: "running" });
    w.update(0, { status: "failed", error: "boom", return_code: 3 });
    // No flush/close: the snapshot is stale, as after SIGKILL.
    const snap = JSON.parse(readFileSync(path.join(dir, "experiment.json"), "utf8"));
    expect(snap.jobs).toEqual([]);
    const m = readManifest(dir);
    expect(m.jobs).toEqual([{ num: 0, overrides: ["a=1"], status: "failed", error: "boom", return_code: 3 }]);
  });

  it("ignores a torn last journal line", () => {
    const dir = tmp();
    const w = ManifestWriter.create({ sweepDir: dir, origin, total: 1, launcher: "basic" }, { snapshotIntervalMs: 60_000 });
    w.replace({ num: 0, overrides: ["a=1"], status: "running" });
    appendFileSync(path.join(dir, JOURNAL_FILE), '{"seq":9,"num":0,"pat');
    expect(readManifest(dir).jobs[0].status).toBe("running");
  });

  it("a replaced record drops the previous attempt's error", () => {
    const dir = tmp();
    const w = ManifestWriter.create({ sweepDir: dir, origin, total: 1, launcher: "basic" }, { snapshotIntervalMs: 60_000 });
    w.update(0, { overrides: ["a=1"], status: "failed", error: "boom" });
    w.flush();
    w.replace({ num: 0, overrides: ["a=1"], status: "running", attempts: 2 });
    w.update(0, { status: "completed" });
    expect(readManifest(dir).jobs[0]).toEqual({ num: 0, overrides: ["a=1"], status: "completed", attempts: 2 });
    const reopened = ManifestWriter.open(dir);
    expect(reopened.job(0)?.status).toBe("completed");
    reopened.close();
  });

  it("results table sorts by a metric, missing values last", () => {
    const table = formatResultsTable(
      {
        total: 4,
        jobs: [
          { num: 0, overrides: ["lr=0.1"], status: "completed", duration_ms: 1200, result: { loss: 0.3, acc: 0.9 } },
          { num: 1, overrides: ["lr=0.01"], status: "completed", duration_ms: 800, result: { loss: 0.1, acc: 0.95 } },
          { num: 2, overrides: ["lr=1"], status: "failed", duration_ms: 10, error: "nan" },
        ],
      },
      { sortBy: "loss" },
    );
    const lines = table.split("\n");
    expect(lines[0].split(/\s+/)).toEqual(["#", "overrides", "status", "duration", "loss", "acc"]);
    expect(lines.slice(2, 5).map((l) => l.split(/\s+/)[0])).toEqual(["1", "0", "2"]);
    expect(lines[5]).toBe("(1 more job(s) not started yet)");
    expect(lines[2]).toContain("800ms");
  });
});
