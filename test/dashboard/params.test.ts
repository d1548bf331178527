import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kindOf, paramInfos, splitOverride } from "../../src/dashboard/params.js";

describe("kindOf: how a swept parameter is plotted", () => {
  it("puts log-spaced numbers on a log axis, evenly spaced ones on a linear one", () => {
    expect(kindOf([0.001, 0.01, 0.1])).toBe("log");
    expect(kindOf([16, 32, 64, 128])).toBe("log");
    expect(kindOf([1e-5, 1e-3])).toBe("log");
    expect(kindOf([1, 2, 3, 4])).toBe("numeric");
    expect(kindOf([0, 0.1, 0.2])).toBe("numeric");
    expect(kindOf([1, 5])).toBe("numeric");
    expect(kindOf([-1, 10, 100])).toBe("numeric");
  });

  it("calls anything with text in it categorical", () => {
    expect(kindOf(["adam", "sgd"])).toBe("categorical");
    expect(kindOf([1, "2"])).toBe("categorical");
  });

  it("never calls an arithmetic progression log-spaced; always a geometric one with ratio ≥ 2", () => {
    fc.assert(fc.property(fc.double({ min: 0.001, max: 1000, noNaN: true }), fc.double({ min: 0.001, max: 1000, noNaN: true }), fc.integer({ min: 3, max: 12 }),
      (a, d, n) => kindOf(Array.from({ length: n }, (_, i) => a + i * d)) === "numeric"), { numRuns: 200 });
    fc.assert(fc.property(fc.double({ min: 1e-6, max: 10, noNaN: true }), fc.double({ min: 2, max: 10, noNaN: true }), fc.integer({ min: 3, max: 8 }),
      (a, r, n) => kindOf(Array.from({ length: n }, (_, i) => a * r ** i)) === "log"), { numRuns: 200 });
  });
});

describe("splitOverride / paramInfos", () => {
  it("reads an override's key and typed value with the override parser", () => {
    expect(splitOverride("lr=0.01")).toEqual({ key: "lr", value: 0.01 });
    expect(splitOverride("+experiment=lr_ablation")).toEqual({ key: "experiment", value: "lr_ablation" });
    expect(splitOverride("db@backup=mysql")).toEqual({ key: "db@backup", value: "mysql" });
    expect(splitOverride("name='a,b'")).toEqual({ key: "name", value: "a,b" });
    expect(splitOverride("flag=true")).toEqual({ key: "flag", value: true });
    expect(splitOverride("~x")).toBeUndefined();
  });

  it("sorts numeric values and keeps categories in the order first seen", () => {
    const infos = paramInfos([{ lr: 0.1, opt: "sgd" }, { lr: 0.001, opt: "adam" }, { lr: 0.01, opt: "sgd" }], ["lr", "opt"]);
    expect(infos).toEqual([
      { key: "lr", kind: "log", values: [0.001, 0.01, 0.1] },
      { key: "opt", kind: "categorical", values: ["sgd", "adam"] },
    ]);
  });
});
