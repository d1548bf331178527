// Numbers keep their Python type in the tree (float.ts) and typed mapping keys (dict-key.ts).
import { describe, expect, it } from "vitest";
import { keyId, keyOf, keyText, sameKeyId } from "../../src/config/dict-key.js";
import { ConfigFloat, fromJsNumber, pythonFloatRepr } from "../../src/config/float.js";
import { resolveTree } from "../../src/config/interpolation/index.js";
import { ConfigDict, fromPlain, toPlainUnresolved } from "../../src/config/node.js";
import { parseYaml, toYaml } from "../../src/config/yaml.js";
import { parseOverride } from "../../src/overrides/index.js";
import { elementToConfig } from "../../src/overrides/values.js";

describe("floats in the tree", () => {
  it("reads YAML floats as floats whatever their value, and prints them back as PyYAML does", () => {
    const tree = parseYaml("a: 1.0\nb: 1e3\nc: .inf\nd: !!float 3\ne: 3\nf: 0.5\n") as ConfigDict;
    expect(tree.get("a")).toEqual(new ConfigFloat(1));
    expect(tree.get("e")).toBe(3);
    expect(toYaml(tree)).toBe("a: 1.0\nb: 1000.0\nc: .inf\nd: 3.0\ne: 3\nf: 0.5\n");
  });

  it("keeps the type through string interpolation: str() of a float", () => {
    const tree = parseYaml("x: 5.0\ny: 1e-5\ng: g${x}\nh: ${y}_${x}\nk: ${x}\n") as ConfigDict;
    const resolved = resolveTree(tree, {});
    expect(toYaml(resolved)).toBe("x: 5.0\n'y': 1.0e-05\ng: g5.0\nh: 1e-05_5.0\nk: 5.0\n");
  });

  it("gives users plain JS numbers, and boxes what they hand in", () => {
    const tree = parseYaml("lr: 1.0\nn: 2\n") as ConfigDict;
    expect(toPlainUnresolved(tree)).toEqual({ lr: 1, n: 2 });
    expect(typeof (toPlainUnresolved(tree) as { lr: unknown }).lr).toBe("number");
    const back = fromPlain({ lr: 0.5, n: 2 }) as ConfigDict;
    expect(back.get("lr")).toEqual(new ConfigFloat(0.5));
    expect(back.get("n")).toBe(2);
    expect(fromJsNumber(Infinity)).toEqual(new ConfigFloat(Infinity));
  });

  it("works in JS arithmetic and prints as Python's str()", () => {
    const f = new ConfigFloat(2);
    expect(+f * 2).toBe(4);
    expect(`${f}`).toBe("2.0");
    expect(JSON.stringify({ f })).toBe('{"f":2}');
    expect(pythonFloatRepr(1e16)).toBe("1e+16");
    expect(pythonFloatRepr(0.0001)).toBe("0.0001");
  });

  it("keeps override floats: 10e0, float(10), range(1.0, 3.0)", () => {
    expect(elementToConfig(parseOverride("v=10e0").value as never)).toEqual(new ConfigFloat(10));
    expect(elementToConfig(parseOverride("v=float(10)").value as never)).toEqual(new ConfigFloat(10));
    expect(toYaml(new ConfigDict([["v", elementToConfig(parseOverride("v=[1.0, 2]").value as never)]]))).toBe("v:\n- 1.0\n- 2\n");
  });
});

describe("typed mapping keys", () => {
  it("prints int, float and bool keys as PyYAML prints them", () => {
    const v = elementToConfig(parseOverride("v={123: 1, 3.14: 0, 1e3: 1, true: 1, -1: 3}").value as never);
    expect(toYaml(new ConfigDict([["v", v]]))).toBe("v:\n  123: 1\n  3.14: 0\n  1000.0: 1\n  true: 1\n  -1: 3\n");
  });

  it("follows Python's dict: true, 1 and 1.0 are one key (first spelling, last value)", () => {
    const v = elementToConfig(parseOverride("v={true: 1, 1: 2, 1.0: 3}").value as never);
    expect(toYaml(new ConfigDict([["v", v]]))).toBe("v:\n  true: 3\n");
    const ids = new Map([[keyId(1), 0]]);
    expect(sameKeyId(keyId(new ConfigFloat(1)), ids)).toBe(keyId(1));
    expect(sameKeyId(keyId("1"), ids)).toBe("1");
  });

  it("rejects a null key where the dict is used", () => {
    expect(() => elementToConfig(parseOverride("v={null: 1}").value as never)).toThrow(/NoneType/);
  });

  it("does not reach an int key through the string path '1'", () => {
    const d = parseYaml("layers: {1: a}\n") as ConfigDict;
    const layers = d.get("layers") as ConfigDict;
    expect(layers.get("1")).toBeUndefined();
    expect(layers.get(keyId(1))).toBe("a");
  });

  it("round-trips ids, and escapes string keys that start with NUL", () => {
    for (const k of ["a", 1, new ConfigFloat(2.5), false, "\u0000x"]) expect(keyOf(keyId(k))).toEqual(k);
    expect(keyText(keyId(new ConfigFloat(1000)))).toBe("1000.0");
    expect(toPlainUnresolved(parseYaml("1: a\n1.5: b\ntrue: c\n")!)).toEqual({ 1: "a", "1.5": "b", true: "c" });
  });
});

describe("quoting exactly as PyYAML", () => {
  it("leaves `.`, `e9`, `0o17` plain and quotes Python number spellings and YAML 1.1 bools", () => {
    const d = new ConfigDict([["a", "."], ["b", "e9"], ["c", "0o17"], ["d", "1e5"], ["e", "y"], ["f", "1_000"], ["g", "inf"]]);
    expect(toYaml(d)).toBe("a: .\nb: e9\nc: 0o17\nd: '1e5'\ne: 'y'\nf: '1_000'\ng: 'inf'\n");
  });
});
