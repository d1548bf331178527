import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigKeyError } from "../../src/errors.js";
import { mergeConfigs, mergeInto } from "../../src/config/merge.js";
import { ConfigDict, fromPlain, toPlainUnresolved, type ConfigValue, type PlainValue } from "../../src/config/node.js";

const cfg = (v: PlainValue) => fromPlain(v);
const merged = (a: PlainValue, b: PlainValue) => toPlainUnresolved(mergeConfigs(cfg(a), cfg(b)));
const keys = (v: ConfigValue) => [...(v as ConfigDict).keys()];

describe("mergeConfigs: OmegaConf merge rules", () => {
  it("merges dicts recursively; existing keys keep their place, new keys are appended", () => {
    const out = mergeConfigs(cfg({ a: 1, b: { x: 1, y: 2 }, c: 3 }), cfg({ d: 4, b: { z: 3, x: 9 }, a: 0 }));
    expect(toPlainUnresolved(out)).toEqual({ a: 0, b: { x: 9, y: 2, z: 3 }, c: 3, d: 4 });
    expect(keys(out)).toEqual(["a", "b", "c", "d"]);
    expect(keys((out as ConfigDict).get("b")!)).toEqual(["x", "y", "z"]);
  });

  it("replaces lists", () => {
    expect(merged({ l: [1, 2, 3] }, { l: [4] })).toEqual({ l: [4] });
    expect(merged({ l: [{ a: 1 }] }, { l: [{ b: 2 }] })).toEqual({ l: [{ b: 2 }] });
  });

  it("never lets ??? overwrite an existing value, but adds it for a new key", () => {
    expect(merged({ a: 1, b: { x: 1 }, c: null, d: "???" }, { a: "???", b: "???", c: "???", d: "???", e: "???" })).toEqual({
      a: 1, b: { x: 1 }, c: null, d: "???", e: "???",
    });
    expect(merged({ a: "???" }, { a: 5 })).toEqual({ a: 5 });
    expect(merged({ a: "???" }, { a: { x: 1 } })).toEqual({ a: { x: 1 } });
  });

  it("replaces scalars, nulls and interpolations with dicts, and dicts with scalars/null/interpolations", () => {
    expect(merged({ a: 1, b: null, c: "${x}" }, { a: { k: 1 }, b: { k: 2 }, c: { k: 3 } })).toEqual({
      a: { k: 1 }, b: { k: 2 }, c: { k: 3 },
    });
    expect(merged({ a: { k: 1 }, b: { k: 1 }, c: { k: 1 } }, { a: "${y}", b: null, c: 7 })).toEqual({ a: "${y}", b: null, c: 7 });
    expect(merged({ a: [1] }, { a: null })).toEqual({ a: null });
  });

  it("refuses to merge a dict with a list", () => {
    expect(() => mergeConfigs(cfg({ a: { x: 1 } }), cfg({ a: [1] }))).toThrow(ConfigKeyError);
    expect(() => mergeConfigs(cfg({ a: { b: [1] } }), cfg({ a: { b: { c: 1 } } }))).toThrow(/Cannot merge DictConfig with ListConfig at 'a.b'/);
  });

  it("does not modify its inputs nor share structure with the source", () => {
    const a = cfg({ x: { y: 1 } }), b = cfg({ x: { z: [1] }, w: { v: 1 } });
    const out = mergeConfigs(a, b) as ConfigDict;
    expect(toPlainUnresolved(a)).toEqual({ x: { y: 1 } });
    expect(out.get("w")).not.toBe((b as ConfigDict).get("w"));
    expect((out.get("x") as ConfigDict).get("z")).not.toBe(((b as ConfigDict).get("x") as ConfigDict).get("z"));
  });

  it("can dereference an interpolation the target holds when a dict is merged onto it", () => {
    const target = cfg({ base: { k: 1 }, a: "${base}" }) as ConfigDict;
    const out = mergeConfigs(target, cfg({ a: { j: 2 } }), {
      dereference: (interp) => (interp === "${base}" ? (target.get("base") as ConfigDict) : undefined),
    });
    expect(toPlainUnresolved(out)).toEqual({ base: { k: 1 }, a: { k: 1, j: 2 } });
  });
});

describe("mergeInto", () => {
  it("merges in place", () => {
    const t = cfg({ a: { b: 1 } }) as ConfigDict;
    mergeInto(t, cfg({ a: { c: 2 } }) as ConfigDict);
    expect(toPlainUnresolved(t)).toEqual({ a: { b: 1, c: 2 } });
  });

  it("rejects new keys in struct mode, naming the full key", () => {
    const t = cfg({ db: { host: "h" } }) as ConfigDict;
    expect(() => mergeInto(t, cfg({ db: { port: 1 } }) as ConfigDict, { struct: true })).toThrow(
      "Key 'port' is not in struct\n    full_key: db.port\n    object_type=dict",
    );
    mergeInto(t, cfg({ db: { host: "x" } }) as ConfigDict, { struct: true });
    expect(toPlainUnresolved(t)).toEqual({ db: { host: "x" } });
  });
});

// Property tests over random trees.
const leaf = fc.oneof(fc.constantFrom("???", "${a}", "x", ""), fc.integer(), fc.boolean(), fc.constant(null));
const { dict } = fc.letrec<{ value: PlainValue; dict: PlainValue }>((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, tie("dict"), fc.array(leaf, { maxLength: 3 })),
  dict: fc.dictionary(fc.constantFrom("a", "b", "c", "d", "1"), tie("value"), { maxKeys: 4 }),
}));

/** A source may not put a list where the target has a dict (that is an error), so compare shapes first. */
function compatible(t: PlainValue, s: PlainValue): boolean {
  if (t && typeof t === "object" && !Array.isArray(t) && s && typeof s === "object") {
    if (Array.isArray(s)) return false;
    return Object.entries(s).every(([k, v]) => !(k in t) || compatible(t[k]!, v));
  }
  return !(Array.isArray(t) && s !== null && typeof s === "object" && !Array.isArray(s));
}

describe("merge properties", () => {
  it("merging with an empty dict is the identity, both ways", () => {
    fc.assert(
      fc.property(dict, (d) => {
        expect(merged(d, {})).toEqual(d);
        expect(keys(mergeConfigs(cfg(d), new ConfigDict()))).toEqual(keys(cfg(d)));
        const fromEmpty = mergeConfigs(new ConfigDict(), cfg(d));
        expect(toPlainUnresolved(fromEmpty)).toEqual(d);
      }),
    );
  });

  it("is idempotent for the same source", () => {
    fc.assert(
      fc.property(dict, dict, (t, s) => {
        fc.pre(compatible(t, s));
        const once = mergeConfigs(cfg(t), cfg(s));
        const twice = mergeConfigs(once, cfg(s));
        expect(toPlainUnresolved(twice)).toEqual(toPlainUnresolved(once));
        expect(keys(twice)).toEqual(keys(once));
      }),
    );
  });

  it("keeps the target's keys first, in order, then the source's new keys in source order", () => {
    fc.assert(
      fc.property(dict, dict, (t, s) => {
        fc.pre(compatible(t, s));
        const tk = keys(cfg(t)), sk = keys(cfg(s));
        expect(keys(mergeConfigs(cfg(t), cfg(s)))).toEqual([...tk, ...sk.filter((k) => !tk.includes(k))]);
      }),
    );
  });
});
