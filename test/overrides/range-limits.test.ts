import { describe, expect, it } from "vitest";
import { parseOverride } from "../../src/overrides/index.js";
import { sweepStrings } from "../../src/overrides/sweep.js";
import { OverrideApplyError } from "../../src/errors.js";

const first = (text: string, n = 3): string[] => {
  const out: string[] = [];
  for (const s of sweepStrings(parseOverride(text))) {
    out.push(s);
    if (out.length >= n) break;
  }
  return out;
};

describe("range() and shuffle() bounds", () => {
  it("refuses float ranges with huge or tiny steps instead of stepping forever", () => {
    expect(() => first("x=range(0,1,1e-300)")).toThrow(OverrideApplyError);
    expect(() => first("x=range(0,1e300,1.5)")).toThrow(/at most 1000000/);
    expect(() => first("x=range(1e300,2e300)")).toThrow(OverrideApplyError);
    expect(first("x=range(0,1,0.25)", 10)).toEqual(["0.0", "0.25", "0.5", "0.75"]);
  });

  it("refuses shuffling a huge range, keeps small shuffles", () => {
    expect(() => first("x=shuffle(range(0,1000000000000))")).toThrow(/shuffle\(\) of a range of 1000000000000 values/);
    expect(first("x=shuffle(range(0,3))").sort()).toEqual(["0", "1", "2"]);
  });

  it("keeps huge integer ranges lazy", () => {
    expect(first("x=range(0,1000000000000000)", 2)).toEqual(["0", "1"]);
  });
});
