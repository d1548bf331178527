import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigParseError } from "../../src/errors.js";
import { keyId } from "../../src/config/dict-key.js";
import { ConfigDict, ConfigFloat, ConfigList, toPlainUnresolved, type ConfigValue } from "../../src/config/node.js";
import { formatFloat, parseYaml, toYaml } from "../../src/config/yaml.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/config/${name}`, import.meta.url));
const plain = (text: string) => toPlainUnresolved(parseYaml(text, "t.yaml"));
const value = (scalar: string) => (plain(`v: ${scalar}\n`) as Record<string, unknown>).v;

function parseError(text: string): ConfigParseError {
  try {
    parseYaml(text, "conf/x.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigParseError);
    return e as ConfigParseError;
  }
  throw new Error(`expected a parse error for ${JSON.stringify(text)}`);
}

describe("parseYaml: scalars as OmegaConf's loader types them", () => {
  it("reads PyYAML's YAML 1.1 booleans, and only those", () => {
    for (const t of ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]) expect(value(t)).toBe(true);
    for (const f of ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]) expect(value(f)).toBe(false);
    for (const s of ["y", "n", "Y", "N", "yEs", "tRue"]) expect(value(s)).toBe(s);
    expect(value("'yes'")).toBe("yes");
  });

  it("reads null spellings", () => {
    for (const n of ["~", "null", "Null", "NULL", ""]) expect(value(n)).toBeNull();
    expect(value("nULL")).toBe("nULL");
  });

  it("reads YAML 1.1 ints", () => {
    expect(value("42")).toBe(42);
    expect(value("-7")).toBe(-7);
    expect(value("+3")).toBe(3);
    expect(value("0x1F")).toBe(31);
    expect(value("017")).toBe(15);
    expect(value("0b101")).toBe(5);
    expect(value("1_000")).toBe(1000);
    expect(value("1:30")).toBe(90);
    expect(value("08")).toBe("08");
    expect(value("0o17")).toBe("0o17");
  });

  it("reads floats with OmegaConf's extra resolver", () => {
    expect(value("1e-5")).toBe(1e-5);
    expect(value("1E3")).toBe(1000);
    expect(value("1.5e3")).toBe(1500);
    expect(value("3.14")).toBe(3.14);
    expect(value("1.")).toBe(1);
    expect(value(".5")).toBe(0.5);
    expect(value(".inf")).toBe(Infinity);
    expect(value("-.inf")).toBe(-Infinity);
    expect(value(".nan")).toBeNaN();
    expect(value("1_0.5")).toBe(10.5);
    // PyYAML quirks kept: no sign before a bare leading dot, `e5` alone is text.
    expect(value("-.5")).toBe("-.5");
    expect(value("e5")).toBe("e5");
  });

  it("keeps timestamps, interpolations and missing values as strings", () => {
    expect(value("2020-01-01")).toBe("2020-01-01");
    expect(value("${a.b}")).toBe("${a.b}");
    expect(value("???")).toBe("???");
  });

  it("honours the standard tags", () => {
    expect(plain("a: !!str 5\nb: !!int '0x10'\nc: !!float 1\nd: !!bool 'on'\ne: !!null x\nf: ! 12\n")).toEqual({
      a: "5", b: 16, c: 1, d: true, e: null, f: "12",
    });
    expect(parseError("a: !!int abc\n").message).toMatch(/invalid !!int value 'abc' at conf\/x.yaml:1:10/);
  });
});

describe("parseYaml: structure", () => {
  it("builds ConfigDict/ConfigList in order, keys typed as YAML reads them", () => {
    const v = parseYaml("b: 1\n1: one\na: [x, {c: d}]\ntrue: t\n1.5: f\n~: n\n");
    expect(v).toBeInstanceOf(ConfigDict);
    const d = v as ConfigDict;
    expect([...d.keys()]).toEqual(["b", keyId(1), "a", keyId(true), keyId(new ConfigFloat(1.5)), "null"]);
    expect(d.get("1")).toBeUndefined();
    expect(toYaml(d)).toBe("b: 1\n1: one\na:\n- x\n- c: d\ntrue: t\n1.5: f\n'null': 'n'\n");
    expect(d.get("a")).toBeInstanceOf(ConfigList);
    expect(toPlainUnresolved(d.get("a")!)).toEqual(["x", { c: "d" }]);
  });

  it("records positions of nodes and keys", () => {
    const d = parseYaml(readFileSync(fixture("positions.yaml"), "utf8"), "positions.yaml") as ConfigDict;
    expect(d.source).toMatchObject({ file: "positions.yaml", line: 2, column: 1 });
    expect(d.source!.positions!.get("db")).toEqual({ line: 2, column: 1 });
    const db = d.get("db") as ConfigDict;
    expect(db.source).toMatchObject({ line: 3, column: 3 });
    expect(db.source!.positions!.get("host")).toEqual({ line: 4, column: 3 });
    const list = d.get("hosts") as ConfigList;
    expect(list.source!.positions!.get("1")).toEqual({ line: 7, column: 5 });
  });

  it("reads an empty or comment-only document as null", () => {
    expect(parseYaml("")).toBeNull();
    expect(parseYaml("# nothing here\n")).toBeNull();
    expect(parseYaml("---\n")).toBeNull();
  });

  it("copies aliases and applies merge keys like PyYAML", () => {
    const d = parseYaml("base: &b {x: 1, y: 2}\nother: *b\nderived:\n  z: 0\n  <<: *b\n  y: 3\n") as ConfigDict;
    expect(d.get("other")).not.toBe(d.get("base"));
    expect(toPlainUnresolved(d)).toEqual({ base: { x: 1, y: 2 }, other: { x: 1, y: 2 }, derived: { z: 0, x: 1, y: 3 } });
    // merged keys come first; explicit keys win but keep the merged key's place
    expect([...(d.get("derived") as ConfigDict).keys()]).toEqual(["x", "y", "z"]);
    const multi = plain("a: &a {k: 1}\nb: &b {k: 2, j: 2}\nc:\n  <<: [*a, *b]\n") as Record<string, unknown>;
    expect(multi.c).toEqual({ k: 1, j: 2 });
  });

  it("reads !!omap and !!pairs as PyYAML's list of (key, value) tuples, which OmegaConf keeps as lists", () => {
    const v = parseYaml("o: !!omap\n  - b: 1\n  - a: [2]\n  - b: 3\np: !!pairs [1: x, c: {d: e}]\n", "t.yaml");
    expect(toPlainUnresolved(v)).toEqual({
      o: [["b", 1], ["a", [2]], ["b", 3]],
      p: [[1, "x"], ["c", { d: "e" }]],
    });
    expect(toYaml(v as ConfigDict)).toBe("o:\n- - b\n  - 1\n- - a\n  - - 2\n- - b\n  - 3\np:\n- - 1\n  - x\n- - c\n  - d: e\n");
    expect(toPlainUnresolved(parseYaml("!!omap []\n"))).toEqual([]);
  });

  it("lets a caller add custom tags", () => {
    const v = parseYaml("a: !sweep 1,2\nb: !sweep [1, 2]\n", "s.yaml", {
      customTags: { "!sweep": (x: ConfigValue) => new ConfigDict([["sweep", x]]) },
    });
    expect(toPlainUnresolved(v)).toEqual({ a: { sweep: "1,2" }, b: { sweep: [1, 2] } });
  });
});

describe("parseYaml: errors name file:line:column", () => {
  it("rejects duplicate keys", () => {
    const e = parseError("a: 1\nb:\n  c: 1\n  c: 2\n");
    expect(e.message).toContain("duplicate key 'c' at conf/x.yaml:4:3");
    expect(e.message).toContain("conf/x.yaml:3:3");
    expect([e.file, e.line, e.column]).toEqual(["conf/x.yaml", 4, 3]);
    expect(parseError("'a': 1\na: 2\n").line).toBe(2);
  });

  it("lets duplicate non-string keys through, last one wins (as OmegaConf's loader does)", () => {
    expect(plain("1: a\n1: b\n")).toEqual({ 1: "b" });
  });

  it("rejects unknown tags", () => {
    const e = parseError("a:\n  b: !foo bar\n");
    expect(e.message).toBe("unknown YAML tag !foo at conf/x.yaml:2:6; hydrant reads plain data only");
    expect(parseError("a: !!python/tuple [1]\n").message).toMatch(/unknown YAML tag !!python\/tuple at conf\/x.yaml:1:4/);
    expect(parseError("a: !!set {x}\n").message).toMatch(/unknown YAML tag !!set/);
    expect(parseError("a: !!omap [x]\n").message).toBe(
      "!!omap item 0 is not a mapping at conf/x.yaml:1:12; each item of an ordered map is one `key: value`",
    );
    expect(parseError("a: !!pairs [{x: 1, y: 2}]\n").message).toMatch(/^!!pairs item 0 is a mapping of 2 items at conf\/x.yaml:1:13/);
    expect(parseError("a: !!omap {x: 1}\n").message).toMatch(/^!!omap on a mapping at conf\/x.yaml:1:/);
  });

  it("keeps a key named __proto__ as data, in plain objects too", () => {
    const v = plain("__proto__: false\na: {__proto__: {x: 1}}\n") as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(["__proto__", "a"]);
    expect(Object.getOwnPropertyDescriptor(v, "__proto__")?.value).toBe(false);
    expect(Object.getPrototypeOf(v.a)).toBe(Object.prototype);
    expect(Object.keys(v.a as object)).toEqual(["__proto__"]);
  });

  it("reports syntax errors with their position", () => {
    const e = parseError("a: 1\nb: [1, 2\nc: 3\n");
    expect(e.message).toMatch(/^YAML syntax error at conf\/x.yaml:\d+:\d+: /);
    const bad = parseError("a:\n  b: 1\n   c: 2\n");
    expect([bad.line, bad.column]).toEqual([3, 5]); // the ':' of the over-indented line (more in yaml-errors.test.ts)
    expect(parseError("a: 1\n---\nb: 2\n").message).toMatch(/multiple documents/);
  });

  it("rejects what PyYAML's SafeLoader cannot build", () => {
    expect(parseError("a: =\n").message).toMatch(/unquoted '=' at conf\/x.yaml:1:4/);
    expect(parseError("? [a]\n: 1\n").message).toMatch(/sequence used as a key/);
    expect(parseError("a: *nope\n").message).toMatch(/unknown alias \*nope/);
    expect(parseError("a: &r [*r]\n").message).toMatch(/recursive alias \*r/);
    expect(parseError("a:\n  <<: 1\n").message).toMatch(/invalid merge key/);
  });
});

describe("toYaml: OmegaConf.to_yaml's layout", () => {
  it("prints block style with PyYAML's indentless lists", () => {
    const text = toYaml({
      db: { driver: "mysql", port: 3306 },
      list: ["a", ["b", "c"], { x: 1, y: [] }, {}],
      empty: {},
      none: null,
      flag: false,
    });
    expect(text).toBe(
      [
        "db:", "  driver: mysql", "  port: 3306", "list:", "- a", "- - b", "  - c", "- x: 1", "  'y': []", "- {}",
        "empty: {}", "none: null", "flag: false", "",
      ].join("\n"),
    );
    expect(toYaml(new ConfigDict())).toBe("{}\n");
    expect(toYaml([])).toBe("[]\n");
    expect(toYaml([1, { a: 1 }])).toBe("- 1\n- a: 1\n");
  });

  it("quotes strings that would read back as something else", () => {
    // Exactly what PyYAML + OmegaConf's representer quote: Python int()/float() spellings, YAML 1.1 bools,
    // and what PyYAML's own resolvers read as non-strings.
    const quoted = ["yes", "on", "y", "N", "null", "~", "", "1e-5", "1_000", "0x1F", "08", "1:30", "2020-01-01",
      ".inf", "nan", "inf", "=", "<<", "1.0", " lead", "trail ", "#x", "- x", "a: b", "a #b", "{x}", "[x]",
      "*x", "&x", "!x", "|", ">", "%x", "@x", "`x", "'", "\"", "---", "...", "? x", "1e5", "Infinity", " 1 "];
    for (const s of quoted) expect(toYaml({ k: s }), JSON.stringify(s)).not.toBe(`k: ${s}\n`);
    for (const s of ["mysql", "${a.b}", "${oc.env:HOME}", "a:b", "a#b", "über", "x-y", "/usr/bin", "a, b", "?x", "-x",
      ".", "e5", "e9", "0o17", "1_e5", "..", "1.2.3"]) {
      expect(toYaml({ k: s }), JSON.stringify(s)).toBe(`k: ${s}\n`);
    }
    expect(toYaml({ k: "it's" })).toBe("k: it's\n");
    expect(toYaml({ k: "'q'" })).toBe("k: '''q'''\n");
    expect(toYaml({ k: "tab\there" })).toBe('k: "tab\\there"\n');
  });

  it("prints numbers as Python does", () => {
    expect(toYaml({ a: 1e-5, b: 0.001, c: 1e16, d: 1.5, e: -2, f: Infinity, g: -Infinity, h: NaN, i: 123456.789 })).toBe(
      "a: 1.0e-05\nb: 0.001\nc: 10000000000000000\nd: 1.5\ne: -2\nf: .inf\ng: -.inf\nh: .nan\ni: 123456.789\n",
    );
    // In the tree, a float is a float whatever its value (a plain integral JS number is an int).
    const tree = new ConfigDict([["lr", new ConfigFloat(1)], ["big", new ConfigFloat(1e16)], ["k", 3], ["z", new ConfigFloat(-0)]]);
    expect(toYaml(tree)).toBe("lr: 1.0\nbig: 1.0e+16\nk: 3\nz: -0.0\n");
    expect(formatFloat(1)).toBe("1.0");
    expect(formatFloat(1e22)).toBe("1.0e+22");
    expect(formatFloat(1.25e-7)).toBe("1.25e-07");
    expect(formatFloat(-0)).toBe("-0.0");
  });

  it("prints multi-line and long strings the way PyYAML folds them", () => {
    expect(toYaml({ a: "line1\nline2" })).toBe("a: 'line1\n\n  line2'\n");
    expect(toYaml({ a: { b: "x\n" } })).toBe("a:\n  b: 'x\n\n    '\n");
    const long = `${"w".repeat(70)} ${"v".repeat(20)} end`;
    expect(toYaml({ k: long })).toBe(`k: ${"w".repeat(70)} ${"v".repeat(20)}\n  end\n`);
    expect(toYaml({ "": 1 })).toBe("? ''\n: 1\n");
  });

  it("prints unicode as is", () => {
    expect(toYaml({ name: "café 😀 日本" })).toBe("name: café 😀 日本\n");
  });
});
