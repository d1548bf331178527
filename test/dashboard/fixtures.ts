/** Small real sweeps for the dashboard tests, written with the run engine's own ManifestWriter. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type JobRecord } from "../../src/runs/manifest.js";
import { ManifestWriter } from "../../src/runs/manifest-writer.js";

export const tmpDir = (prefix = "hydrant-dash-") => mkdtempSync(path.join(os.tmpdir(), prefix));

/** A 6-job multirun (lr × optimizer) under `<cwd>/multirun/2026-12-01/10-00-00`, one job failed, one running. */
export function writeSweep(cwd: string, time = "10-00-00"): { dir: string; writer: ManifestWriter } {
  const dir = path.join(cwd, "multirun", "2026-12-01", time);
  const writer = ManifestWriter.create({ sweepDir: dir, origin: { cwd, overrides: ["+experiment=x", "lr=0.001,0.01,0.1", "optimizer=adam,sgd"] }, total: 6, launcher: "basic" });
  let num = 0;
  for (const optimizer of ["adam", "sgd"])
    for (const lr of [0.001, 0.01, 0.1]) {
      const jobDir = path.join(dir, String(num));
      mkdirSync(path.join(jobDir, ".hydra"), { recursive: true });
      writeFileSync(path.join(jobDir, ".hydra", "config.yaml"), `lr: ${lr}\noptimizer: ${optimizer}\n`);
      writeFileSync(path.join(jobDir, "metrics.jsonl"), [1, 2, 3].map((epoch) => JSON.stringify({ epoch, acc: lr * epoch, note: "x" })).join("\n") + "\n");
      const rec: JobRecord = { num, overrides: [`lr=${lr}`, "+experiment=x", `optimizer=${optimizer}`], status: "completed", job_dir: jobDir, started_at: `2026-12-01T10:00:0${num}.000Z`, completed_at: `2026-12-01T10:00:0${num}.500Z`, duration_ms: 500, result: { acc: lr * 3, nested: { loss: 1 - lr } } };
      if (num === 4) Object.assign(rec, { status: "failed", result: undefined, error: "exit code 1", return_code: 1 });
      if (num === 5) Object.assign(rec, { status: "running", result: undefined, completed_at: undefined, duration_ms: undefined });
      writer.replace(rec);
      num++;
    }
  writer.flush();
  return { dir, writer };
}
