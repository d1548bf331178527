import { describe, expect, it } from "vitest";
import { compareMissingLast, displayWidth, flattenDotted, formatColumns, formatNumber, formatPipeTable, pad, truncate } from "../../src/table/index.js";

describe("displayWidth", () => {
  it("counts terminal columns: ASCII one each, East Asian wide two, combining marks and joiners none", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("日本語")).toBe(6);
    expect(displayWidth("ｆｕｌｌ")).toBe(8);
    expect(displayWidth("é")).toBe(1);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("a\u200bb")).toBe(2);
    expect(displayWidth("")).toBe(0);
  });
});

describe("pad and truncate", () => {
  it("pads to columns, not code units", () => {
    expect(pad("日本", 6)).toBe("日本  ");
    expect(pad("7", 3, "right")).toBe("  7");
    expect(pad("toolong", 3)).toBe("toolong");
  });

  it("cuts to at most max columns with an ellipsis, as before for ASCII", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abcd", 4)).toBe("abcd");
    expect(truncate("日本語です", 6)).toBe("日本…");
    expect(displayWidth(truncate("日本語です", 6))).toBeLessThanOrEqual(6);
  });
});

describe("formatColumns", () => {
  it("aligns a header, a rule and rows two spaces apart, with no trailing blanks", () => {
    expect(formatColumns(["name", "n"], [["日本", "1"], ["x", "10"]], { alignRight: [false, true] })).toEqual([
      "name   n",
      "----  --",
      "日本   1",
      "x     10",
    ]);
  });

  it("cuts long cells, the header's too", () => {
    expect(formatColumns(["overrides"], [["a=1 b=2 c=3"]], { maxCellWidth: 5 })).toEqual(["over…", "-----", "a=1 …"]);
  });
});

describe("formatPipeTable", () => {
  it("draws Hydra's | a | b | table, rules sized in columns", () => {
    expect(formatPipeTable(["Config path", "Package"], [["db/日本", "db"]], { ruleAbove: true })).toEqual([
      "-------------------------",
      "| Config path | Package |",
      "-------------------------",
      "| db/日本     | db      |",
      "-------------------------",
    ]);
  });
});

describe("flattenDotted, formatNumber, compareMissingLast", () => {
  it("flattens nested objects by dotted key, anything else under one name", () => {
    expect([...flattenDotted({ a: { b: 1, c: [1] }, d: null })]).toEqual([["a.b", 1], ["a.c", [1]], ["d", null]]);
    expect([...flattenDotted(7)]).toEqual([["result", 7]]);
    expect(flattenDotted(undefined).size).toBe(0);
  });

  it("shows integers whole and other numbers to 6 significant digits", () => {
    expect(formatNumber(3)).toBe("3");
    expect(formatNumber(0.912345678)).toBe("0.912346");
    expect(formatNumber(1e21)).toBe("1e+21");
  });

  it("sorts missing values last whichever the direction", () => {
    // (Array.prototype.sort puts undefined last by itself: rows carry their keys.)
    const rows = [{ k: 3 }, { k: undefined }, { k: 1 }, { k: null }, { k: 2 }];
    const order = (descending: boolean) => [...rows].sort((x, y) => compareMissingLast(x.k, y.k, descending)).map((r) => r.k);
    expect(order(false)).toEqual([1, 2, 3, undefined, null]);
    expect(order(true)).toEqual([3, 2, 1, undefined, null]);
    expect(["b", "a"].sort((x, y) => compareMissingLast(x, y, false))).toEqual(["a", "b"]);
  });
});
