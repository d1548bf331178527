import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExperimentSpecError } from "../../../src/errors.js";
import { expandRuns } from "../../../src/experiment/definition/run-plans.js";
import { validateSpec } from "../../../src/experiment/definition/load.js";

const BASE = path.resolve(import.meta.dirname, "../../fixtures/experiment/base.yaml");

describe("a spec's grid", () => {
  it("a 10^9-run grid fails at once with a clear error instead of filling memory", () => {
    const axes = Array.from({ length: 9 }, (_, i) => `  k${i}: [0,1,2,3,4,5,6,7,8,9]`).join("\n");
    const spec = validateSpec(`name: big\nbase_config: ${BASE}\nsweep:\n${axes}\ncommand: ["true"]\n`, "/x/big.yaml");
    expect(() => expandRuns(spec)).toThrow(ExperimentSpecError);
    expect(() => expandRuns(spec)).toThrow(/1\.00e\+9 runs; .* at most 100000/);
  });
});
