import path from "node:path";
import { describe, expect, it } from "vitest";
import { discoverSweeps } from "../../src/dashboard/discover.js";
import { summarize, sweepData } from "../../src/dashboard/model.js";
import { readManifest } from "../../src/runs/manifest.js";
import { ManifestWriter } from "../../src/runs/manifest-writer.js";
import { tmpDir, writeSweep } from "./fixtures.js";

describe("discoverSweeps", () => {
  it("finds sweeps under multirun/, outputs/, experiments/ by default, and in the dirs given", () => {
    const cwd = tmpDir();
    writeSweep(cwd, "10-00-00");
    writeSweep(cwd, "11-00-00");
    const found = discoverSweeps([], cwd);
    expect(found.map((s) => s.name)).toEqual(["multirun/2026-12-01/10-00-00", "multirun/2026-12-01/11-00-00"]);
    expect(found[0].id).toMatch(/^[0-9a-f]{12}$/);
    expect(discoverSweeps([path.join(cwd, "multirun/2026-12-01/11-00-00")], cwd).map((s) => s.name)).toEqual(["multirun/2026-12-01/11-00-00"]);
    expect(discoverSweeps(["nowhere"], cwd)).toEqual([]);
  });
});

describe("sweepData", () => {
  it("finds the swept parameters, the shared overrides and every metric", () => {
    const cwd = tmpDir();
    const { dir } = writeSweep(cwd);
    const [sweep] = discoverSweeps([], cwd);
    const d = sweepData(sweep, readManifest(dir));
    expect(d.params).toEqual([
      { key: "lr", kind: "log", values: [0.001, 0.01, 0.1] },
      { key: "optimizer", kind: "categorical", values: ["adam", "sgd"] },
    ]);
    expect(d.fixed).toEqual(["+experiment=x"]);
    expect(d.metrics).toEqual(["acc", "nested.loss"]);
    expect(d.counts).toEqual({ pending: 0, running: 1, completed: 4, failed: 1, interrupted: 0 });
    expect(d.jobs[4]).toMatchObject({ num: 4, status: "failed", error: "exit code 1", exitCode: 1, params: { lr: 0.01, optimizer: "sgd" }, metrics: {} });
    expect(d.jobs[0].metrics).toEqual({ acc: 0.003, "nested.loss": 0.999 });
  });

  it("reads an experiment's runs by their spec keys and the guide's snake_case fields", () => {
    const dir = tmpDir();
    const w = ManifestWriter.create({ sweepDir: dir, origin: { cwd: dir, overrides: [], experiment: { name: "e", spec: "/s.yaml", form: "sweep", keys: ["lr"] } } as never, total: 2, launcher: "basic" });
    // Only the snake_case fields: what an experiment record may hold once it keeps one schema.
    w.replace({ num: 0, overrides: ["lr=0.1"], status: "completed", values: { lr: 0.1 }, run_dir: path.join(dir, "runs/run_000"), started_at: "2026-12-01T10:00:00.000Z", completed_at: "2026-12-01T10:00:02.000Z", return_code: 0, result: { acc: 0.9 } } as never);
    w.replace({ num: 1, overrides: ["lr=0.2"], status: "pending", values: { lr: 0.2 } } as never);
    w.setSweep({ status: "partial" });
    w.close();
    const d = sweepData({ id: "x", dir, name: "e" }, readManifest(dir));
    expect(d.kind).toBe("experiment");
    expect(d.params).toEqual([{ key: "lr", kind: "numeric", values: [0.1, 0.2] }]);
    expect(d.jobs[0]).toMatchObject({ durationMs: 2000, startedAt: "2026-12-01T10:00:00.000Z", exitCode: 0, metrics: { acc: 0.9 } });
    expect(summarize({ id: "x", dir, name: "e" }, readManifest(dir)).durationMs).toBe(2000);
  });
});
