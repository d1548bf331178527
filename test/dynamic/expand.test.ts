import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DynamicValueError } from "../../src/errors.js";
import {
  CONFIG_ID_KEY,
  DynamicValue,
  computeConfigId,
  countConfigs,
  expandConfigs,
  iterateConfigs,
  range,
} from "../../src/dynamic/index.js";

/** The configs without their ids, to compare content and order. */
function contents(configs: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return configs.map(({ [CONFIG_ID_KEY]: _id, ...rest }) => rest);
}

describe("expandConfigs: the reference expansions", () => {
  it("3 models give 3 configs in item order", () => {
    const out = expandConfigs({ model: new DynamicValue(["gpt-4", "gpt-3.5", "claude"]) });
    expect(contents(out)).toEqual([{ model: "gpt-4" }, { model: "gpt-3.5" }, { model: "claude" }]);
  });

  it("2×3 gives 6, the first key varying slowest", () => {
    const out = expandConfigs({ model: new DynamicValue(["a", "b"]), temperature: new DynamicValue([0, 0.5, 1]) });
    expect(contents(out)).toEqual([
      { model: "a", temperature: 0 },
      { model: "a", temperature: 0.5 },
      { model: "a", temperature: 1 },
      { model: "b", temperature: 0 },
      { model: "b", temperature: 0.5 },
      { model: "b", temperature: 1 },
    ]);
  });

  it("3×4×3 gives 36 in odometer order", () => {
    const out = expandConfigs({
      a: new DynamicValue([1, 2, 3]),
      b: new DynamicValue(["w", "x", "y", "z"]),
      c: new DynamicValue([true, false, null]),
    });
    expect(out).toHaveLength(36);
    expect(contents(out.slice(0, 4))).toEqual([
      { a: 1, b: "w", c: true },
      { a: 1, b: "w", c: false },
      { a: 1, b: "w", c: null },
      { a: 1, b: "x", c: true },
    ]);
    expect(contents(out.slice(-1))).toEqual([{ a: 3, b: "z", c: null }]);
  });

  it("nested llm × retrieval 2×3×3 gives 18 and keeps the nesting", () => {
    const out = expandConfigs({
      name: "rag",
      llm: { model: new DynamicValue(["gpt-4", "gpt-4o-mini"]), temperature: new DynamicValue([0, 0.3, 0.7]) },
      retrieval: { top_k: new DynamicValue([3, 5, 10]), index: "docs" },
    });
    expect(out).toHaveLength(18);
    expect(contents(out.slice(0, 2))).toEqual([
      { name: "rag", llm: { model: "gpt-4", temperature: 0 }, retrieval: { top_k: 3, index: "docs" } },
      { name: "rag", llm: { model: "gpt-4", temperature: 0 }, retrieval: { top_k: 5, index: "docs" } },
    ]);
    expect(contents(out.slice(17))).toEqual([
      { name: "rag", llm: { model: "gpt-4o-mini", temperature: 0.7 }, retrieval: { top_k: 10, index: "docs" } },
    ]);
  });

  it("range(1, 10, 2) gives 5 values", () => {
    const out = expandConfigs({ batch: new DynamicValue(range(1, 10, 2)) });
    expect(out.map((c) => c.batch)).toEqual([1, 3, 5, 7, 9]);
  });

  it("a generator of 5 learning rates is consumed once and still crosses with other keys", () => {
    let runs = 0;
    function* rates(): Generator<number> {
      runs++;
      yield* [0.1, 0.01, 0.001, 0.0001, 0.00001];
    }
    const lr = expandConfigs({ lr: new DynamicValue(rates()) });
    expect(lr.map((c) => c.lr)).toEqual([0.1, 0.01, 0.001, 0.0001, 0.00001]);
    const grid = expandConfigs({ opt: new DynamicValue(["sgd", "adam"]), lr: new DynamicValue(rates()) });
    expect(grid).toHaveLength(10);
    expect(grid[9]).toMatchObject({ opt: "adam", lr: 0.00001 });
    expect(runs).toBe(2);
  });

  it("1 static config + a 2×3 grid give 7, the static one first and copied", () => {
    const base = { model: "baseline", extra: { keep: [1, 2] } };
    const out = expandConfigs([base, { model: new DynamicValue(["a", "b"]), k: new DynamicValue([1, 2, 3]) }]);
    expect(out).toHaveLength(7);
    expect(contents(out.slice(0, 2))).toEqual([{ model: "baseline", extra: { keep: [1, 2] } }, { model: "a", k: 1 }]);
    expect((out[0] as { extra?: unknown }).extra).not.toBe(base.extra);
    expect(base).not.toHaveProperty(CONFIG_ID_KEY);
  });

  it("21×3×3 gives 189", () => {
    const spec = {
      seed: new DynamicValue(range(21)),
      model: new DynamicValue(["x", "y", "z"]),
      optimizer: { name: new DynamicValue(["sgd", "adam", "lion"]) },
    };
    const out = expandConfigs(spec);
    expect(out).toHaveLength(189);
    expect(countConfigs(spec)).toBe(189);
    expect(contents(out.slice(9, 10))).toEqual([{ seed: 1, model: "x", optimizer: { name: "sgd" } }]);
    expect(new Set(out.map((c) => c[CONFIG_ID_KEY])).size).toBe(189);
  });

  it("keeps a given __config_id__ and hashes the others", () => {
    const out = expandConfigs([
      { model: "gpt-4", [CONFIG_ID_KEY]: "prod-stable" },
      { model: "gpt-5" },
    ]);
    expect(out[0]![CONFIG_ID_KEY]).toBe("prod-stable");
    expect(out[1]![CONFIG_ID_KEY]).toMatch(/^[0-9a-f]{16}$/);
    expect(out[1]![CONFIG_ID_KEY]).toBe(computeConfigId({ model: "gpt-5" }));
  });
});

describe("expandConfigs: other sources and shapes", () => {
  it("reads Sets, and Maps as [key, value] entries", () => {
    expect(expandConfigs({ s: new DynamicValue(new Set(["p", "q"])) }).map((c) => c.s)).toEqual(["p", "q"]);
    const m = new Map([["small", 1], ["large", 9]]);
    expect(expandConfigs({ size: new DynamicValue(m) }).map((c) => c.size)).toEqual([["small", 1], ["large", 9]]);
  });

  it("treats each object item of a DynamicValue as one candidate, expanding DynamicValues inside it", () => {
    const out = expandConfigs({
      llm: new DynamicValue<Record<string, unknown>>([
        { provider: "openai", model: "gpt-4" },
        { provider: "local", model: new DynamicValue(["llama", "mistral"]) },
      ]),
      k: new DynamicValue([1, 2]),
    });
    expect(contents(out)).toEqual([
      { llm: { provider: "openai", model: "gpt-4" }, k: 1 },
      { llm: { provider: "openai", model: "gpt-4" }, k: 2 },
      { llm: { provider: "local", model: "llama" }, k: 1 },
      { llm: { provider: "local", model: "llama" }, k: 2 },
      { llm: { provider: "local", model: "mistral" }, k: 1 },
      { llm: { provider: "local", model: "mistral" }, k: 2 },
    ]);
  });

  it("accepts a DynamicValue of whole configs at the top", () => {
    const out = expandConfigs(new DynamicValue([{ a: 1 }, { a: 2, [CONFIG_ID_KEY]: "two" }]));
    expect(out.map((c) => c[CONFIG_ID_KEY])).toEqual([computeConfigId({ a: 1 }), "two"]);
  });

  it("expands DynamicValues inside arrays position by position", () => {
    const out = expandConfigs({ layers: [64, new DynamicValue([128, 256])] });
    expect(contents(out)).toEqual([{ layers: [64, 128] }, { layers: [64, 256] }]);
  });

  it("an empty DynamicValue gives no configs", () => {
    expect(expandConfigs({ a: new DynamicValue([]), b: 1 })).toEqual([]);
    expect(expandConfigs([{ a: new DynamicValue([]) }, { b: 1 }])).toHaveLength(1);
  });

  it("numbers the configs of a grid that gives one fixed __config_id__", () => {
    const out = expandConfigs({ [CONFIG_ID_KEY]: "sweep", k: new DynamicValue([1, 2, 3]) });
    expect(out.map((c) => c[CONFIG_ID_KEY])).toEqual(["sweep-0", "sweep-1", "sweep-2"]);
  });

  it("iterates a huge grid lazily", () => {
    const spec = { a: new DynamicValue(range(1_000_000)), b: new DynamicValue(range(1_000_000)) };
    expect(countConfigs(spec)).toBe(1e12);
    const first: unknown[] = [];
    for (const c of iterateConfigs(spec)) {
      first.push([c.a, c.b]);
      if (first.length === 3) break;
    }
    expect(first).toEqual([[0, 0], [0, 1], [0, 2]]);
  });

  it("rejects strings and non-object configs with DynamicValueError", () => {
    expect(() => new DynamicValue("gpt-4" as unknown as string[])).toThrow(DynamicValueError);
    expect(() => expandConfigs([{ a: 1 }, 5 as unknown as Record<string, unknown>])).toThrow(/config #1/);
    expect(() => expandConfigs({ a: new DynamicValue(range(1e8)), b: new DynamicValue(range(1e8)), c: new DynamicValue(range(1e8)) })).toThrow(
      DynamicValueError,
    );
  });
});

describe("range", () => {
  it("follows Python semantics", () => {
    expect([...range(4)]).toEqual([0, 1, 2, 3]);
    expect([...range(10, 0, -3)]).toEqual([10, 7, 4, 1]);
    expect([...range(5, 5)]).toEqual([]);
    expect([...range(3, 0)]).toEqual([]);
    expect(range(1, 10, 2).length).toBe(5);
    expect(() => range(0, 5, 0)).toThrow(DynamicValueError);
    expect(() => range(0, 1.5)).toThrow(DynamicValueError);
  });
});

describe("config ids", () => {
  it("do not depend on key order and differ when content differs", () => {
    expect(computeConfigId({ a: 1, b: { c: 2, d: 3 } })).toBe(computeConfigId({ b: { d: 3, c: 2 }, a: 1 }));
    expect(computeConfigId({ a: 1 })).not.toBe(computeConfigId({ a: 2 }));
  });

  it("property: the count is the product of item counts and every config appears once", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }), (sizes) => {
        const spec = Object.fromEntries(sizes.map((n, i) => [`k${i}`, new DynamicValue(range(n))]));
        const out = expandConfigs(spec);
        expect(out).toHaveLength(sizes.reduce((p, n) => p * n, 1));
        expect(new Set(out.map((c) => c[CONFIG_ID_KEY])).size).toBe(out.length);
        // Odometer order: the tuples of values come out sorted lexicographically.
        const tuples = out.map((c) => sizes.map((_, i) => c[`k${i}`] as number));
        const sorted = [...tuples].sort((x, y) => x.reduce((d, v, i) => d || v - y[i]!, 0));
        expect(tuples).toEqual(sorted);
      }),
      { numRuns: 50 },
    );
  });
});

describe("config ids never collide", () => {
  it("gives 300,000 distinct configs 300,000 distinct ids (32-bit ids collided after about 10⁵)", () => {
    const ids = new Set(expandConfigs({ param: new DynamicValue(range(300_000)) }).map((c) => c[CONFIG_ID_KEY]));
    expect(ids.size).toBe(300_000);
  }, 60_000);
});

describe("DynamicValue over a plain object", () => {
  it("iterates its keys, as Python iterates a dict", () => {
    const out = expandConfigs({ provider: new DynamicValue(["openai", "cohere"]), model: new DynamicValue({ openai: "gpt-4", cohere: "command-r-plus" }) });
    expect(contents(out)).toEqual([
      { provider: "openai", model: "openai" },
      { provider: "openai", model: "cohere" },
      { provider: "cohere", model: "openai" },
      { provider: "cohere", model: "cohere" },
    ]);
  });
});
