import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stopExperiment } from "../../../src/experiment/directory/control.js";
import { ORCHESTRATOR_FILE } from "../../../src/experiment/directory/layout.js";
import { ManifestWriter } from "../../../src/runs/manifest-writer.js";

describe("experiment stop", () => {
  it("signals only the recorded orchestrator, not a process that reuses its pid", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-stop-"));
    ManifestWriter.create({ sweepDir: dir, origin: { cwd: dir, overrides: [], command: ["true"] }, total: 1, launcher: "basic", jobs: [{ num: 0, overrides: [], status: "pending" }] }).close();
    const bystander = spawn("sleep", ["30"], { stdio: "ignore" });
    try {
      // A hand-edited (or stale) record: a live pid, but not the process that started the experiment.
      writeFileSync(path.join(dir, ORCHESTRATOR_FILE), JSON.stringify({ pid: bystander.pid, start: "1", state: "running", background: true, started_at: new Date().toISOString() }));
      const r = await stopExperiment(dir, { timeoutMs: 2000 });
      expect(r.pid).toBeUndefined();
      expect(r.state).toBe("crashed");
      expect(bystander.exitCode === null && bystander.signalCode === null).toBe(true);
    } finally {
      bystander.kill("SIGKILL");
    }
  }, 30_000);
});
