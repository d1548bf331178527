// Expectations ported from Hydra 1.3's tests/test_overrides_parser.py (element, primitive, quoted
// strings, containers, keys, override forms, whitespace) plus the edges of the lexer.
import { describe, expect, it } from "vitest";
import { parseOverride, parseOverrides, type OverrideType } from "../../src/overrides/index.js";
import { keyId } from "../../src/config/dict-key.js";
import { ConfigFloat } from "../../src/config/float.js";
import { choice, dict, dq, fl, parseError, sq, val } from "./helpers.js";

const UNQUOTED_SPECIAL = "/-\\+.$%*@?|";

describe("primitives", () => {
  it.each<[string, unknown]>([
    ["abc", "abc"],
    ["abc123", "abc123"],
    ["abc-123", "abc-123"],
    ["a b c\t-\t1 2 3", "a b c\t-\t1 2 3"],
    [" abc-123 ", "abc-123"],
    ["123abc", "123abc"],
    ["10abc", "10abc"],
    ["a\\,b", "a,b"],
    ["a\\:b", "a:b"],
    ["a\\=b", "a=b"],
    ["\\ ab", " ab"],
    ["ab\\\t", "ab\t"],
    ["ab\\\\", "ab\\"],
    ["\\,", ","],
    ["f\\(a\\, b\\)", "f(a, b)"],
    ["\\[a\\, b\\]", "[a, b]"],
    ["\\{a\\: b\\}", "{a: b}"],
    ["$\\{foo.bar\\}", "${foo.bar}"],
    ["xyz_${a.b.c}", "xyz_${a.b.c}"],
    ["${f:USER,root}", "${f:USER,root}"],
    ["${f.g:USER,root}", "${f.g:USER,root}"],
    ["${foo:[1,2,3]}", "${foo:[1,2,3]}"],
    ["\\${a}", "\\${a}"],
    ["c:\\foo\\a-b.txt", "c:\\foo\\a-b.txt"],
    [UNQUOTED_SPECIAL, UNQUOTED_SPECIAL],
    ["a.b.c", "a.b.c"],
    ["list.0.bar", "list.0.bar"],
    ["0.foo", "0.foo"],
    [".", "."],
    ["a:b", "a:b"],
    ["1___0___", "1___0___"],
    ["1.0.0", "1.0.0"],
    ["01", "01"],
    ["-infinity", "-infinity"],
    ["info", "info"],
    ["trueish", "trueish"],
    ["null", null],
    ["NULL", null],
    ["0", 0],
    ["-1", -1],
    ["+1", 1],
    ["10_0", 100],
    ["1_000", 1000],
    ["0.0", fl(0)],
    ["0.51", fl(0.51)],
    ["1e-05", fl(1e-5)],
    ["-3.14", fl(-3.14)],
    ["3.1_4", fl(3.14)],
    ["10e0", fl(10)],
    ["-10e1", fl(-100)],
    ["1E3", fl(1000)],
    [".5", fl(0.5)],
    ["5.", fl(5)],
    ["1.e2", fl(100)],
    ["inf", fl(Infinity)],
    ["INF", fl(Infinity)],
    ["+inf", fl(Infinity)],
    ["-inf", fl(-Infinity)],
    ["true", true],
    ["True", true],
    ["TRUE", true],
    ["trUe", true],
    ["false", false],
    ["False", false],
    ["FALSE", false],
    ["faLse", false],
  ])("%j", (text, expected) => {
    expect(val(text)).toEqual(expected);
  });

  it("reads nan", () => {
    expect((val("nan") as ConfigFloat).value).toBeNaN();
    expect((val("NaN") as ConfigFloat).value).toBeNaN();
  });

  it("keeps an empty value as the empty string", () => {
    expect(parseOverride("key=").value).toBe("");
    expect(parseOverride("key=").valueType).toBe("element");
    expect(parseOverride("~x=").value).toBe("");
  });

  it("keeps interpolations verbatim", () => {
    expect(val("${oc.env:USER,me}")).toBe("${oc.env:USER,me}");
    expect(val("pre_${a}_${b}")).toBe("pre_${a}_${b}");
    expect(val("${${a}")).toBe("${${a}");
  });

  it("ends an unquoted interpolation at its first '}', as Hydra's lexer does: nesting needs quotes", () => {
    expect(parseError("x=${a.${b}}").message).toContain("extraneous input '}' expecting <EOF>");
    // `${oc.decode:'{a: 1}` is the interpolation; the quote left after it never closes.
    expect(parseError("x=${oc.decode:'{a: 1}'}").message).toContain("token recognition error at: ''}' (column 22)");
    expect(parseError("x=${}").message).toContain("mismatched input '{' expecting <EOF>");
    expect(val("'${a.${b}}'")).toEqual(sq("${a.${b}}"));
  });
});

describe("quoted strings", () => {
  it.each<[string, ReturnType<typeof sq>]>([
    ["'foo \\'bar'", sq("foo 'bar")],
    ['"foo \\"bar"', dq('foo "bar')],
    ["'foo \\\\\\'bar'", sq("foo \\'bar")],
    ['"foo \\\\\\"bar"', dq('foo \\"bar')],
    ["'foo\\bar'", sq("foo\\bar")],
    ['"foo\\bar"', dq("foo\\bar")],
    ["'foo\\\\bar'", sq("foo\\\\bar")],
    ["'foo\\\\\\\\bar'", sq("foo\\\\\\\\bar")],
    ["'foo bar\\\\'", sq("foo bar\\")],
    ["'foo \\\\\\\\\\'bar\\' \\\\\\\\\\\\'", sq("foo \\\\'bar' \\\\\\")],
    ["'\t []{},=+~'", sq("\t []{},=+~")],
    ['"\t []{},=+~"', dq("\t []{},=+~")],
    ["'a b c'", sq("a b c")],
    ["'a,b'", sq("a,b")],
    ["'[1,2,3]'", sq("[1,2,3]")],
    ["\"[1,'2',3]\"", dq("[1,'2',3]")],
    ["'null'", sq("null")],
    ["'100'", sq("100")],
    ["'3.14'", sq("3.14")],
    ["'nan'", sq("nan")],
    ["'true'", sq("true")],
    ["'a ${b}'", sq("a ${b}")],
    ["'a \\${b}'", sq("a \\${b}")],
    ["'a \\'\\${b}\\''", sq("a '\\${b}'")],
    ["'a \\\\${b}'", sq("a \\\\${b}")],
    ["'${foo:\\'b,a,r\\'}'", sq("${foo:'b,a,r'}")],
    ["'${foo:${a}, \\'\\${bar}\\\\\\'\\', {x: \"${y}\"}}'", sq("${foo:${a}, '\\${bar}\\'', {x: \"${y}\"}}")],
    ["'${foo:\"\\' }\"}'", sq("${foo:\"' }\"}")],
    ["''", sq("")],
    ["'שלום'", sq("שלום")],
  ])("%s", (text, expected) => {
    const parsed = val(text);
    expect(parsed).toEqual(expected);
    expect(expected.withQuotes()).toBe(text); // round trip, as Hydra's test checks
  });
});

describe("lists and dicts", () => {
  it.each<[string, unknown]>([
    ["[]", []],
    ["[1]", [1]],
    ["[1 ]", [1]],
    ["[1, 2, 3]", [1, 2, 3]],
    ["['a b']", [sq("a b")]],
    ["['[a,b]']", [sq("[a,b]")]],
    ["[[a]]", [["a"]]],
    ["[[[a]]]", [[["a"]]]],
    ["[1,[a]]", [1, ["a"]]],
    ["['a\\\\', 'b\\\\']", [sq("a\\"), sq("b\\")]],
    ['["a\\\\", "b\\\\"]', [dq("a\\"), dq("b\\")]],
    ["[1,[2,3],{a:1}]", [1, [2, 3], dict(["a", 1])]],
    ["{}", dict()],
    ["{a:b}", dict(["a", "b"])],
    ["{a:10}", dict(["a", 10])],
    ["{a:[a,10]}", dict(["a", ["a", 10]])],
    ["{a:[true,10]}", dict(["a", [true, 10]])],
    ["{a:10,b:20}", dict(["a", 10], ["b", 20])],
    ["{a:10,b:{}}", dict(["a", 10], ["b", dict()])],
    ["{a:10,b:{c:[1,2]}}", dict(["a", 10], ["b", dict(["c", [1, 2]])])],
    ["{a:1, b:[x,y]}", dict(["a", 1], ["b", ["x", "y"]])],
    ["{null: 1}", dict([keyId(null), 1])],
    ["{123: 1, 0: 2, -1: 3}", dict([keyId(123), 1], [keyId(0), 2], [keyId(-1), 3])],
    ["{3.14: 0, 1e3: 1}", dict([keyId(fl(3.14)), 0], [keyId(fl(1000)), 1])],
    ["{true: 1, fAlSe: 0}", dict([keyId(true), 1], [keyId(false), 0])],
    ["{true: 1, 1: 2, 1.0: 3}", dict([keyId(true), 3])],
    [`{${UNQUOTED_SPECIAL}: 1}`, dict([UNQUOTED_SPECIAL, 1])],
    ["{\\\\\\(\\)\\[\\]\\{\\}\\:\\=\\ \\\t\\,: 1}", dict(["\\()[]{}:= \t,", 1])],
    ["{white spaces: 1}", dict(["white spaces", 1])],
    ["{ white  space\t: 2}", dict(["white  space", 2])],
    ["{123id: 0}", dict(["123id", 0])],
    ["{a_b: 1, ab 123.5 True: 2, null false: 3, 1: 4, null: 5}", dict(["a_b", 1], ["ab 123.5 True", 2], ["null false", 3], [keyId(1), 4], [keyId(null), 5])],
    ["{a: 'a\\\\', b: 'b\\\\'}", dict(["a", sq("a\\")], ["b", sq("b\\")])],
    ["{a:1,a:2}", dict(["a", 2])],
  ])("%s", (text, expected) => {
    expect(val(text)).toEqual(expected);
  });

  it("keeps dict key order as typed, numeric keys included", () => {
    expect([...(val("{b:1, 2:2, a:3, 1:4}") as Map<string, unknown>).keys()]).toEqual(["b", keyId(2), "a", keyId(1)]);
  });
});

describe("keys", () => {
  it.each<[string, string, string | undefined]>([
    ["abc=1", "abc", undefined],
    ["abc/cde=1", "abc/cde", undefined],
    ["abc.cde=1", "abc.cde", undefined],
    ["ab-c/d-ef=1", "ab-c/d-ef", undefined],
    ["ab-c.d-ef=1", "ab-c.d-ef", undefined],
    ["$foo=1", "$foo", undefined],
    ["$foo.bar$.x$z=1", "$foo.bar$.x$z", undefined],
    ["list.0=1", "list.0", undefined],
    ["a.0.b=1", "a.0.b", undefined],
    ["hydra/launcher=basic", "hydra/launcher", undefined],
    ["db/mysql=x", "db/mysql", undefined],
    ["package_or_group@pkg1=1", "package_or_group", "pkg1"],
    ["package_or_group@=1", "package_or_group", ""],
    ["package_or_group@$pkg1=1", "package_or_group", "$pkg1"],
    ["group1/group2@group1.foo=file1", "group1/group2", "group1.foo"],
    ["db@_global_=x", "db", "_global_"],
    ["key@_name_=value", "key", "_name_"],
    ["choice=reverse", "choice", undefined],
    ["=1", "", undefined],
  ])("%s", (text, key, pkg) => {
    const o = parseOverride(text);
    expect(o.keyOrGroup).toBe(key);
    expect(o.pkg).toBe(pkg);
    expect(o.inputLine).toBe(text);
  });
});

describe("override forms", () => {
  const prefixes: [string, OverrideType][] = [
    ["", "change"],
    ["+", "add"],
    ["++", "force_add"],
    ["~", "delete"],
  ];
  const values: [string, unknown, string][] = [
    ["key=value", "value", "element"],
    ["key='1,2,3'", sq("1,2,3"), "element"],
    ["key='שלום'", sq("שלום"), "element"],
    ["key=value-123", "value-123", "element"],
    ["key=value-1.0", "value-1.0", "element"],
    ["key=value-true", "value-true", "element"],
    ["key=", "", "element"],
    ["key='foo , bar'", sq("foo , bar"), "element"],
    ["key=1,2,3", choice([1, 2, 3], { simpleForm: true }), "simple_choice_sweep"],
    ["key=choice(1)", choice([1]), "choice_sweep"],
    ["key=choice(1,2,3)", choice([1, 2, 3]), "choice_sweep"],
    ["key=[1,2],[3,4]", choice([[1, 2], [3, 4]], { simpleForm: true }), "simple_choice_sweep"],
    ["key=choice([1,2],[3,4])", choice([[1, 2], [3, 4]]), "choice_sweep"],
    ["key=tag(a,b,choice([1,2],[3,4]))", choice([[1, 2], [3, 4]], { tags: ["a", "b"] }), "choice_sweep"],
    ["key=str([1,2])", ["1", "2"], "element"],
  ];
  for (const [prefix, type] of prefixes) {
    it.each(values)(`${prefix}%s`, (text, value, valueType) => {
      const o = parseOverride(prefix + text);
      expect(o).toMatchObject({ type, keyOrGroup: "key", pkg: undefined, valueType, inputLine: prefix + text });
      expect(o.value).toEqual(value);
    });
  }

  it("~key alone has no value", () => {
    expect(parseOverride("~x")).toEqual({
      type: "delete",
      keyOrGroup: "x",
      pkg: undefined,
      valueType: undefined,
      value: undefined,
      inputLine: "~x",
    });
    expect(parseOverride("~x=10").value).toBe(10);
  });

  it("parses ranges and intervals", () => {
    expect(parseOverride("key=range(0,2)").value).toMatchObject({ kind: "range", start: 0, stop: 2, step: 1, isFloat: false });
    expect(parseOverride("key=range(10.0, 11.0)").value).toMatchObject({ start: 10, stop: 11, step: 1, isFloat: true });
    expect(parseOverride("key=interval(0,1)")).toMatchObject({ valueType: "interval_sweep", value: { kind: "interval", start: 0, end: 1 } });
    expect(parseOverride("key=tag(a,b,interval(0,1))").value).toMatchObject({ tags: new Set(["a", "b"]) });
  });

  it("parses several overrides in order", () => {
    const parsed = parseOverrides(["x=10", "y=[1,2]", "z=a,b,c", "z=choice(a,b,c)"]);
    expect(parsed.map((o) => o.valueType)).toEqual(["element", "element", "simple_choice_sweep", "choice_sweep"]);
    expect(parsed.map((o) => o.value)).toEqual([10, [1, 2], choice(["a", "b", "c"], { simpleForm: true }), choice(["a", "b", "c"])]);
  });
});

describe("whitespace", () => {
  it.each<[string, unknown]>([
    ["key= \tvalue \t", "value"],
    ["key=value \t 123", "value \t 123"],
    ["key='  foo,bar\t'", sq("  foo,bar\t")],
    ["key='foo , \t\t bar'", sq("foo , \t\t bar")],
    ["key=1 ,  2,\t\t3", choice([1, 2, 3], { simpleForm: true })],
    ["key=choice\t(  1\t\t )", choice([1])],
    ["key=choice(\t\t1,   2, \t 3 )", choice([1, 2, 3])],
    ["key=[1  ,\t2\t],[\t3\t   ,4  ]", choice([[1, 2], [3, 4]], { simpleForm: true })],
    ["key=str(\t  [  1,\t2  ]\t   )", ["1", "2"]],
    ["key=a , b", choice(["a", "b"], { simpleForm: true })],
    ["key=${a}, ${b}, ${c}", choice(["${a}", "${b}", "${c}"], { simpleForm: true })],
    ["key=a,10,3.14", choice(["a", 10, fl(3.14)], { simpleForm: true })],
  ])("%j", (text, expected) => {
    expect(parseOverride(text).value).toEqual(expected);
  });
});
