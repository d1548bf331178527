import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigDict } from "../../src/config/node.js";
import type { LauncherPlugin } from "../../src/core/launcher.js";
import { experimentRecord } from "../../src/experiment/directory/run-record.js";
import { runSweep, type SweepJob } from "../../src/runs/engine.js";
import type { RunEvent } from "../../src/runs/events.js";
import { readManifest } from "../../src/runs/manifest.js";
import { ManifestWriter } from "../../src/runs/manifest-writer.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "hydrant-engine-"));

/** A launcher as a distributed one reports: attempts, host, and news of its own. */
const remoteLike: LauncherPlugin = {
  name: "remote-like",
  target: "test.RemoteLike",
  configNode: {},
  create: () => ({
    async launch(jobs, sink) {
      for await (const job of jobs) {
        sink.started(job, { host: "box" });
        sink.notify?.({ type: "launcher_notice", launcher: "remote-like", level: "info", message: `ran ${job.num}` });
        sink.finished(job, job.num === 1 ? { status: "failed", error: "boom", exitCode: 2, attempts: 3, host: "box" } : { status: "completed", result: { loss: job.num }, attempts: 1, host: "box" });
      }
    },
  }),
};

function sweep(dir: string, total: number, jobs: SweepJob[] = Array.from({ length: total }, (_, num) => ({ num, overrides: [`x=${num}`] }))) {
  const manifest = ManifestWriter.create({ sweepDir: dir, origin: { cwd: dir, overrides: [] }, total, launcher: "remote-like", jobs: jobs.map((j) => ({ ...j, status: "pending" as const })) });
  const events: RunEvent[] = [];
  return { manifest, events, jobs, onEvent: (e: RunEvent) => void events.push(e) };
}

const context = { config: {}, task: { kind: "command" as const, argv: ["true"] }, execute: async () => ({ status: "completed" as const }) };

describe("runSweep", () => {
  it("keeps the launcher's attempts, host and notices in an experiment's run records", async () => {
    const dir = tmp();
    const s = sweep(dir, 2);
    const result = await runSweep({ ...s, sweepDir: dir, plugin: remoteLike, context, prepare: (j) => ({ ...j, config: new ConfigDict(), jobDir: path.join(dir, String(j.num)) }), recorder: { extension: experimentRecord(new Map([[0, path.join(dir, "made")]])) } });
    expect(result).toMatchObject({ status: "failed", total: 2, completed: 1, failed: 1, notRun: 0 });
    const [ok, bad] = readManifest(dir).jobs as unknown as Record<string, unknown>[];
    expect(ok).toMatchObject({ status: "completed", attempts: 1, host: "box", run_dir: path.join(dir, "made"), return_code: null, result: { loss: 0 } });
    expect(bad).toMatchObject({ status: "failed", attempts: 3, host: "box", return_code: 2, error: "boom" });
    expect(typeof bad.completed_at).toBe("string");
    expect(s.events.filter((e) => e.type === "launcher_notice").map((e) => (e as { message: string }).message)).toEqual(["ran 0", "ran 1"]);
    expect(s.events.at(-1)).toMatchObject({ type: "sweep_end", completed: 1, failed: 1, notRun: 0 });
  });

  it("skips completed jobs, starts at most `limit`, and records a job that cannot be prepared", async () => {
    const dir = tmp();
    const s = sweep(dir, 4);
    s.manifest.update(0, { status: "completed" });
    const result = await runSweep({
      ...s,
      sweepDir: dir,
      plugin: remoteLike,
      context,
      limit: 2,
      prepare: (j) => {
        if (j.num === 2) throw new Error("cannot compose");
        return { ...j, config: new ConfigDict(), jobDir: path.join(dir, String(j.num)) };
      },
    });
    expect(s.events[0]).toMatchObject({ type: "sweep_start", total: 4, toRun: 2 });
    expect(result).toMatchObject({ status: "failed", completed: 1, failed: 2, notRun: 1 });
    expect(readManifest(dir).jobs.map((j) => [j.num, j.status, j.attempts])).toEqual([
      [0, "completed", undefined],
      [1, "failed", 3],
      [2, "failed", 1],
      [3, "pending", undefined],
    ]);
    expect(readManifest(dir).jobs[2].error).toContain("cannot compose");
  });
});
