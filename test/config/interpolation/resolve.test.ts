import { describe, expect, it } from "vitest";
import { ConfigKeyError, GrammarParseError, InterpolationError, InterpolationKeyError, InterpolationToMissingValueError, MissingMandatoryValueError } from "../../../src/errors.js";
import { ConfigDict, ConfigList, fromPlain, toPlainUnresolved } from "../../../src/config/node.js";
import {
  resolveString,
  resolveTree,
  resolveValue,
  select,
  toPlain,
  type ResolveOptions,
} from "../../../src/config/interpolation/index.js";

const tree = (o: object): ConfigDict => fromPlain(o) as ConfigDict;
const resolved = (o: object, options?: ResolveOptions): unknown => toPlainUnresolved(resolveTree(tree(o), options));
const valueAt = (o: object, path: Array<string | number>, options?: ResolveOptions): unknown => {
  const v = resolveValue(tree(o), path, options);
  return v instanceof ConfigDict || v instanceof ConfigList ? toPlainUnresolved(v) : v;
};

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

describe("node interpolations", () => {
  it("resolves absolute keys keeping the target's type", () => {
    const cfg = { a: { b: 10, c: { d: true } }, x: "${a.b}", y: "${a.c}", z: "${a.c.d}" };
    expect(valueAt(cfg, ["x"])).toBe(10);
    expect(valueAt(cfg, ["y"])).toEqual({ d: true });
    expect(valueAt(cfg, ["z"])).toBe(true);
  });

  it("resolves relative keys from the node containing the key", () => {
    const cfg = { a: 1, b: { a: 2, sib: "${.a}", up: "${..a}", c: { deep: "${...a}", mid: "${..a}" } } };
    expect(resolved(cfg)).toEqual({ a: 1, b: { a: 2, sib: 2, up: 1, c: { deep: 1, mid: 2 } } });
  });

  it("resolves list indexes with dot and bracket notation", () => {
    const cfg = { l: [10, [20, 30], { k: "v" }], a: "${l[0]}", b: "${l.1.0}", c: "${l[1][1]}", d: "${l[2].k}", e: "${l.1_0}" };
    expect(resolved({ ...cfg, e: "${l[0]}" })).toMatchObject({ a: 10, b: 20, c: 30, d: "v" });
    expect(() => resolved(cfg)).toThrow(InterpolationKeyError);
    expect(() => resolved({ l: [1], x: "${l.foo}" })).toThrow(/Index 'foo' \(str\) is not an int/);
    expect(() => resolved({ l: [1], x: "${l.-1}" })).toThrow(InterpolationKeyError);
  });

  it("follows chains of interpolations and interpolations inside lists", () => {
    const cfg = { a: "${b}", b: "${c}", c: [1, "${d}"], d: "end" };
    expect(resolved(cfg)).toEqual({ a: [1, "end"], b: [1, "end"], c: [1, "end"], d: "end" });
  });

  it("walks through an interpolated container on the way to a key", () => {
    const cfg = { src: { x: 1, y: "${.x}" }, alias: "${src}", v: "${alias.y}" };
    expect(resolved(cfg)).toEqual({ src: { x: 1, y: 1 }, alias: { x: 1, y: 1 }, v: 1 });
  });

  it("resolves nested interpolations in keys", () => {
    const cfg = { options: { a: "A", b: "B" }, choice: "a", ref: "options", rel: ".options", x: "${options.${choice}}", y: "${${ref}.b}" };
    expect(resolved(cfg)).toMatchObject({ x: "A", y: "B" });
    expect(() => resolved({ f: 1.5, d: { a: 0 }, x: "${d.${f}}" })).toThrow(/must resolve to a string/);
  });

  it("builds strings from mixed text with Python's str()", () => {
    const cfg = { s: "hi", i: 3, f: 1e-5, t: true, n: null, d: { k: "v" }, l: [1, "a"], x: "${s}-${i}-${f}-${t}-${n}-${d}-${l}" };
    expect(valueAt(cfg, ["x"])).toBe("hi-3-1e-05-True-None-{'k': 'v'}-[1, 'a']");
    expect(valueAt({ a: 0.5, x: "lr_${a}" }, ["x"])).toBe("lr_0.5");
  });

  it("handles escapes", () => {
    const cfg = { dir: "tmp", a: "\\${dir}", b: "C:\\\\${dir}", c: "C:\\foo_${dir}", d: "\\\\\\${dir}", e: "x\\${a}y${dir}" };
    expect(resolved(cfg)).toEqual({ dir: "tmp", a: "${dir}", b: "C:\\tmp", c: "C:\\foo_tmp", d: "\\${dir}", e: "x${a}ytmp" });
  });

  it("keeps strings without ${ untouched, backslashes included", () => {
    expect(resolved({ a: "C:\\\\x", b: "$x{y}" })).toEqual({ a: "C:\\\\x", b: "$x{y}" });
  });
});

describe("missing values and keys", () => {
  it("names the missing key and the key being resolved", () => {
    const e = errorOf(() => resolved({ x: { y: "${a.b}" } }));
    expect(e).toBeInstanceOf(InterpolationKeyError);
    expect(e).toBeInstanceOf(InterpolationError);
    expect(e.message).toContain("Interpolation key 'a.b' not found");
    expect(e.message).toContain("while resolving 'x.y'");
    expect((e as InterpolationError).key).toBe("x.y");
  });

  it("reports a relative key climbing above the root", () => {
    expect(() => resolved({ a: "${..x}" })).toThrow(InterpolationKeyError);
  });

  it("errors on an interpolation to ??? with OmegaConf's wording", () => {
    const e = errorOf(() => resolved({ a: "???", b: { c: "${a}" } }));
    expect(e).toBeInstanceOf(InterpolationToMissingValueError);
    expect(e.message).toContain("MissingMandatoryValue while resolving interpolation: Missing mandatory value: a");
    expect(e.message).toContain("'b.c'");
    expect(() => resolved({ a: "???", b: "${a.x}" })).toThrow(InterpolationToMissingValueError);
  });

  it("keeps ??? by default and throws with throwOnMissing", () => {
    expect(resolved({ a: "???", b: [1, "???"] })).toEqual({ a: "???", b: [1, "???"] });
    expect(valueAt({ a: "???" }, ["a"])).toBe("???");
    const e = errorOf(() => resolved({ a: { b: "???" } }, { throwOnMissing: true }));
    expect(e).toBeInstanceOf(MissingMandatoryValueError);
    expect(e.message).toContain("Missing mandatory value: a.b");
  });

  it("fails resolveValue on a path that does not exist", () => {
    expect(() => valueAt({ a: 1 }, ["b"])).toThrow(ConfigKeyError);
    expect(() => valueAt({ a: "???" }, ["a", "b"])).toThrow(MissingMandatoryValueError);
  });

  it("reports accessing a child of a scalar", () => {
    expect(() => resolved({ a: 1, b: "${a.c}" })).toThrow(/node 'a' is not a container/);
  });
});

describe("cycles", () => {
  it("detects self references", () => {
    expect(() => resolved({ a: "${a}" })).toThrow(/Recursive interpolation detected: a -> a/);
  });

  it("detects direct cycles with the chain", () => {
    expect(() => resolved({ a: "${b}", b: "${a}" })).toThrow(/Recursive interpolation detected: a -> b -> a/);
  });

  it("detects indirect cycles through strings and resolvers", () => {
    const e = errorOf(() => resolved({ a: "x${b.c}", b: { c: "${oc.decode:${a}}" } }));
    expect(e.message).toContain("Recursive interpolation detected: a -> b.c -> a");
  });

  it("detects interpolations to a parent node", () => {
    expect(() => resolved({ a: { b: "${a}" } })).toThrow(/Interpolation to parent node detected/);
    expect(() => resolved({ x: "${y}", y: { z: "${x}" } })).toThrow(/Interpolation to parent node detected/);
  });

  it("reports endless expansion instead of overflowing the stack", () => {
    expect(() => resolved({ a: "${oc.create:{x: '\\${a}'}}" })).toThrow(InterpolationError);
    const chain: Record<string, string> = {};
    for (let i = 0; i < 3000; i++) chain[`k${i}`] = `\${k${i + 1}}`;
    chain.k3000 = "end";
    expect(() => resolved(chain)).toThrow(InterpolationError);
  });
});

describe("syntax errors during resolution", () => {
  it("name the key and the column", () => {
    const e = errorOf(() => resolved({ a: { b: "x ${foo" } }));
    expect(e).toBeInstanceOf(GrammarParseError);
    expect(e.message).toContain("column 8");
    expect(e.message).toContain("'a.b'");
  });

  it("carry the file position when the tree knows it", () => {
    const root = tree({ a: "${oops" });
    root.source = { file: "conf/config.yaml", positions: new Map([["a", { line: 3, column: 1 }]]) };
    const e = errorOf(() => resolveTree(root)) as InterpolationError;
    expect(e.location).toBe("conf/config.yaml:3:1");
  });
});

describe("resolveTree / toPlain / select / resolveString", () => {
  it("returns a deep copy and leaves the input untouched", () => {
    const root = tree({ a: 1, b: { c: "${a}" } });
    const out = resolveTree(root);
    expect(toPlainUnresolved(out)).toEqual({ a: 1, b: { c: 1 } });
    expect(toPlainUnresolved(root)).toEqual({ a: 1, b: { c: "${a}" } });
  });

  it("toPlain resolves or not", () => {
    const root = tree({ a: 1, b: "${a}", m: "???" });
    expect(toPlain(root, { resolve: true })).toEqual({ a: 1, b: 1, m: "???" });
    expect(toPlain(root, { resolve: false })).toEqual({ a: 1, b: "${a}", m: "???" });
    expect(() => toPlain(root, { resolve: false, throwOnMissing: true })).toThrow(MissingMandatoryValueError);
  });

  it("select returns resolved values or the default", () => {
    const root = tree({ a: { b: "${c}" }, c: [1, 2], m: "???" });
    expect(select(root, "a.b[1]")).toBe(2);
    expect(select(root, "nope", { default: "d" })).toBe("d");
    expect(select(root, "m", { default: 0 })).toBe(0);
    expect(select(root, "nope")).toBeUndefined();
  });

  it("resolveString evaluates text at a location", () => {
    const root = tree({ a: { x: 1 }, y: 2 });
    expect(resolveString(root, "${.x}_${y}", { at: ["a"] })).toBe("1_2");
    expect(resolveString(root, "${a}")).toBeInstanceOf(ConfigDict);
  });
});

describe("resolution property", () => {
  const fragments = ["${", "}", "a", "b.c", "l", "[0]", ".", "..", ":", ",", "oc.select", "oc.decode", "oc.create", "oc.dict.keys", "'", "\\", "x", "s", "[", "]", "{", "1", "???"];
  it("resolves or throws a HydrantError for any value, never hangs", async () => {
    const { default: fc } = await import("fast-check");
    const { HydrantError } = await import("../../../src/errors.js");
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 16 }), (parts) => {
        const value = parts.join("");
        try {
          resolveTree(tree({ a: 1, b: { c: "x" }, l: [1, "${a}"], s: value, t: "${s}" }));
        } catch (e) {
          if (!(e instanceof HydrantError)) throw e;
        }
      }),
      { numRuns: 1500 },
    );
  });
});
