import { describe, expect, it } from "vitest";
import { ConfigKeyError } from "../../src/errors.js";
import { ConfigDict, fromPlain, toPlainUnresolved, type ConfigValue, type PlainValue } from "../../src/config/node.js";
import { deleteNode, getPath, parseKeyPath, selectNode, setPath, updateNode, type UpdateOptions } from "../../src/config/path.js";

const cfg = (v: PlainValue) => fromPlain(v) as ConfigDict;
const plain = (v: ConfigValue) => toPlainUnresolved(v);
const SET: UpdateOptions = { merge: true, forceAdd: false, allowNewKeys: true };
const STRUCT: UpdateOptions = { merge: true, forceAdd: false, allowNewKeys: false };

describe("parseKeyPath", () => {
  it("splits dotted and bracketed keys like OmegaConf's split_key", () => {
    expect(parseKeyPath("a")).toEqual(["a"]);
    expect(parseKeyPath("a.b")).toEqual(["a", "b"]);
    expect(parseKeyPath("a[0]")).toEqual(["a", "0"]);
    expect(parseKeyPath("a.b[1].c")).toEqual(["a", "b", "1", "c"]);
    expect(parseKeyPath("a[b]")).toEqual(["a", "b"]);
    expect(parseKeyPath("[a].b")).toEqual(["a", "b"]);
    expect(parseKeyPath(".a.b")).toEqual(["", "a", "b"]);
    expect(parseKeyPath("a[0][1]")).toEqual(["a", "0", "1"]);
    expect(parseKeyPath("")).toEqual([""]);
  });
});

describe("selectNode", () => {
  const root = cfg({ a: { b: [10, { c: "${x}" }], m: "???", n: null }, s: 1 });

  it("selects without resolving", () => {
    expect(selectNode(root, "a.b[1].c")).toEqual({ found: true, value: "${x}" });
    expect(selectNode(root, "a.b.0")).toEqual({ found: true, value: 10 });
    expect(selectNode(root, "a.m")).toEqual({ found: true, value: "???" });
    expect(selectNode(root, "a.n")).toEqual({ found: true, value: null });
    expect(selectNode(root, "")).toEqual({ found: true, value: root });
    expect(selectNode(root, ".s")).toEqual({ found: true, value: 1 });
  });

  it("reports missing keys and out-of-range or negative indices as not found", () => {
    expect(selectNode(root, "zz").found).toBe(false);
    expect(selectNode(root, "zz.y.x").found).toBe(false);
    expect(selectNode(root, "a.b[5]").found).toBe(false);
    expect(selectNode(root, "a.b[-1]").found).toBe(false);
  });

  it("throws when stepping into a scalar or indexing a list with a word", () => {
    expect(() => selectNode(root, "s.x")).toThrow("Error trying to access s.x: node `s` is not a container and thus cannot contain `x`");
    expect(() => selectNode(root, "a.n.x")).toThrow(ConfigKeyError);
    expect(() => selectNode(root, "a.b.x")).toThrow(/Index 'x' \(str\) is not an int/);
    expect(() => selectNode(root, "..s")).toThrow(ConfigKeyError);
  });

  it("can follow interpolations on the way through a callback", () => {
    const r = cfg({ base: { k: 1 }, link: "${base}" });
    const deref = (i: string) => (i === "${base}" ? r.get("base") : undefined);
    expect(selectNode(r, "link.k", { dereference: deref })).toEqual({ found: true, value: 1 });
  });
});

describe("updateNode", () => {
  it("sets values, creating intermediate dicts and replacing scalars on the way", () => {
    const r = cfg({ a: 1 });
    updateNode(r, "b.c.d", 2, SET);
    updateNode(r, "a.x", 3, SET);
    expect(plain(r)).toEqual({ a: { x: 3 }, b: { c: { d: 2 } } });
  });

  it("merges dict values into an existing dict when merge is on, replaces otherwise", () => {
    const r = cfg({ db: { host: "h", port: 1 } });
    updateNode(r, "db", fromPlain({ port: 2, user: "u" }), SET);
    expect(plain(r)).toEqual({ db: { host: "h", port: 2, user: "u" } });
    updateNode(r, "db", fromPlain({ port: 3 }), { ...SET, merge: false });
    expect(plain(r)).toEqual({ db: { port: 3 } });
    updateNode(r, "db", fromPlain([1, 2]), { ...SET, merge: false });
    expect(plain(r)).toEqual({ db: [1, 2] });
    updateNode(r, "db", fromPlain([3]), SET);
    expect(plain(r)).toEqual({ db: [3] });
  });

  it("copies the value in", () => {
    const r = cfg({});
    const v = fromPlain({ x: [1] });
    updateNode(r, "a", v, SET);
    expect(r.get("a")).not.toBe(v);
  });

  it("handles list indices", () => {
    const r = cfg({ l: [1, { a: 1 }] });
    updateNode(r, "l[0]", 5, STRUCT);
    updateNode(r, "l.1.a", 6, STRUCT);
    expect(plain(r)).toEqual({ l: [5, { a: 6 }] });
    expect(() => updateNode(r, "l[2]", 1, SET)).toThrow(/Index 2 is out of range in 'l\[2\]'/);
    expect(() => updateNode(r, "l[-1]", 1, SET)).toThrow(/Negative index -1/);
    expect(() => updateNode(r, "l.x", 1, SET)).toThrow(/Index 'x' \(str\) is not an int/);
  });

  it("in struct mode only existing keys may be set", () => {
    const r = cfg({ db: { host: "h" }, n: 1 });
    updateNode(r, "db.host", "x", STRUCT);
    expect(() => updateNode(r, "db.port", 1, STRUCT)).toThrow("Key 'port' is not in struct\n    full_key: db.port\n    object_type=dict");
    expect(() => updateNode(r, "new.k", 1, STRUCT)).toThrow(/Key 'new' is not in struct/);
    expect(() => updateNode(r, "db", fromPlain({ port: 1 }), STRUCT)).toThrow(/full_key: db.port/);
    try {
      updateNode(r, "db.port", 1, STRUCT);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigKeyError);
      expect((e as ConfigKeyError).key).toBe("db.port");
    }
    expect(plain(r)).toEqual({ db: { host: "x" }, n: 1 });
  });

  it("forceAdd creates whatever is missing even in struct mode", () => {
    const r = cfg({ db: { host: "h" } });
    updateNode(r, "db.port", 1, { ...STRUCT, forceAdd: true });
    updateNode(r, "x.y.z", 2, { ...STRUCT, forceAdd: true });
    updateNode(r, "db", fromPlain({ user: "u" }), { ...STRUCT, forceAdd: true });
    expect(plain(r)).toEqual({ db: { host: "h", port: 1, user: "u" }, x: { y: { z: 2 } } });
  });

  it("refuses to merge a list into a dict", () => {
    expect(() => updateNode(cfg({ a: { b: 1 } }), "a", fromPlain([1]), SET)).toThrow(/Cannot merge DictConfig with ListConfig/);
  });
});

describe("deleteNode", () => {
  it("deletes dict keys and list items, reports absence", () => {
    const r = cfg({ a: { b: 1, c: 2 }, l: [1, 2, 3] });
    expect(deleteNode(r, "a.b")).toBe(true);
    expect(deleteNode(r, "l[1]")).toBe(true);
    expect(deleteNode(r, "a.zz")).toBe(false);
    expect(deleteNode(r, "zz.y")).toBe(false);
    expect(deleteNode(r, "l[9]")).toBe(false);
    expect(deleteNode(r, "a.c.d")).toBe(false);
    expect(plain(r)).toEqual({ a: { c: 2 }, l: [1, 3] });
    expect(deleteNode(r, "a")).toBe(true);
    expect(plain(r)).toEqual({ l: [1, 3] });
  });
});

describe("getPath / setPath (hydrant's own plain dotted keys)", () => {
  it("reads a key unresolved, and undefined where it is missing or a scalar is on the way", () => {
    const c = cfg({ hydra: { job: { name: "${x}" }, mode: "RUN" } });
    expect(getPath(c, "hydra.job.name")).toBe("${x}");
    expect(getPath(c, "hydra.job.num")).toBeUndefined();
    expect(getPath(c, "hydra.mode.deeper")).toBeUndefined();
  });

  it("creates mappings on the way, over a scalar too, and keeps the value itself", () => {
    const c = cfg({ hydra: { mode: "RUN" } });
    const list = fromPlain(["a=1"]);
    setPath(c, "hydra.overrides.task", list);
    setPath(c, "hydra.mode.x", 1);
    expect(getPath(c, "hydra.overrides.task")).toBe(list);
    expect(plain(c)).toEqual({ hydra: { mode: { x: 1 }, overrides: { task: ["a=1"] } } });
  });
});
