import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DynamicValue } from "../../src/dynamic/index.js";
import {
  JsonlSink,
  MemorySink,
  MultiBranchStrategy,
  Spearmint,
  readRecords,
  summarizeValue,
  type RecordSink,
  type RunRecord,
} from "../../src/spearmint/index.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe("recording", () => {
  it("records config id, config, args summary, result or error, duration and timestamps", async () => {
    const sink = new MemorySink();
    const mint = new Spearmint({ configs: { k: new DynamicValue([1, 0]) }, strategy: new MultiBranchStrategy(), sink });
    const run = mint.experiment<[string, number[]], number>(function run(text, xs, config) {
      if (config.k === 0) throw new TypeError("k is zero");
      return text.length + xs.length;
    });
    await run("a".repeat(500), Array.from({ length: 30 }, (_, i) => i));
    await mint.drain();
    const [ok, failed] = [...sink.records].sort((a, b) => a.configIndex - b.configIndex);
    expect(ok).toMatchObject({
      experiment: "run",
      configId: mint.configs[0]!.configId,
      config: { k: 1, __config_id__: mint.configs[0]!.configId },
      role: "main",
      strategy: "multi-branch",
      status: "ok",
      result: 530,
    });
    expect(ok!.args[0]).toMatch(/^a{200}…\(\+300 chars\)$/);
    expect((ok!.args[1] as unknown[]).at(-1)).toBe("…(+10 items)");
    expect(Date.parse(ok!.startedAt)).not.toBeNaN();
    expect(Date.parse(ok!.finishedAt)).toBeGreaterThanOrEqual(Date.parse(ok!.startedAt));
    expect(ok!.durationMs).toBeGreaterThanOrEqual(0);
    expect(failed).toMatchObject({ status: "error", error: { name: "TypeError", message: "k is zero" } });
    expect(failed).not.toHaveProperty("result");
  });

  it("writes JSON Lines per experiment to a directory and reads them back", async () => {
    const dir = await mkdtemp(join(tmpdir(), "spearmint-"));
    dirs.push(dir);
    const mint = new Spearmint({ configs: { k: new DynamicValue([1, 2, 3]) }, strategy: new MultiBranchStrategy(), recordDir: dir });
    const square = mint.experiment((config) => config.k ** 2, { name: "square/v1" });
    await square();
    await square();
    await mint.drain();
    const text = await readFile(join(dir, "square_v1.jsonl"), "utf8");
    expect(text.trim().split("\n")).toHaveLength(6);
    const records = await readRecords(dir);
    expect(records.map((r) => r.result).sort()).toEqual([1, 1, 4, 4, 9, 9]);
    expect(await readRecords(join(dir, "square_v1.jsonl"))).toHaveLength(6);
  });

  it("a failing sink never fails the run; its errors are kept in sinkErrors", async () => {
    const broken: RecordSink = {
      write() {
        throw new Error("disk full");
      },
      flush: () => Promise.reject(new Error("flush failed")),
    };
    const mint = new Spearmint({ configs: { a: 1 }, sink: [broken, new MemorySink()] });
    expect(await mint.experiment(() => 42)()).toBe(42);
    await mint.drain();
    expect(mint.sinkErrors.map((e) => (e as Error).message)).toEqual(["disk full", "flush failed"]);
    expect(mint.results.records).toHaveLength(1);
  });

  it("JsonlSink keeps lines in write order", async () => {
    const dir = await mkdtemp(join(tmpdir(), "spearmint-"));
    dirs.push(dir);
    const sink = new JsonlSink(dir);
    const base: Omit<RunRecord, "configId"> = { experiment: "e", configIndex: 0, config: {}, role: "main", strategy: "s", args: [], status: "ok", durationMs: 0, startedAt: "", finishedAt: "" };
    await Promise.all([1, 2, 3, 4].map((i) => sink.write({ ...base, configId: `c${i}` })));
    await sink.flush();
    expect((await readRecords(dir)).map((r) => r.configId)).toEqual(["c1", "c2", "c3", "c4"]);
  });
});

describe("summarizeValue", () => {
  it("makes values JSON-safe", () => {
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic["self"] = cyclic;
    expect(summarizeValue({ big: 10n, when: new Date(0), m: new Map([["k", 1]]), s: new Set([1]), f: Math.max, cyclic })).toEqual({
      big: "10n",
      when: "1970-01-01T00:00:00.000Z",
      m: { k: 1 },
      s: [1],
      f: "[Function max]",
      cyclic: { name: "x", self: "[Circular]" },
    });
    expect(summarizeValue({ a: { b: { c: { d: { e: 1 } } } } })).toEqual({ a: { b: { c: { d: "[Object]" } } } });
  });
});
