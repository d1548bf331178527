/** Spearmint's "Multi-Config Experiments" (seeds/000): each example, as its own module. */
import { describe, expect, it } from "vitest";
import { printed } from "./helpers.js";

const example = (file: string) => printed(new URL(`./000-multi-config-experiments/${file}`, import.meta.url));

describe("seeds/000 Multi-Config Experiments", () => {
  it("Parallel Execution with MultiBranchStrategy: every algorithm with its duration", async () => {
    const lines = await example("parallel_execution.ts");
    expect(lines.map((l) => l.split(":")[0])).toEqual(["quicksort", "mergesort", "heapsort"]);
    for (const l of lines) expect(l).toMatch(/^\w+: \d+\.\d{4}s$/);
  }, 60_000);

  it("Shadow Testing: the caller gets the production answer, the beta runs in the background and is recorded", async () => {
    expect(await example("shadow_testing.ts")).toEqual(["gpt-4 says Hello", "main gpt-4: gpt-4 says Hello", "variant gpt-5: gpt-5 says Hello"]);
  }, 60_000);

  it("Using DynamicValue: 36 configurations (3 × 4 × 3)", async () => {
    expect(await example("dynamic_value.ts")).toEqual(["36"]);
  }, 60_000);

  it("Using Generators: learning rates on a log scale × 3 batch sizes", async () => {
    const [count, grid] = await example("generators.ts");
    expect(count).toBe("15");
    const pairs = grid!.split(" ").map((p) => p.split("/").map(Number));
    expect(pairs.map(([, batch]) => batch).slice(0, 4)).toEqual([32, 64, 128, 32]);
    pairs.forEach(([lr], i) => expect(lr).toBeCloseTo(10 ** (-5 + Math.floor(i / 3)), 12)); // JS's 10 ** -5 is 0.000009999999999999999
  }, 60_000);

  it("Structured Comparison: a table with one row per model", async () => {
    const lines = await example("structured_comparison.ts");
    expect(lines[0]!.trim().split(/\s+/)).toEqual(["config", "tokens", "quality"]);
    expect(lines.slice(1).map((l) => l.trim().split(/\s+/).slice(0, 2))).toEqual([["0", "gpt-4"], ["1", "gpt-3.5-turbo"], ["2", "claude-3"]]);
  }, 60_000);

  it("Best Practices 1. Start Small: 2 configs, later 9", async () => {
    expect(await example("start_small.ts")).toEqual(["2", "9"]);
  }, 60_000);

  it("Best Practices 2. Meaningful Config IDs", async () => {
    expect(await example("config_ids.ts")).toEqual(["prod-stable test-beta"]);
  }, 60_000);

  it("Best Practices 3. Monitor Resource Usage", async () => {
    expect(await example("resource_usage.ts")).toEqual(["result,memory_mb number"]);
  }, 60_000);
});
