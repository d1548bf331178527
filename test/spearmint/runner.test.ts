import { describe, expect, it } from "vitest";
import { SpearmintError } from "../../src/errors.js";
import { DynamicValue } from "../../src/dynamic/index.js";
import { MemorySink, ShadowStrategy, Spearmint } from "../../src/spearmint/index.js";
import { deferred, flush } from "./helpers.js";

function sixConfigMint(sink = new MemorySink()) {
  const mint = new Spearmint({ configs: { model: new DynamicValue(["m0", "m1", "m2"]), t: new DynamicValue([0, 1]) }, sink });
  return { mint, sink };
}

describe("Spearmint.run", () => {
  it("runs the main config then every variant, whatever the strategy", async () => {
    const { mint } = sixConfigMint();
    const calls: string[] = [];
    const score = mint.experiment<[string], string>((text, config) => {
      calls.push(`${config.model}/${config.t}`);
      return `${text}@${config.model}/${config.t}`;
    });
    const results = await Spearmint.run(score, { awaitVariants: true }, async (runner) => runner("x"));
    expect(calls[0]).toBe("m0/0");
    expect(results.mainResult).toMatchObject({ result: "x@m0/0", status: "ok", role: "main", configId: mint.configs[0]!.configId });
    expect(results.variantResults).toHaveLength(5);
    expect(results.variantResults.map((b) => b.result)).toEqual(["x@m0/1", "x@m1/0", "x@m1/1", "x@m2/0", "x@m2/1"]);
    expect(results.variantResults.map((b) => b.config.index)).toEqual([1, 2, 3, 4, 5]);
    for (const b of [results.mainResult, ...results.variantResults]) {
      expect(typeof b.durationMs).toBe("number");
      expect(b.configId).toBe(b.config.configId);
    }
  });

  it("ignores the mint's strategy and captures errors in the branches", async () => {
    const mint = new Spearmint({ configs: [{ n: 1 }, { n: 0 }], strategy: new ShadowStrategy(), sink: false });
    const invert = mint.experiment((config) => {
      if (config.n === 0) throw new Error("zero");
      return 1 / config.n;
    });
    const results = await Spearmint.run(invert, (runner) => runner());
    expect(results.mainResult.result).toBe(1);
    expect(results.variantResults[0]).toMatchObject({ status: "error" });
    expect((results.variantResults[0]!.error as Error).message).toBe("zero");
  });

  it("with awaitVariants: false, returns after the main config and the variants finish in the background", async () => {
    const { mint, sink } = sixConfigMint();
    const gate = deferred();
    const run = mint.experiment(async (config) => {
      if (config.model !== "m0" || config.t !== 0) await gate.promise;
      return config.model;
    });
    await Spearmint.run(run, { awaitVariants: false }, async (runner) => {
      const results = await runner();
      expect(results.mainResult.result).toBe("m0");
      expect(results.variantResults).toEqual([]);
      await flush();
      expect(sink.records).toHaveLength(1);
      gate.resolve();
      const variants = await runner.waitForVariants();
      expect(variants.map((b) => b.config.index)).toEqual([1, 2, 3, 4, 5]);
    });
    await mint.drain();
    expect(sink.records).toHaveLength(6);
  });

  it("offers a table of the call's branches", async () => {
    const mint = new Spearmint({ configs: { k: new DynamicValue([1, 2]) }, sink: false });
    const double = mint.experiment((config) => ({ value: config.k * 2 }));
    const table = await Spearmint.run(double, async (runner) => (await runner()).table());
    const lines = table.split("\n");
    expect(lines[0]).toMatch(/^config_id\s+k\s+value\s+duration_ms$/);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(new RegExp(`^${mint.configs[0]!.configId}\\s+1\\s+2\\s+`));
  });

  it("refuses a function that mint.experiment did not make", async () => {
    const plain = Object.assign(async () => 1, { experimentName: "x", configs: [], runAll: async () => [] });
    await expect(Spearmint.run(plain, () => 1)).rejects.toThrow(SpearmintError);
  });
});

describe("experiment.runAll", () => {
  it("runs all configs concurrently under any strategy", async () => {
    const { mint } = sixConfigMint();
    const name = mint.experiment((config) => `${config.model}${config.t}`);
    expect((await name.runAll()).map((b) => b.result)).toEqual(["m00", "m01", "m10", "m11", "m20", "m21"]);
    expect(await name()).toBe("m00");
  });
});
