// Value conversion: Hydra's get_value_element_as_str / value() tables, escaping, Python float spelling.
import { ConfigFloat } from "../../src/config/float.js";
import { describe, expect, it } from "vitest";
import { toPlainUnresolved } from "../../src/config/node.js";
import { OverrideApplyError } from "../../src/errors.js";
import {
  QuotedString,
  elementToConfig,
  formatElement,
  escapeSpecialCharacters,
  parseOverride,
  pyFloatRepr,
  formatOverrideValue,
} from "../../src/overrides/index.js";

const UNQUOTED_SPECIAL = "/-\\+.$%*@?|";

describe("formatOverrideValue (Hydra's get_value_element_as_str)", () => {
  it.each<[string, string, boolean]>([
    ["key=value", "value", false],
    ["key='value'", "'value'", false],
    ['key="value"', '"value"', false],
    ["key='שלום'", "'שלום'", false],
    ["key=\\\\\\(\\)\\[\\]\\{\\}\\:\\=\\ \\\t\\,", "\\\\\\(\\)\\[\\]\\{\\}\\:\\=\\ \\\t\\,", false],
    ["key=10", "10", false],
    ["key=3.1415", "3.1415", false],
    ["key=1.0", "1.0", false],
    ["key=1e-5", "1e-05", false],
    ["key=1e20", "1e+20", false],
    ["key=0.0001", "0.0001", false],
    ["key=inf", "inf", false],
    ["key=-inf", "-inf", false],
    ["key=nan", "nan", false],
    ["key=true", "True", false],
    ["key=FALSE", "False", false],
    ["key=null", "null", false],
    ["key=", "", false],
    ["key=[]", "[]", false],
    ["key=[1,2,3]", "[1,2,3]", false],
    ["key=[1,2,3]", "[1, 2, 3]", true],
    ["key=['a b', 2, 3]", "['a b',2,3]", false],
    ["key=['a b', 2, 3]", "['a b', 2, 3]", true],
    ["key=[1.0,[2.50,true]]", "[1.0,[2.5,True]]", false],
    ["key={}", "{}", false],
    ["key={a:10}", "{a:10}", false],
    ["key={a:10}", "{a: 10}", true],
    ["key={a:10,b:20}", "{a:10,b:20}", false],
    ["key={a:10,b:20}", "{a: 10, b: 20}", true],
    ["key={a:10,b:[1,2,3]}", "{a: 10, b: [1, 2, 3]}", true],
    ["key={a:1.0}", "{a:1.0}", false],
    [`key={${UNQUOTED_SPECIAL}: 1}`, `{${UNQUOTED_SPECIAL.replace("\\", "\\\\")}: 1}`, true],
    ["key={ white  space\t: 2}", "{white\\ \\ space: 2}", true],
    ["key={\\\\\\(\\)\\[\\]\\{\\}\\:\\=\\ \\\t\\,: 2}", "{\\\\\\(\\)\\[\\]\\{\\}\\:\\=\\ \\\t\\,: 2}", true],
    ["key=a b", "a\\ b", false],
    ["key=${a.b}", "$\\{a.b\\}", false],
    ["key=c:\\foo", "c\\:\\\\foo", false],
    ["~key", "null", false],
  ])("%s", (text, expected, spaceAfterSep) => {
    expect(formatOverrideValue(parseOverride(text), spaceAfterSep)).toBe(expected);
  });

  it("refuses sweeps", () => {
    expect(() => formatOverrideValue(parseOverride("key=1,2"))).toThrow(OverrideApplyError);
  });
});

describe("elementToConfig (Hydra's Override.value())", () => {
  it.each<[string, unknown]>([
    ["key=value", "value"],
    ["key='value'", "value"],
    ['key="value"', "value"],
    ["key=10", 10],
    ["key=3.1415", 3.1415],
    ["key=[]", []],
    ["key=[1,2,3]", [1, 2, 3]],
    ["key=['a b', 2, 3]", ["a b", 2, 3]],
    ["key={}", {}],
    ["key={a:10,b:[1,2,3]}", { a: 10, b: [1, 2, 3] }],
    ["key={123id: 0}", { "123id": 0 }],
    [`key={${UNQUOTED_SPECIAL}: 0}`, { [UNQUOTED_SPECIAL]: 0 }],
    ["key={w s: 0}", { "w s": 0 }],
    ["key={\\\\\\(\\)\\[\\]\\{\\}\\:\\=\\ \\\t\\,: 0}", { "\\()[]{}:= \t,": 0 }],
    ["key={a:['x', {b: \"y\"}]}", { a: ["x", { b: "y" }] }],
    ["key=null", null],
    ["key=", ""],
  ])("%s", (text, expected) => {
    const o = parseOverride(text);
    expect(toPlainUnresolved(elementToConfig(o.value as never))).toEqual(expected);
  });
});

describe("escapeSpecialCharacters", () => {
  it.each<[string, string]>([
    ["abc", "abc"],
    ["\\", "\\\\"],
    ["\\\\\\", "\\\\\\\\\\\\"],
    ["()", "\\(\\)"],
    ["[]", "\\[\\]"],
    ["{}", "\\{\\}"],
    [":=,", "\\:\\=\\,"],
    ["  \t", "\\ \\ \\\t"],
    ["ab\\(cd{ef}[gh]): ij,kl\t", "ab\\\\\\(cd\\{ef\\}\\[gh\\]\\)\\:\\ ij\\,kl\\\t"],
  ])("%j", (s, expected) => {
    expect(escapeSpecialCharacters(s)).toBe(expected);
  });
});

describe("pyFloatRepr (Python's repr(float))", () => {
  it.each<[number, string]>([
    [1, "1.0"],
    [0, "0.0"],
    [-0, "-0.0"],
    [1.5, "1.5"],
    [1e-5, "1e-05"],
    [0.0001, "0.0001"],
    [1e16, "1e+16"],
    [1e15, "1000000000000000.0"],
    [1.5e16, "1.5e+16"],
    [123456789012345678, "1.2345678901234568e+17"],
    [0.1 + 0.2, "0.30000000000000004"],
    [1e100, "1e+100"],
    [5e-324, "5e-324"],
    [Infinity, "inf"],
    [-Infinity, "-inf"],
    [NaN, "nan"],
  ])("%d", (n, expected) => {
    expect(pyFloatRepr(n)).toBe(expected);
  });
});

describe("formatElement", () => {
  it("prints elements built by hand", () => {
    expect(formatElement([1, "a b", new QuotedString("it's", "'"), null, new Map([["k", true]])])).toBe(
      "[1,a\\ b,'it\\'s',null,{k:True}]",
    );
    expect(formatElement(new ConfigFloat(2))).toBe("2.0");
    expect(formatElement(2.5)).toBe("2.5");
    expect(formatElement(1e21)).toBe("1000000000000000000000");
    expect(formatElement(new ConfigFloat(1e21))).toBe("1e+21");
    expect(formatElement(2 ** 60)).toBe("1152921504606846976");
  });

  it("re-quotes strings the way Hydra does", () => {
    expect(new QuotedString("c:\\dir", "'").withQuotes()).toBe("'c:\\dir'");
    expect(new QuotedString("a\\", "'").withQuotes()).toBe("'a\\\\'");
    expect(new QuotedString("a\\'b", "'").withQuotes()).toBe("'a\\\\\\'b'");
    expect(new QuotedString('say "hi"', '"').withQuotes()).toBe('"say \\"hi\\""');
    expect(new QuotedString("it's", '"').withQuotes()).toBe('"it\'s"');
  });
});
