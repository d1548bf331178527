// Sweep enumeration (Hydra's sweep_iterator / sweep_string_iterator), FloatRange, glob filtering and
// the Override helpers.
import { ConfigFloat } from "../../src/config/float.js";
import { describe, expect, it } from "vitest";
import { OverrideApplyError } from "../../src/errors.js";
import {
  filterGlob,
  fnmatch,
  isAdd,
  isChoiceSweep,
  isDelete,
  isDiscreteSweep,
  isForceAdd,
  isGlob,
  isHydraOverride,
  isIntervalSweep,
  isRangeSweep,
  isSweep,
  keyElement,
  parseOverride,
  sweepStrings,
  sweepValues,
} from "../../src/overrides/index.js";
import { sq } from "./helpers.js";

const strings = (text: string, options?: string[]): string[] => [...sweepStrings(parseOverride(text), options)];

describe("sweepStrings", () => {
  it.each<[string, string[]]>([
    ["x=choice(1,2,3)", ["1", "2", "3"]],
    ["x=choice('1', '2', '3')", ["1", "2", "3"]],
    ["x=choice('a', 'b')", ["a", "b"]],
    [
      "x=choice(True, 'True', False, 'False', 'a', 1, 1.1, 2.0, 3, '1.5', '4')",
      ["True", "True", "False", "False", "a", "1", "1.1", "2.0", "3", "1.5", "4"],
    ],
    ["x=range(1, 10)", ["1", "2", "3", "4", "5", "6", "7", "8", "9"]],
    ["x=choice([1,2,3], ['a', 'b'])", ["[1,2,3]", "['a','b']"]],
    ["x=choice([1, 1.1, '2', 'a'], [True, False])", ["[1,1.1,'2','a']", "[True,False]"]],
    ["x='a,b',c", ["'a,b'", "c"]],
    ["x=choice('a,b',c)", ["a\\,b", "c"]],
    ["x=1.0,2,3e1", ["1.0", "2", "30.0"]],
    ["x={a:1.0},{b:[2.0]}", ["{a:1.0}", "{b:[2.0]}"]],
    ["x=range(3)", ["0", "1", "2"]],
    ["x=range(1,10,3)", ["1", "4", "7"]],
    ["x=range(5,0,-2)", ["5", "3", "1"]],
    ["x=range(0,1,0.25)", ["0.0", "0.25", "0.5", "0.75"]],
    ["x=range(0,1,0.1)", ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7000000000000001", "0.8", "0.9"]],
    ["x=range(1.0,3)", ["1.0", "2.0"]],
    ["x=range(-10)", []],
    ["x=sort(3,1,2)", ["1", "2", "3"]],
    ["x=sort(3,1,2,reverse=true)", ["3", "2", "1"]],
    ["x=[1,2],[3,4]", ["[1,2]", "[3,4]"]],
    ["x=a b,c", ["a\\ b", "c"]],
  ])("%s", (text, expected) => {
    expect(strings(text)).toEqual(expected);
  });

  it("enumerates a glob over the group's options, in their order", () => {
    expect(strings("schema=glob(*)", ["school", "support", "warehouse"])).toEqual(["school", "support", "warehouse"]);
    expect(strings("schema=glob(*,exclude=w*)", ["school", "support", "warehouse"])).toEqual(["school", "support"]);
  });

  it("refuses what cannot be enumerated", () => {
    expect(() => strings("x=interval(0,1)")).toThrow(OverrideApplyError);
    expect(() => strings("x=1")).toThrow(/Can only enumerate CHOICE and RANGE sweeps, type is ValueType.ELEMENT/);
    expect(() => strings("x=glob(*)")).toThrow(OverrideApplyError);
    expect(() => strings("x=range(1,5,0)")).toThrow(/range\(\) arg 3 must not be zero/);
    expect(() => strings("x=range(1.0,5,0)")).toThrow(/Invalid range values/);
  });
});

describe("sweepValues", () => {
  it("yields parsed elements", () => {
    expect([...sweepValues(parseOverride("x='a b',1,[c]"))]).toEqual([sq("a b"), 1, ["c"]]);
    expect([...sweepValues(parseOverride("x=range(0,1,0.5)"))]).toEqual([new ConfigFloat(0), new ConfigFloat(0.5)]);
  });

  it("is lazy for ranges", () => {
    const it = sweepValues(parseOverride("x=range(0,1000000000000)"))[Symbol.iterator]();
    expect([it.next().value, it.next().value, it.next().value]).toEqual([0, 1, 2]);
  });

  it("re-shuffles on every pass, always a permutation", () => {
    const o = parseOverride("x=shuffle(1,2,3,4,5,6,7,8)");
    const passes = Array.from({ length: 20 }, () => [...sweepValues(o)].join(","));
    for (const p of passes) expect(p.split(",").sort()).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(new Set(passes).size).toBeGreaterThan(1);
    const r = parseOverride("x=shuffle(range(1,10))");
    expect([...sweepStrings(r)].sort()).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  });
});

describe("FloatRange", () => {
  const floats = (start: string, stop: string, step: string): string[] =>
    strings(`x=range(float(${start}),${stop},${step})`);
  it.each<[string, string, string, string[]]>([
    ["0", "0", "1", []],
    ["0", "0", "-1", []],
    ["10", "0", "1", []],
    ["0", "10", "-1", []],
    ["0", "2", "1", ["0.0", "1.0"]],
    ["0", "2", "0.5", ["0.0", "0.5", "1.0", "1.5"]],
    ["2", "0", "-1", ["2.0", "1.0"]],
    ["10.0", "5.0", "-2", ["10.0", "8.0", "6.0"]],
    ["0.3", "-0.3", "-0.1", ["0.3", "0.19999999999999998", "0.09999999999999998", "-2.7755575615655784e-17", "-0.10000000000000003", "-0.20000000000000004"]],
  ])("range(%s, %s, %s)", (start, stop, step, expected) => {
    expect(floats(start, stop, step)).toEqual(expected);
  });
});

describe("glob filtering", () => {
  const words = ["the", "quick", "brown", "fox", "jumped", "under", "the", "lazy", "dog"];
  it.each<[string[], string[], string[]]>([
    [["*"], [], words],
    [["*"], ["quick", "under"], ["the", "brown", "fox", "jumped", "the", "lazy", "dog"]],
    [["*"], ["*d*"], ["the", "quick", "brown", "fox", "the", "lazy"]],
    [["t*"], [], ["the", "the"]],
  ])("include %j exclude %j", (include, exclude, expected) => {
    expect(filterGlob({ kind: "glob", include, exclude }, words)).toEqual(expected);
  });

  it.each<[string, string, boolean]>([
    ["abc", "a?c", true],
    ["abc", "a[b-d]c", true],
    ["aec", "a[!b-d]c", true],
    ["abc", "a[!b]c", false],
    ["a/b", "a*", true],
    ["a]", "a[]]", true],
    ["a[", "a[", true],
    ["", "*", true],
    ["abc", "*b*c*", true],
    ["abc", "*c*b", false],
    ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "*a*a*a*a*a*a*a*a*c", false],
  ])("fnmatch(%j, %j)", (name, pattern, expected) => {
    expect(fnmatch(name, pattern)).toBe(expected);
  });
});

describe("override helpers", () => {
  it.each<[string, string]>([
    ["key=value", "key"],
    ["key@pkg1=value", "key@pkg1"],
    ["+key=value", "+key"],
    ["+key@pkg1=value", "+key@pkg1"],
    ["++key=value", "++key"],
    ["++key@pkg1=value", "++key@pkg1"],
    ["~key=value", "~key"],
    ["~key@pkg1=value", "~key@pkg1"],
    ["~key", "~key"],
    ["db@=x", "db@"],
  ])("keyElement(%s) = %s", (text, expected) => {
    expect(keyElement(parseOverride(text))).toBe(expected);
  });

  it("classifies overrides", () => {
    const o = (t: string) => parseOverride(t);
    expect([isAdd(o("+a=1")), isForceAdd(o("++a=1")), isDelete(o("~a")), isAdd(o("a=1"))]).toEqual([true, true, true, false]);
    expect(["a=1", "a=1,2", "a=choice(1)", "a=glob(*)", "a=range(2)", "a=interval(0,1)", "~a"].map((t) => isSweep(o(t)))).toEqual([
      false, true, true, true, true, true, false,
    ]);
    expect(isGlob(o("a=glob(*)"))).toBe(true);
    expect(isChoiceSweep(o("a=glob(*)"))).toBe(true);
    expect(isRangeSweep(o("a=range(2)"))).toBe(true);
    expect(isIntervalSweep(o("a=interval(0,1)"))).toBe(true);
    expect(isDiscreteSweep(o("a=interval(0,1)"))).toBe(false);
    expect(isDiscreteSweep(o("a=1,2"))).toBe(true);
  });

  it.each<[string, boolean]>([
    ["hydra.run.dir=x", true],
    ["hydra/launcher=basic", true],
    ["+hydra.job.name=x", true],
    ["hydra=x", false],
    ["hydrant.x=1", false],
    ["db=mysql", false],
  ])("isHydraOverride(%s) = %s", (text, expected) => {
    expect(isHydraOverride(parseOverride(text))).toBe(expected);
  });
});
