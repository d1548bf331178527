/** Spearmint's "DynamicValue" reference (seeds/002): each example, as its own module. */
import { describe, expect, it } from "vitest";
import { printed } from "./helpers.js";

const example = (file: string) => printed(new URL(`./002-dynamic-value/${file}`, import.meta.url));

describe("seeds/002 DynamicValue", () => {
  it("Class Definition: a DynamicValue keeps its values", async () => {
    expect(await example("class_definition.ts")).toEqual(["a,b"]);
  }, 60_000);

  it("From Lists: 3 configurations, each with its config id", async () => {
    const lines = (await example("from_lists.ts")).map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines.map((c) => c.model)).toEqual(["gpt-4", "gpt-3.5-turbo", "gpt-4o-mini"]);
    for (const c of lines) expect(c.__config_id__).toMatch(/^[0-9a-f]{16}$/);
  }, 60_000);

  it("From Ranges: 0, 25, 50, 75, 100", async () => {
    expect(await example("from_ranges.ts")).toEqual(["0, 25, 50, 75, 100"]);
  }, 60_000);

  it("From Generators: 0.0, 0.5, 1.0", async () => {
    expect(await example("from_generators.ts")).toEqual(["0.0, 0.5, 1.0"]);
  }, 60_000);

  it("Cartesian Product: the 6 configurations in order (the document's third line says 0.7 where its list has 1.0), then 12", async () => {
    expect(await example("cartesian_product.ts")).toEqual([
      '{"model":"gpt-4","temperature":0}',
      '{"model":"gpt-4","temperature":0.5}',
      '{"model":"gpt-4","temperature":1}',
      '{"model":"gpt-3.5-turbo","temperature":0}',
      '{"model":"gpt-3.5-turbo","temperature":0.5}',
      '{"model":"gpt-3.5-turbo","temperature":1}',
      "12",
    ]);
  }, 60_000);

  it("Nested DynamicValues: 6 configurations, structure preserved", async () => {
    expect(await example("nested.ts")).toEqual(["6", '{"model":"gpt-3.5-turbo","params":{"temperature":1,"max_tokens":1000}}']);
  }, 60_000);

  it("Advanced Examples: 5 learning rates, 3 temperatures, 1 static + 6 dynamic", async () => {
    expect(await example("advanced.ts")).toEqual(["5", "0,0.3,0.7", "7 peeeeee"]);
  }, 60_000);

  it("Parameter Sweep for Tuning: 189 configurations; config.root spreads into a call", async () => {
    expect(await example("parameter_sweep_for_tuning.ts")).toEqual(["189", String("Hi from gpt-4 at 0/0.9".length)]);
  }, 60_000);

  it("A/B/n Testing: 4 versions with the same feature flags", async () => {
    expect(await example("ab_testing.ts")).toEqual(["v1:30 v2:30 v3:30 v4:30"]);
  }, 60_000);

  it("Model Comparison: a DynamicValue over a mapping takes its keys", async () => {
    expect(await example("model_comparison.ts")).toEqual(["9 openai/openai openai/anthropic openai/cohere"]);
  }, 60_000);

  it("Memory Efficiency: 1,000,000 configs, 1,000,000 distinct ids", async () => {
    expect(await example("memory_efficiency.ts")).toEqual(["1000000 1000000"]);
  }, 180_000);

  it("Lazy Evaluation Not Supported: all 1000 configs created up front", async () => {
    expect(await example("lazy_evaluation.ts")).toEqual(["1000"]);
  }, 60_000);

  it("Limitations and Type Checking", async () => {
    expect(await example("limitations.ts")).toEqual(["2", "4", "3 3"]);
  }, 60_000);
});
