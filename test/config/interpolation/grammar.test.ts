import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigFloat } from "../../../src/config/float.js";
import { GrammarParseError, InterpolationError } from "../../../src/errors.js";

const fl = (n: number): ConfigFloat => new ConfigFloat(n);
import {
  parseConfigValue,
  parseSingleElement,
  splitKey,
  type Element,
} from "../../../src/config/interpolation/index.js";

/** Evaluates an interpolation-free element to plain data, to check typing and unescaping. */
function plain(element: Element): unknown {
  switch (element.kind) {
    case "value":
      return element.value;
    case "concat":
      return element.pieces.join("");
    case "quoted":
      return element.text ? element.text.pieces.join("") : "";
    case "list":
      return element.items.map(plain);
    case "dict":
      return Object.fromEntries(element.entries.map(([k, v]) => [String(k), plain(v)]));
    case "interpolation":
      return element.interpolation.text;
  }
}

const decode = (s: string): unknown => plain(parseSingleElement(s));

describe("grammar: typed primitives (singleElement)", () => {
  it.each([
    ["null", null],
    ["TrUe", true],
    ["falsE", false],
    ["true_false", "true_false"],
    ["123", 123],
    ["+123", 123],
    ["-123", -123],
    ["1_000", 1000],
    ["1_000_", "1_000_"],
    ["007", "007"],
    ["1.1", fl(1.1)],
    [".1", fl(0.1)],
    ["1.", fl(1)],
    ["-.2", fl(-0.2)],
    ["1.1_1", fl(1.11)],
    ["-1e2", fl(-100)],
    ["+1E-2", fl(0.01)],
    ["1_0e1_0", fl(10e10)],
    ["01e2", "01e2"],
    ["e-2", "e-2"],
    ["inf", fl(Infinity)],
    ["-inf", fl(-Infinity)],
    ["hello world", "hello world"],
    ["a b\tc  \t\t  d", "a b\tc  \t\t  d"],
    ["a/-\\+.$*@\\\\", "a/-\\+.$*@\\"],
    [".", "."],
    ["$", "$"],
    [":", ":"],
    ["ab\\cd", "ab\\cd"],
  ])("%s", (text, expected) => {
    expect(decode(text)).toEqual(expected);
  });

  it("reads nan as NaN", () => {
    expect((decode("-nan") as ConfigFloat).value).toBeNaN();
  });

  it.each([
    ["\\ hello\\ world\\ ", " hello world "],
    ["hello\\, world", "hello, world"],
    ["a\\:b", "a:b"],
    ["\\(foo\\)", "(foo)"],
    ["\\[foo\\]", "[foo]"],
    ["\\{foo\\}", "{foo}"],
    ["\\\\", "\\"],
  ])("unescapes %j", (text, expected) => {
    expect(decode(text)).toEqual(expected);
  });

  it.each([
    ["'!@#$%^&*()[]:.,\"'", '!@#$%^&*()[]:.,"'],
    ["\"!@#$%^&*()[]:.,'\"", "!@#$%^&*()[]:.,'"],
    ["'  a \t'", "  a \t"],
    ["'123'", "123"],
    ["'a\\b'", "a\\b"],
    ["''", ""],
  ])("keeps quoted %j as a string", (text, expected) => {
    expect(decode(text)).toEqual(expected);
  });

  it("parses lists and dicts with trimmed whitespace", () => {
    expect(decode("[0, 1]")).toEqual([0, 1]);
    expect(decode("{x: 1, a: b, y: 1e2, null2: 0.1, true3: false}")).toEqual({ x: 1, a: "b", y: fl(100), null2: fl(0.1), true3: false });
    expect(decode("[\t a,   b,  ''\t  ]")).toEqual(["a", "b", ""]);
    expect(decode("{null0: [0, 3.14, false], true1: {a: [0, 1, 2], b: {}}}")).toEqual({
      null0: [0, fl(3.14), false],
      true1: { a: [0, 1, 2], b: {} },
    });
  });

  it("reads empty sequence items as empty strings (OmegaConf's deprecated form)", () => {
    expect(decode("[a,,b,]")).toEqual(["a", "", "b", ""]);
  });

  it.each(["a,=b", "\u00c8", "\\#", "'Hi''there'", "''a'", "{[0]: 1}", "}", "[1, 2"])("rejects %j", (text) => {
    expect(() => parseSingleElement(text)).toThrow(GrammarParseError);
  });
});

describe("grammar: config values", () => {
  it("marks a lone interpolation as single (typed result)", () => {
    const text = parseConfigValue("${a.b}");
    expect(text.single).toMatchObject({ kind: "node", key: ["a", ".", "b"] });
  });

  it("splits text and interpolations", () => {
    const text = parseConfigValue("bonjour ${str}!");
    expect(text.single).toBeUndefined();
    expect(text.pieces).toEqual(["bonjour ", expect.objectContaining({ kind: "node", key: ["str"] }), "!"]);
  });

  it.each([
    ["Esc: \\${str}", ["Esc: ${str}"]],
    ["Wrong: $\\{str\\}", ["Wrong: $\\{str\\}"]],
    ["\\\\\\\\\\${str}", ["\\\\${str}"]],
    ["C:\\foo\\bar ${x}", ["C:\\foo\\bar ", "x"]],
    ["${x}\\\\\\\\\\", ["x", "\\\\\\\\\\"]],
    ["$$${x}", ["$$", "x"]],
    ["${x}}", ["x", "}"]],
    ["'${x}", ["'", "x"]],
  ])("escapes in %j", (source, expected) => {
    const pieces = parseConfigValue(source).pieces.map((p) => (typeof p === "string" ? p : p.kind === "node" ? p.key.join("") : "?"));
    expect(pieces).toEqual(expected);
  });

  it("unescapes a backslash pair only before an interpolation", () => {
    expect(parseConfigValue("C:\\\\${dir}").pieces[0]).toBe("C:\\");
    expect(parseConfigValue("C:\\\\foo_${dir}").pieces[0]).toBe("C:\\\\foo_");
  });

  it("parses relative, bracket and nested keys", () => {
    expect(parseConfigValue("${..a[0].b}").single).toMatchObject({ key: [".", ".", "a", "[", "0", "]", ".", "b"] });
    expect(parseConfigValue("${x@y}").single).toMatchObject({ key: ["x@y"] });
    const nested = parseConfigValue("${foo.${bar}}").single;
    expect(nested).toMatchObject({ kind: "node", key: ["foo", ".", { kind: "node", key: ["bar"] }] });
  });

  it("parses resolver calls with typed, quoted and container arguments", () => {
    const call = parseConfigValue("${ns1.ns2.f: 1, 'a,b', [x, 2], {k: v}, ${y}}").single;
    expect(call).toMatchObject({ kind: "resolver", name: ["ns1", ".", "ns2", ".", "f"] });
    if (call?.kind !== "resolver") throw new Error("not a resolver");
    expect(call.argTexts).toEqual(["1", "'a,b'", "[x, 2]", "{k: v}", "${y}"]);
    expect(call.args.map(plain)).toEqual([1, "a,b", ["x", 2], { k: "v" }, "${y}"]);
  });

  it("parses resolvers without arguments and with whitespace around the colon", () => {
    expect(parseConfigValue("${f:}").single).toMatchObject({ kind: "resolver", args: [] });
    expect(parseConfigValue("${test\t  : \tfoo}").single).toMatchObject({ kind: "resolver", argTexts: ["foo"] });
    expect(parseConfigValue("${ \tdict.a  \t}").single).toMatchObject({ kind: "node", key: ["dict", ".", "a"] });
  });

  it.each([
    "${foo",
    "${a b}",
    "${dict .\ta}",
    "${te st:foo}",
    "${y@z:}",
    "${0:1,2,3}",
    "${'None'.'null'}",
    "${some_${resolver}:a}",
    "${test:${str}",
    "${${test:str}",
    "${..}",
    "${a..b}",
    "${a[0]:x}",
    '${f:"Hi "x}',
  ])("rejects %j with a GrammarParseError", (source) => {
    expect(() => parseConfigValue(source)).toThrow(GrammarParseError);
  });

  it("reports the 1-based column of the offending text", () => {
    try {
      parseConfigValue("abc ${a b}");
      expect.fail("should throw");
    } catch (e) {
      expect(e).toBeInstanceOf(GrammarParseError);
      expect((e as GrammarParseError).column).toBe(8);
      expect((e as Error).message).toContain("column 8");
      expect((e as Error).message).toContain("'abc ${a b}'");
    }
    expect(() => parseConfigValue("x ${foo")).toThrow(/column 8: unexpected end of text/);
  });

  it("caches results by string", () => {
    expect(parseConfigValue("${cached.value}")).toBe(parseConfigValue("${cached.value}"));
  });

  it("refuses absurd nesting instead of overflowing the stack", () => {
    const deep = "${f:" + "[".repeat(5000) + "]".repeat(5000) + "}";
    expect(() => parseConfigValue(deep)).toThrow(GrammarParseError);
  });
});

describe("splitKey", () => {
  it.each([
    ["a.b", ["a", "b"]],
    ["a[b]", ["a", "b"]],
    ["a.b[c].d", ["a", "b", "c", "d"]],
    ["[a].b", ["a", "b"]],
    ["a[0][1]", ["a", "0", "1"]],
  ])("%s", (key, expected) => {
    expect(splitKey(key)).toEqual(expected);
  });
});

describe("grammar property", () => {
  const alphabet = fc.constantFrom(..."${}[]():.,'\"\\ \tab01_-=@?|%*+/e".split(""), "${", "\\${", "\\\\");
  it("either parses or throws InterpolationError, for any string", () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join("")), (text) => {
        for (const parse of [parseConfigValue, parseSingleElement]) {
          try {
            parse(text);
          } catch (e) {
            if (!(e instanceof InterpolationError)) throw e;
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("never fails with another error on arbitrary unicode", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (text) => {
        try {
          parseConfigValue(text);
        } catch (e) {
          if (!(e instanceof InterpolationError)) throw e;
        }
      }),
      { numRuns: 500 },
    );
  });
});
