/** Spearmint's "Parameter Sweeps with DynamicValue" (seeds/001): each example, as its own module. */
import { describe, expect, it } from "vitest";
import { printed } from "./helpers.js";

const example = (file: string) => printed(new URL(`./001-parameter-sweeps/${file}`, import.meta.url));

describe("seeds/001 Parameter Sweeps with DynamicValue", () => {
  it("Solution: 2 × 3 = 6 configurations", async () => {
    expect(await example("solution.ts")).toEqual(["gpt-4@0.1 gpt-4@0.5 gpt-4@0.9 gpt-3.5@0.1 gpt-3.5@0.5 gpt-3.5@0.9"]);
  }, 60_000);

  it("Simple Parameter Sweep: Generated 3 configurations", async () => {
    expect(await example("simple_parameter_sweep.ts")).toEqual(["Generated 3 configurations"]);
  }, 60_000);

  it("Multiple Parameters: Generated 6 configurations", async () => {
    expect(await example("multiple_parameters.ts")).toEqual(["Generated 6 configurations"]);
  }, 60_000);

  it("Using Ranges: range(1, 10, 2) is 1, 3, 5, 7, 9", async () => {
    expect(await example("ranges.ts")).toEqual(["15 1,3,5,7,9"]);
  }, 60_000);

  it("Using Generators: 0.1 … 0.9", async () => {
    expect(await example("generators.ts")).toEqual(["0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9"]);
  }, 60_000);

  it("Nested Structures: 18 configurations, structure kept", async () => {
    expect(await example("nested_structures.ts")).toEqual(['18 {"model":"gpt-4","temperature":0.5} {"top_k":3}']);
  }, 60_000);

  it("Complete Example: prints exactly what the document shows", async () => {
    expect(await example("complete_example.ts")).toEqual([
      "Generated 6 configurations",
      "Main: Model=gpt-4, Temp=0.1",
      "Variant: Model=gpt-4, Temp=0.5",
      "Variant: Model=gpt-4, Temp=0.9",
      "Variant: Model=gpt-3.5, Temp=0.1",
      "Variant: Model=gpt-3.5, Temp=0.5",
      "Variant: Model=gpt-3.5, Temp=0.9",
    ]);
  }, 60_000);

  it("How It Works: the 4 configurations, in the document's order", async () => {
    expect(await example("how_it_works.ts")).toEqual([
      '{"model":"A","temp":1,"static":"X"}',
      '{"model":"A","temp":2,"static":"X"}',
      '{"model":"B","temp":1,"static":"X"}',
      '{"model":"B","temp":2,"static":"X"}',
    ]);
  }, 60_000);

  it("Best Practices: 4, then 600 configurations", async () => {
    expect(await example("best_practices.ts")).toEqual(["4", "600"]);
  }, 60_000);

  it("Use with Pydantic: configs checked against the model (temperature ≤ 2.0)", async () => {
    const lines = await example("pydantic.ts");
    expect(lines).toHaveLength(8);
    expect(lines.filter((l) => l.endsWith("invalid"))).toEqual(["gpt-4@2.5: invalid", "gpt-3.5@2.5: invalid"]);
    expect(lines[0]).toBe("gpt-4@0.1: gpt-4");
  }, 60_000);

  it("Common Patterns: 27, 3 and 11 configurations", async () => {
    expect(await example("common_patterns.ts")).toEqual(["27", "3", "11 0,0.2,0.4,0.6,0.8,1,1.2,1.4,1.6,1.8,2"]);
  }, 60_000);
});
