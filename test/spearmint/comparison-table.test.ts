import { describe, expect, it } from "vitest";
import { formatComparisonTable, type RunRecord } from "../../src/spearmint/index.js";

function record(configIndex: number, config: Record<string, unknown>, outcome: Partial<RunRecord>): RunRecord {
  return {
    experiment: "rank",
    configId: `id${configIndex}`,
    configIndex,
    config: { ...config, __config_id__: `id${configIndex}` },
    role: configIndex === 0 ? "main" : "variant",
    strategy: "multi-branch",
    args: [],
    status: "ok",
    durationMs: 1.25,
    startedAt: "2024-01-01T00:00:00.000Z",
    finishedAt: "2024-01-01T00:00:01.000Z",
    ...outcome,
  };
}

describe("formatComparisonTable", () => {
  it("one row per config: differing config keys (dotted) then result fields", () => {
    const records = [
      record(1, { llm: { model: "b", temperature: 0.5 }, k: 3 }, { result: { score: 0.5, hits: 10 } }),
      record(0, { llm: { model: "a", temperature: 0.5 }, k: 3 }, { result: { score: 0.123456, hits: 9 } }),
      record(2, { llm: { model: "c", temperature: 0.5 }, k: 3 }, { status: "error", error: { name: "Error", message: "boom" } }),
    ];
    expect(formatComparisonTable(records)).toBe(
      [
        "config_id  llm.model   score  hits  error        duration_ms",
        "---------  ---------  ------  ----  -----------  -----------",
        "id0        a          0.1235     9  -                    1.3",
        "id1        b             0.5    10  -                    1.3",
        "id2        c               -     -  Error: boom          1.3",
      ].join("\n"),
    );
  });

  it("keeps the latest run per config and counts runs; a scalar result is one column", () => {
    const records = [
      record(0, { k: 1 }, { result: 1, finishedAt: "2024-01-01T00:00:01.000Z" }),
      record(1, { k: 2 }, { result: 2 }),
      record(0, { k: 1 }, { result: 7, finishedAt: "2024-01-01T00:00:02.000Z" }),
    ];
    expect(formatComparisonTable(records).split("\n").slice(2)).toEqual([
      "id0        1       7     2          1.3",
      "id1        2       2     1          1.3",
    ]);
  });

  it("shows all keys for a single config, prefixes result fields that clash with config keys", () => {
    const table = formatComparisonTable([record(0, { k: 1, name: "only" }, { result: { k: 5 } })]);
    expect(table.split("\n")[0]).toBe("config_id  k  name  result.k  duration_ms");
    expect(formatComparisonTable([])).toBe("(no runs recorded)");
  });
});
