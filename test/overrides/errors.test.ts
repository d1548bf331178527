// Syntax errors: OverrideParseError with the override, a 1-based column and Hydra's wording.
import { describe, expect, it } from "vitest";
import { OverrideParseError } from "../../src/errors.js";
import { parseOverride, parseOverrides } from "../../src/overrides/index.js";
import { parseError } from "./helpers.js";

describe("syntax errors", () => {
  it.each<[string, number, string]>([
    ["a=[1,2", 7, "missing ']' at '<EOF>'"],
    ["a=[", 4, "missing ']' at '<EOF>'"],
    ["a={a:1", 7, "missing '}' at '<EOF>'"],
    ["a=choice(1", 11, "missing ')' at '<EOF>'"],
    ["a=choice(", 10, "missing ')' at '<EOF>'"],
    ["key=[]aa", 7, "extraneous input 'aa' expecting <EOF>"],
    ["key=[1,2,3]'", 12, "token recognition error at: '''"],
    ["key=['a\\', 'b']", 14, "token recognition error at: '']'"],
    ["key={'0a': 0}", 6, "mismatched input ''0a'' expecting a dict key"],
    ["foo", 4, "missing '=' at '<EOF>'"],
    ["a b=1", 2, "token recognition error at: ' '"],
    ["$foo/bar=foobar", 5, "mismatched input '/' expecting '='"],
    ["a.b/c=1", 4, "mismatched input '/' expecting '='"],
    ["a/=1", 3, "mismatched input '=' expecting ID"],
    ["/a=1", 1, "mismatched input '/' expecting a key"],
    ["a=1,", 5, "mismatched input '<EOF>' expecting a value"],
    ["a=1,,2", 5, "mismatched input ',' expecting a value"],
    ["a=[1,]", 6, "mismatched input ']' expecting a value"],
    ["a=[1)", 5, "mismatched input ')' expecting {',', ']'}"],
    ["x=a=", 4, "extraneous input '=' expecting <EOF>"],
    ["x=a=b", 4, "mismatched input '=' expecting <EOF>"],
    ["x=a=b=c", 4, "mismatched input '=' expecting <EOF>"],
    ["x='a' ", 6, "extraneous input ' ' expecting <EOF>"],
    ["x=a,b c=", 8, "extraneous input '=' expecting {<EOF>, ','}"],
    ["x=1(2)", 4, "extraneous input '(' expecting <EOF>".replace("extraneous", "mismatched")],
    ["x=${}", 4, "mismatched input '{' expecting <EOF>"],
    ["k=שלום", 3, "token recognition error at: 'ש'"],
    ["k=a#b", 4, "token recognition error at: '#'"],
    ["k=a\nb", 4, "token recognition error at: '\n'"],
    ["שלום=1", 1, "token recognition error at: 'ש'"],
    ["~a=1=", 5, "extraneous input '=' expecting <EOF>"],
    ["+a", 3, "missing '=' at '<EOF>'"],
    ["~a b", 3, "token recognition error at: ' '"],
    ["", 1, "missing '=' at '<EOF>'"],
    ["a.b[0]=1", 4, "token recognition error at: '['"],
    ["a =1", 2, "token recognition error at: ' '"],
  ])("%j", (text, column, detail) => {
    const e = parseError(text);
    expect(e).toBeInstanceOf(OverrideParseError);
    expect(e.column).toBe(column);
    expect(e.override).toBe(text);
    expect(e.message.startsWith(`Error parsing override '${text}'\n`)).toBe(true);
    expect(e.message).toContain(detail);
    expect(e.message).toContain(`(column ${column})`);
    expect(e.message.endsWith("See https://hydra.cc/docs/1.2/advanced/override_grammar/basic for details")).toBe(true);
  });

  it("points a caret at the column", () => {
    expect(parseError("a=[1,2").message).toContain("  a=[1,2\n        ^\n");
  });

  it("hints at the override forms when the key is wrong", () => {
    expect(parseError("foo").message).toContain("key=value, +key=value, ++key=value, ~key, ~key=value");
    expect(parseError("a=[1,2").message).not.toContain("key=value, +key=value");
  });

  it("explains that Hydra 1.0 package renames are gone", () => {
    const e = parseError("group@pkg1:pkg2=option");
    expect(e.column).toBe(11);
    expect(e.message).toContain("Package renames (group@pkg1:pkg2=option) are not supported");
    expect(() => parseOverride("group@:pkg2=option")).toThrow(OverrideParseError);
  });

  it("counts columns in characters", () => {
    expect(parseError("k='שלום',[").column).toBe(11);
    expect(parseError("k='😀',[").column).toBe(8);
  });

  it("reports an all-whitespace-free nesting limit instead of overflowing", () => {
    const deep = `x=${"[".repeat(5000)}`;
    const e = parseError(deep);
    expect(e.message).toContain("nesting deeper than 256 levels");
    expect(parseOverride(`x=${"[".repeat(200)}${"]".repeat(200)}`).valueType).toBe("element");
  });

  it("stops at the first bad override of a list", () => {
    expect(() => parseOverrides(["a=1", "b=[", "c=]"])).toThrow(/Error parsing override 'b=\['/);
  });

  it("lexes pathological inputs in linear time", () => {
    const n = 20000;
    expect(parseOverride(`x=${"${${a}".repeat(n)}`).value).toBe("${${a}".repeat(n));
    expect(() => parseOverride(`x=${"${".repeat(n)}`)).toThrow(OverrideParseError);
    expect(() => parseOverride(`x='${"\\\\'".repeat(n)}`)).toThrow(OverrideParseError);
    expect(parseOverride(`x=${"a ".repeat(n)}b`).value).toBe(`${"a ".repeat(n)}b`);
  });
});
