// The example specs in examples/specs/ load, and run against the real example program.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runGrid } from "../../src/experiment/definition/run-plans.js";
import { loadSpec } from "../../src/experiment/definition/load-spec.js";
import { prepareExperiment } from "../../src/experiment/directory/prepare.js";
import { hydrant, manifestOf, onlyExperiment, tmpDir } from "./helpers.js";

const SPECS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../examples/specs");

describe("examples/specs", { timeout: 60_000 }, () => {
  it.each(readdirSync(SPECS).filter((f) => f.endsWith(".yaml") && f !== "modes.yaml"))("%s is a valid spec without warnings", (file) => {
    const spec = loadSpec(path.join(SPECS, file));
    expect(spec.warnings).toEqual([]);
    expect(spec.command.slice(0, 2)).toEqual(["node", "examples/train-external.mjs"]);
    expect([...runGrid(spec).plans()].length).toBeGreaterThan(1);
    // Building every run's config (composition included) adds no warning either.
    expect(prepareExperiment(spec, { root: path.join(tmpDir(), "experiments") }).warnings).toEqual([]);
  });

  it("runs the explicit configs list with train-external.mjs and collects its metrics", async () => {
    const root = path.join(tmpDir(), "experiments");
    const r = await hydrant(["run", path.join(SPECS, "datasets.yaml"), "--root", root]);
    expect(r.code).toBe(0);
    const m = manifestOf(onlyExperiment(root));
    expect(m.jobs.map((j) => j.status)).toEqual(["completed", "completed"]);
    for (const j of m.jobs) expect(Object.keys(j.result as object).sort()).toEqual(["epochs", "test_accuracy", "test_loss", "train_loss"]);
  }, 30_000);
});
