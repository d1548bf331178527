import { describe, expect, it } from "vitest";
import { DynamicValue } from "../../src/dynamic/index.js";
import {
  ConcurrencyLimiter,
  MemorySink,
  MultiBranchStrategy,
  RoundRobinStrategy,
  ShadowStrategy,
  Spearmint,
  type MintConfig,
} from "../../src/spearmint/index.js";
import { deferred, flush } from "./helpers.js";

describe("default strategy", () => {
  it("runs the main config only and returns its result", async () => {
    const sink = new MemorySink();
    const mint = new Spearmint({ configs: { model: new DynamicValue(["a", "b", "c"]) }, sink });
    const seen: string[] = [];
    const generate = mint.experiment((prompt: string, config: MintConfig<typeof mint>) => {
      seen.push(config.model);
      return `${config.model}:${prompt}`;
    });
    expect(await generate("hi")).toBe("a:hi");
    expect(seen).toEqual(["a"]);
    await mint.drain();
    expect(sink.records.map((r) => [r.configId, r.role, r.status])).toEqual([[mint.configs[0]!.configId, "main", "ok"]]);
  });

  it("throws the main config's error at the caller", async () => {
    const mint = new Spearmint({ configs: { a: 1 }, sink: false });
    const fail = mint.experiment(() => {
      throw new Error("main failed");
    });
    await expect(fail()).rejects.toThrow("main failed");
    expect(mint.results.records[0]).toMatchObject({ status: "error", error: { message: "main failed" } });
  });
});

describe("Spearmint construction", () => {
  it("rejects an empty expansion and duplicate config ids", () => {
    expect(() => new Spearmint({ configs: { a: new DynamicValue([]) }, sink: false })).toThrow(/no configs/);
    expect(() => new Spearmint({ configs: [{ a: 1 }, { b: 2 }, { a: 1 }], sink: false })).toThrow(/#0 and #2 have the same id/);
    expect(() => new Spearmint({ configs: [{ a: 1, __config_id__: "x" }, { a: 2, __config_id__: "x" }], sink: false })).toThrow(/'x'/);
  });
});

describe("MultiBranchStrategy", () => {
  it("runs every config and returns all branches in config order, failures included", async () => {
    const mint = new Spearmint({
      configs: { factor: new DynamicValue([1, 2, 0, 3]) },
      strategy: new MultiBranchStrategy(),
      sink: false,
    });
    const divide = mint.experiment<[number], number>((x, config) => {
      if (config.factor === 0) throw new RangeError("division by zero");
      return x / config.factor;
    });
    const branches = await divide(12);
    expect(branches.map((b) => [b.config.factor, b.status, b.result])).toEqual([
      [1, "ok", 12],
      [2, "ok", 6],
      [0, "error", undefined],
      [3, "ok", 4],
    ]);
    expect(branches[2]!.error).toBeInstanceOf(RangeError);
    expect(branches.map((b) => b.role)).toEqual(["main", "variant", "variant", "variant"]);
    expect(branches.every((b) => b.configId === b.config.configId && b.durationMs >= 0)).toBe(true);
  });

  it("starts the branches concurrently", async () => {
    const gates = [deferred<number>(), deferred<number>(), deferred<number>()];
    const mint = new Spearmint({ configs: { i: new DynamicValue([0, 1, 2]) }, strategy: new MultiBranchStrategy(), sink: false });
    const started: number[] = [];
    const run = mint.experiment((config) => {
      started.push(config.i);
      return gates[config.i]!.promise;
    });
    const all = run();
    await flush();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g, i) => g.resolve(i * 10));
    expect((await all).map((b) => b.result)).toEqual([0, 10, 20]);
  });
});

describe("ShadowStrategy", () => {
  it("returns the main result before a slow variant finishes and records a failing variant without throwing", async () => {
    const sink = new MemorySink();
    const slow = deferred<string>();
    const mint = new Spearmint({
      configs: [{ name: "main" }, { name: "slow" }, { name: "failing" }],
      strategy: new ShadowStrategy(),
      sink,
    });
    const answer = mint.experiment((question: string, config: MintConfig<typeof mint>) => {
      if (config.name === "slow") return slow.promise;
      if (config.name === "failing") throw new Error("variant exploded");
      return `main answers ${question}`;
    });

    expect(await answer("q1")).toBe("main answers q1");
    expect(slow.settled).toBe(false);

    slow.resolve("slow answer");
    await mint.drain();
    const byName = new Map(sink.records.map((r) => [r.config["name"], r]));
    expect(sink.records).toHaveLength(3);
    expect(byName.get("main")).toMatchObject({ role: "main", status: "ok", strategy: "shadow" });
    expect(byName.get("slow")).toMatchObject({ role: "variant", status: "ok", result: "slow answer", args: ["q1"] });
    expect(byName.get("failing")).toMatchObject({
      role: "variant",
      status: "error",
      error: { name: "Error", message: "variant exploded" },
    });
  });

  it("still throws the main config's own error, and still shadows", async () => {
    const mint = new Spearmint({ configs: [{ ok: false }, { ok: true }], strategy: new ShadowStrategy(), sink: false });
    const run = mint.experiment((config) => {
      if (!config.ok) throw new Error("main broke");
      return "variant fine";
    });
    await expect(run()).rejects.toThrow("main broke");
    await mint.drain();
    expect(mint.results.records.map((r) => r.status).sort()).toEqual(["error", "ok"]);
  });
});

describe("RoundRobinStrategy", () => {
  it("uses the next config on each call, wrapping around", async () => {
    const mint = new Spearmint({
      configs: { model: new DynamicValue(["a", "b", "c"]) },
      strategy: new RoundRobinStrategy(),
      sink: false,
    });
    const which = mint.experiment((config) => config.model);
    const answers: string[] = [];
    for (let i = 0; i < 7; i++) answers.push(await which());
    expect(answers).toEqual(["a", "b", "c", "a", "b", "c", "a"]);
  });
});

describe("concurrency limit", () => {
  it("never runs more branches at once than maxConcurrency", async () => {
    const gates = Array.from({ length: 5 }, () => deferred());
    const mint = new Spearmint({
      configs: { i: new DynamicValue([0, 1, 2, 3, 4]) },
      strategy: new MultiBranchStrategy(),
      maxConcurrency: 2,
      sink: false,
    });
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const run = mint.experiment(async (config) => {
      started.push(config.i);
      active++;
      peak = Math.max(peak, active);
      await gates[config.i]!.promise;
      active--;
      return config.i;
    });
    const all = run();
    await flush();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await flush();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    await flush();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    gates[3]!.resolve();
    gates[4]!.resolve();
    expect((await all).map((b) => b.result)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });

  it("lets main branches go ahead of queued variants", async () => {
    const limiter = new ConcurrencyLimiter(1);
    const gate = deferred();
    const order: string[] = [];
    const first = limiter.run(() => gate.promise);
    const variant = limiter.run(() => order.push("variant"), "low");
    const main = limiter.run(() => order.push("main"), "high");
    expect(limiter.waiting).toBe(2);
    gate.resolve();
    await Promise.all([first, variant, main]);
    expect(order).toEqual(["main", "variant"]);
  });

  it("rejects a limit below 1", () => {
    expect(() => new ConcurrencyLimiter(0)).toThrow(/maxConcurrency/);
  });
});
