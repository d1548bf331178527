import path from "node:path";
import { describe, expect, it } from "vitest";
import { runGrid } from "../../../src/experiment/definition/run-plans.js";
import { validateSpec } from "../../../src/experiment/definition/load-spec.js";

const BASE = path.resolve(import.meta.dirname, "../../fixtures/experiment/base.yaml");
const bigSpec = () => {
  const axes = Array.from({ length: 9 }, (_, i) => `  k${i}: [0,1,2,3,4,5,6,7,8,9]`).join("\n");
  return validateSpec(`name: big\nbase_config: ${BASE}\nsweep:\n${axes}\ncommand: ["true"]\n`, "/x/big.yaml");
};

describe("a spec's grid", () => {
  it("a 10^9-run grid is counted by multiplication and its runs are made as they are read", () => {
    const grid = runGrid(bigSpec());
    expect(grid.total).toBe(1e9);
    const it = grid.plans()[Symbol.iterator]();
    const first = [it.next().value, it.next().value];
    expect(first.map((p) => p?.num)).toEqual([0, 1]);
    expect(first[1]?.values).toEqual({ k0: 0, k1: 0, k2: 0, k3: 0, k4: 0, k5: 0, k6: 0, k7: 0, k8: 1 });
    // Re-iterable: a resume reads the same runs from the start.
    const [again] = grid.plans();
    expect(again).toEqual(first[0]);
  });

  it("counts a zip group as one axis", () => {
    const spec = validateSpec(`name: z\nbase_config: ${BASE}\nsweep:\n  a: [1, 2, 3]\nzip:\n  b: [x, y]\n  c: [5, 6]\ncommand: ["true"]\n`, "/x/z.yaml");
    const grid = runGrid(spec);
    expect(grid.total).toBe(6);
    expect([...grid.plans()].length).toBe(6);
  });
});
