import { afterEach, describe, expect, it } from "vitest";
import { HydrantError, InterpolationError, UnsupportedInterpolationTypeError } from "../../../src/errors.js";
import { ConfigDict, ConfigList, fromPlain, toPlainUnresolved } from "../../../src/config/node.js";
import {
  clearResolver,
  hasResolver,
  registerResolver,
  resolveTree,
  resolveValue,
  ResolverRegistry,
  type ResolveOptions,
  type ResolverContext,
} from "../../../src/config/interpolation/index.js";

const tree = (o: object): ConfigDict => fromPlain(o) as ConfigDict;
const resolved = (o: object, options?: ResolveOptions): unknown => toPlainUnresolved(resolveTree(tree(o), options));

describe("oc.env", () => {
  afterEach(() => {
    delete process.env.HYDRANT_TEST_VAR;
  });

  it("returns the variable as a string, without decoding", () => {
    process.env.HYDRANT_TEST_VAR = "123";
    expect(resolved({ a: "${oc.env:HYDRANT_TEST_VAR}" })).toEqual({ a: "123" });
  });

  it("uses str(default), or null as is", () => {
    expect(resolved({ a: "${oc.env:HYDRANT_TEST_VAR,5}", b: "${oc.env:HYDRANT_TEST_VAR,null}", c: "${oc.env:HYDRANT_TEST_VAR,'x y'}", d: "${oc.env:HYDRANT_TEST_VAR,true}" })).toEqual({
      a: "5",
      b: null,
      c: "x y",
      d: "True",
    });
  });

  it("fails naming the variable when unset without default", () => {
    expect(() => resolved({ a: "${oc.env:HYDRANT_TEST_VAR}" })).toThrow(/Resolver 'oc.env' failed: Environment variable 'HYDRANT_TEST_VAR' not found.*'a'/);
  });
});

describe("oc.decode", () => {
  it("types strings with the element grammar", () => {
    const cfg = {
      i: "${oc.decode:'3308'}",
      f: "${oc.decode:'1e-3'}",
      b: "${oc.decode:'true'}",
      n: "${oc.decode:null}",
      l: "${oc.decode:'[host1, host2]'}",
      d: "${oc.decode:'{a: 1, b: [x]}'}",
      s: "${oc.decode:'hello world'}",
    };
    expect(resolved(cfg)).toEqual({ i: 3308, f: 0.001, b: true, n: null, l: ["host1", "host2"], d: { a: 1, b: ["x"] }, s: "hello world" });
  });

  it("resolves interpolations relative to the key being resolved", () => {
    process.env.HYDRANT_TEST_TIMEOUT = "${.port}";
    try {
      expect(resolved({ db: { port: 3308, timeout: "${oc.decode:${oc.env:HYDRANT_TEST_TIMEOUT}}" } })).toEqual({ db: { port: 3308, timeout: 3308 } });
    } finally {
      delete process.env.HYDRANT_TEST_TIMEOUT;
    }
  });

  it("rejects non-strings", () => {
    expect(() => resolved({ a: "${oc.decode:1}" })).toThrow(/oc.decode can only take strings or null/);
  });
});

describe("oc.select", () => {
  it("returns the value, the default, or null", () => {
    const cfg = { a: { b: 1 }, m: "???", x: "${oc.select:a.b,9}", y: "${oc.select:nope,def}", z: "${oc.select:nope}", w: "${oc.select:m,filled}" };
    expect(resolved(cfg)).toMatchObject({ x: 1, y: "def", z: null, w: "filled" });
  });

  it("resolves relative keys from the node", () => {
    expect(resolved({ n: { a: 5, x: "${oc.select:.a,0}", y: "${oc.select:.zz,0}" } })).toEqual({ n: { a: 5, x: 5, y: 0 } });
  });

  it("takes interpolated keys and defaults", () => {
    expect(resolved({ k: "a", a: 1, d: 2, x: "${oc.select:${k},${d}}", y: "${oc.select:q,${d}}" })).toMatchObject({ x: 1, y: 2 });
  });
});

describe("oc.create", () => {
  it("creates configs whose interpolations resolve relative to the key", () => {
    const cfg = { v: 7, c: "${oc.create:{a: 1, b: '\\${.a}', c: '\\${v}'}}", l: "${oc.create:[1, 2]}", y: "${oc.create:'a: 3'}" };
    expect(resolved(cfg)).toEqual({ v: 7, c: { a: 1, b: 1, c: 7 }, l: [1, 2], y: { a: 3 } });
  });

  it("can copy an existing node", () => {
    expect(resolved({ src: { a: 1 }, copy: "${oc.create:${src}}", via: "${copy.a}" })).toMatchObject({ copy: { a: 1 }, via: 1 });
  });
});

describe("oc.dict", () => {
  const workers = { node3: "10.0.0.2", node7: "10.0.0.9" };

  it("lists keys and values (values stay live interpolations)", () => {
    const cfg = { workers, nodes: "${oc.dict.keys: workers}", ips: "${oc.dict.values: workers}", sub: { ips: "${oc.dict.values:..workers}" } };
    expect(resolved(cfg)).toEqual({ workers, nodes: ["node3", "node7"], ips: ["10.0.0.2", "10.0.0.9"], sub: { ips: ["10.0.0.2", "10.0.0.9"] } });
  });

  it("rejects missing keys and non-dicts", () => {
    expect(() => resolved({ a: "${oc.dict.keys:nope}" })).toThrow(/Key not found: 'nope'/);
    expect(() => resolved({ l: [1], a: "${oc.dict.values:l}" })).toThrow(/cannot be applied to objects of type: ListConfig/);
  });
});

describe("oc.deprecated", () => {
  it("returns the new key's value and reports a warning", () => {
    const warnings: string[] = [];
    const out = resolved({ new_key: 3, old_key: "${oc.deprecated:new_key}" }, { onWarning: (m) => warnings.push(m) });
    expect(out).toEqual({ new_key: 3, old_key: 3 });
    expect(warnings).toEqual(["'old_key' is deprecated. Change your code and config to use 'new_key'"]);
  });
});

describe("custom resolvers", () => {
  afterEach(() => {
    clearResolver("test_sum");
    clearResolver("test_counter");
    clearResolver("ns.test_echo");
  });

  it("receives typed arguments and a context", () => {
    let seen: ResolverContext | undefined;
    registerResolver("test_sum", (args, ctx) => {
      seen = ctx;
      return (args as number[]).reduce((a, b) => a + b, 0);
    });
    const root = tree({ a: 1, n: { b: 2, x: "${test_sum:${a},${.b},3}" } });
    expect(resolveValue(root, ["n", "x"])).toBe(6);
    expect(seen?.path).toEqual(["n", "x"]);
    expect(seen?.key).toBe("x");
    expect(seen?.root).toBe(root);
    expect(seen?.parent).toBe(root.get("n"));
    expect(seen?.node).toBe("${test_sum:${a},${.b},3}");
    expect(seen?.argTexts).toEqual(["${a}", "${.b}", "3"]);
  });

  it("supports namespaces and interpolated names", () => {
    registerResolver("ns.test_echo", (args) => args);
    expect(resolved({ f: "test_echo", x: "${ns.${f}:a, b c, [1]}" })).toMatchObject({ x: ["a", "b c", [1]] });
  });

  it("turns plain results into config nodes placed at the key", () => {
    registerResolver("test_sum", () => ({ min: 1, ref: "${.min}" }));
    const value = resolveValue(tree({ s: "${test_sum:}" }), ["s"]);
    expect(value).toBeInstanceOf(ConfigDict);
    expect(toPlainUnresolved(value)).toEqual({ min: 1, ref: 1 });
  });

  it("caches by argument text only when asked", () => {
    let calls = 0;
    registerResolver("test_counter", () => ++calls);
    expect(resolved({ a: "${test_counter:}", b: "${test_counter:}" })).toEqual({ a: 1, b: 2 });
    registerResolver("test_counter", () => ++calls, { useCache: true, replace: true });
    expect(resolved({ a: "${test_counter:x}", b: "${test_counter:x}", c: "${test_counter: x}", d: "${test_counter:y}" })).toEqual({ a: 3, b: 3, c: 3, d: 4 });
  });

  it("refuses duplicate registration unless replace", () => {
    registerResolver("test_sum", () => 1);
    expect(() => registerResolver("test_sum", () => 2)).toThrow(HydrantError);
    registerResolver("test_sum", () => 2, { replace: true });
    expect(hasResolver("test_sum")).toBe(true);
    expect(clearResolver("test_sum")).toBe(true);
    expect(hasResolver("test_sum")).toBe(false);
  });

  it("wraps resolver failures naming the resolver and the key", () => {
    registerResolver("test_sum", () => {
      throw new Error("boom");
    });
    const run = (): unknown => resolved({ k: { v: "${test_sum:1}" } });
    expect(run).toThrow(InterpolationError);
    expect(run).toThrow(/Resolver 'test_sum' failed: boom.*'k\.v'/);
  });

  it("reports unknown resolvers", () => {
    expect(() => resolved({ a: "${no_such_resolver:1}" })).toThrow(UnsupportedInterpolationTypeError);
  });

  it("uses per-call and per-registry resolvers", () => {
    const registry = new ResolverRegistry({ builtins: false });
    registry.register("twice", ([x]) => (x as number) * 2);
    expect(resolved({ a: "${twice:4}" }, { resolvers: registry })).toEqual({ a: 8 });
    expect(() => resolved({ a: "${oc.env:HOME}" }, { resolvers: registry })).toThrow(UnsupportedInterpolationTypeError);
    expect(resolved({ a: "${hydra:job.name}" }, { extraResolvers: { hydra: ([k]) => `got ${String(k)}` } })).toEqual({ a: "got job.name" });
  });

  it("passes node-interpolated containers as resolved copies", () => {
    let arg: unknown;
    registerResolver("test_sum", ([x]) => {
      arg = x;
      return 0;
    });
    resolved({ v: 5, d: { a: "${v}" }, x: "${test_sum:${d}}" });
    expect(arg).toBeInstanceOf(ConfigDict);
    expect(toPlainUnresolved(arg as ConfigList)).toEqual({ a: 5 });
  });
});
