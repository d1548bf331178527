import { describe, expect, it } from "vitest";
import { checkInterpolationSyntax, findInvalidInterpolation } from "../../../src/config/interpolation/index.js";
import { GrammarParseError } from "../../../src/errors.js";
import { fromPlain } from "../../../src/config/node.js";

describe("checkInterpolationSyntax: OmegaConf's check when a string node is made", () => {
  it("accepts strings without ${ and valid interpolations, escaped ones included", () => {
    for (const s of ["plain", "$HOME", "{a}", "${a}", "x_${a.b}_${oc.env:H,d}", "\\${not", "${f:'b,a,r'}", "a ${b} c"]) {
      expect(() => checkInterpolationSyntax(s)).not.toThrow();
    }
  });

  it("rejects a ${ that does not follow the grammar", () => {
    for (const s of ["${a", "x ${", "${}", "+v='${foo:\\'b,a,r\\'}'", "${a:'b}"]) {
      expect(() => checkInterpolationSyntax(s), s).toThrow(GrammarParseError);
    }
  });
});

describe("findInvalidInterpolation", () => {
  it("finds the first invalid string in a tree, with its path", () => {
    const found = findInvalidInterpolation(fromPlain({ a: 1, b: { c: ["ok", "${x"] }, d: "${y" }));
    expect(found?.path).toEqual(["b", "c", 1]);
    expect(found?.key).toBe(1);
    expect(found?.error).toBeInstanceOf(GrammarParseError);
  });

  it("checks a lone string, and finds nothing in valid trees", () => {
    expect(findInvalidInterpolation("${x")?.path).toEqual([]);
    expect(findInvalidInterpolation(fromPlain({ a: "${b}", c: [1, null, true] }))).toBeUndefined();
    expect(findInvalidInterpolation(5)).toBeUndefined();
  });
});
