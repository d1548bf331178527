// `zip:` beside `sweep:` in a spec: keys that move in lockstep (the orchestrator guide's "coupled
// parameters"), one dimension of the grid each group.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateSpec } from "../../../src/experiment/definition/load-spec.js";
import { runGrid } from "../../../src/experiment/definition/run-plans.js";
import { ExperimentSpecError } from "../../../src/errors.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-zip-spec-"));
const BASE = path.join(dir, "base.yaml");
writeFileSync(BASE, "model: small\nbatch_size: 64\nseed: 0\nlr: 0.1\n");
const spec = (body: string) => validateSpec(`name: coupled\nbase_config: ${BASE}\ncommand: ["true"]\n${body}`, path.join(dir, "coupled.yaml"));
const runs = (body: string) => [...runGrid(spec(body)).plans()].map((r) => r.values);

describe("spec zip:", () => {
  it("pairs the zipped keys and crosses them with the sweep's", () => {
    expect(runs("sweep:\n  seed: [1, 2]\nzip:\n  model: [small, large]\n  batch_size: [64, 32]\n")).toEqual([
      { seed: 1, model: "small", batch_size: 64 },
      { seed: 1, model: "large", batch_size: 32 },
      { seed: 2, model: "small", batch_size: 64 },
      { seed: 2, model: "large", batch_size: 32 },
    ]);
  });

  it("takes a list of independent zip groups", () => {
    const out = runs("zip:\n  - {model: [small, large], batch_size: [64, 32]}\n  - {lr: [0.1, 0.01], seed: [1, 2]}\n");
    expect(out).toHaveLength(4);
    expect(out[1]).toEqual({ model: "small", batch_size: 64, lr: 0.01, seed: 2 });
  });

  it("names both keys when their lengths differ, at the second key's line", () => {
    try {
      spec("zip:\n  model: [small, large, huge]\n  batch_size: [64, 32]\n");
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(ExperimentSpecError);
      expect((e as ExperimentSpecError).message).toMatch(/'model' has 3, 'batch_size' has 2/);
      expect((e as ExperimentSpecError).line).toBe(6);
    }
  });

  it("refuses a key both swept and zipped, and zip with a configs list", () => {
    expect(() => spec("sweep:\n  seed: [1]\nzip:\n  seed: [2]\n  lr: [1]\n")).toThrow(/'seed' is both in sweep and in zip/);
    expect(() => validateSpec(`name: x\nconfigs: [${BASE}]\ncommand: ["true"]\nzip:\n  a: [1]\n`, path.join(dir, "x.yaml"))).toThrow(/'zip' needs a 'base_config'/);
  });
});
