import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { fromPlain } from "../../src/config/node.js";
import { InstantiationError } from "../../src/errors.js";
import { clearTargets, instantiate, registerTarget, rememberKeyPaths } from "../../src/instantiate/index.js";
import { MLP, Pair } from "../fixtures/instantiate/models.js";

const baseDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/instantiate");
const opts = { baseDir };

afterEach(() => clearTargets());

describe("instantiate: targets", () => {
  it("constructs a class from ./module.js:Export (the .ts source when run with tsx), keys as one options object", async () => {
    const mlp = await instantiate<MLP>({ _target_: "./models.js:MLP", hidden_dim: 64 }, {}, opts);
    expect(mlp).toBeInstanceOf(MLP);
    expect(mlp.options).toEqual({ hidden_dim: 64 });
  });

  it("calls a function, with _args_ first and awaits an async factory", async () => {
    expect(await instantiate({ _target_: "./models.js:add", _args_: [1, 2] }, {}, opts)).toBe(3);
    expect(await instantiate({ _target_: "./models.js:add", _args_: [1, 2], scale: 10 }, {}, opts)).toBe(30);
    expect(await instantiate({ _target_: "./models.js:slowFactory", value: 7 }, {}, opts)).toEqual({ value: 7 });
  });

  it("reaches nested exports, default exports, node built-ins and built-in constructors", async () => {
    const linear = await instantiate<{ options: unknown }>({ _target_: "./models.js:nn.Linear", in: 2, out: 3 }, {}, opts);
    expect(linear.options).toEqual({ in: 2, out: 3 });
    expect(await instantiate({ _target_: "./models.js" }, {}, opts)).toMatchObject({ kind: "default" });
    expect(await instantiate({ _target_: "node:path:join", _args_: ["a", "b"] }, {}, opts)).toBe(path.join("a", "b"));
    registerTarget("Map", Map);
    expect(await instantiate({ _target_: "Map", _args_: [[["k", 1]]] })).toEqual(new Map([["k", 1]]));
  });

  it("resolves a package through node_modules and its exports' import condition", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-inst-"));
    const pkg = path.join(dir, "node_modules", "@acme", "trainers");
    mkdirSync(path.join(pkg, "esm"), { recursive: true });
    writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "@acme/trainers", exports: { ".": { import: "./esm/index.mjs" }, "./extra/*": "./esm/*.mjs" } }));
    writeFileSync(path.join(pkg, "esm", "index.mjs"), "export class Trainer { constructor(o) { this.o = o; } }\n");
    writeFileSync(path.join(pkg, "esm", "cbs.mjs"), "export const early = (o) => ({ early: o.patience });\n");
    const app = path.join(dir, "src", "app");
    mkdirSync(app, { recursive: true });
    const trainer = await instantiate<{ o: unknown }>({ _target_: "@acme/trainers:Trainer", max_epochs: 3 }, {}, { baseDir: app });
    expect(trainer.o).toEqual({ max_epochs: 3 });
    expect(await instantiate({ _target_: "@acme/trainers/extra/cbs:early", patience: 2 }, {}, { baseDir: app })).toEqual({ early: 2 });
  });

  it("takes a registered name or a function given in code", async () => {
    registerTarget("mlp", MLP);
    expect(await instantiate({ _target_: "mlp", hidden_dim: 8 })).toBeInstanceOf(MLP);
    expect(await instantiate({ _target_: (o: { x: number }) => o.x * 2, x: 21 })).toBe(42);
  });
});

describe("instantiate: recursion, partial, overrides", () => {
  it("builds nested _target_ nodes first, in lists and plain mappings too", async () => {
    const cfg = { _target_: "./models.js:Pair", _args_: [{ _target_: "./models.js:MLP", hidden_dim: 1 }, [{ _target_: "./models.js:add", _args_: [1, 1] }]], extra: { inner: { _target_: "./models.js:add", _args_: [2, 2] } } };
    const pair = await instantiate<Pair>(cfg, {}, opts);
    expect(pair.a).toBeInstanceOf(MLP);
    expect(pair.b).toEqual([2]);
    expect(pair.options).toEqual({ extra: { inner: 4 } });
    expect(await instantiate([{ _target_: "./models.js:add", _args_: [1, 2] }, 5], {}, opts)).toEqual([3, 5]);
    expect(await instantiate({ a: { _target_: "./models.js:add", _args_: [1, 2] } }, {}, opts)).toEqual({ a: 3 });
  });

  it("leaves nested nodes as data with _recursive_: false (inherited, overridable below)", async () => {
    const mlp = await instantiate<MLP>({ _target_: "./models.js:MLP", _recursive_: false, hidden_dim: 2, activation: { _target_: "./models.js:add", _args_: [1, 1] } }, {}, opts);
    expect(mlp.options.activation).toEqual({ _target_: "./models.js:add", _args_: [1, 1] });
  });

  it("_partial_: true returns the target with its arguments bound; call-time keys merge", async () => {
    const make = await instantiate<(o?: object) => { lr: number; params: unknown }>({ _target_: "./models.js:makeOptimizer", _partial_: true, lr: 0.01, params: "???" }, {}, opts);
    expect(typeof make).toBe("function");
    expect(make({ params: ["w"] })).toEqual({ kind: "sgd", lr: 0.01, params: ["w"] });
    const addTo = await instantiate<(b: number) => number>({ _target_: "./models.js:add", _args_: [10] }, { _partial_: true }, opts);
    expect(addTo(5)).toBe(15);
  });

  it("merges call-time overrides over the node, passing objects through untouched", async () => {
    const params = new Map([["w", 1]]);
    const opt = await instantiate<{ lr: number; params: unknown }>({ _target_: "./models.js:makeOptimizer", lr: 0.1 }, { params, lr: 0.5 }, opts);
    expect(opt.params).toBe(params);
    expect(opt.lr).toBe(0.5);
    const mlp = await instantiate<MLP>({ _target_: "./models.js:MLP", hidden_dim: 4, activation: { kind: "relu", slope: 0 } }, { activation: { slope: 0.1 } }, opts);
    expect(mlp.options.activation).toEqual({ kind: "relu", slope: 0.1 });
  });

  it("reads a config tree through its public accessors: plain values, interpolations resolved", async () => {
    const node = fromPlain({ _target_: "./models.js:MLP", hidden_dim: "${width}", width: 32 });
    const mlp = await instantiate<MLP>(node, {}, opts);
    expect(mlp.options).toEqual({ hidden_dim: 32, width: 32 });
  });

  it("accepts Hydra's _convert_ values and refuses others", async () => {
    await expect(instantiate({ _target_: "./models.js:MLP", _convert_: "all", hidden_dim: 1 }, {}, opts)).resolves.toBeInstanceOf(MLP);
    await expect(instantiate({ _target_: "./models.js:MLP", _convert_: "deep" }, {}, opts)).rejects.toThrow(/_convert_' must be one of/);
  });
});

describe("instantiate: errors and the registry-only mode", () => {
  it("names the key path and the target when the call throws", async () => {
    const cfg = { model: { encoder: { _target_: "./models.js:Broken" } } };
    rememberKeyPaths(cfg);
    const err = await instantiate(cfg.model, {}, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InstantiationError);
    expect((err as InstantiationError).key).toBe("model.encoder");
    expect((err as InstantiationError).target).toBe("./models.js:Broken");
    expect((err as Error).message).toContain("Error in call to target './models.js:Broken' (at 'model.encoder'):\nRangeError: hidden_dim must be positive");
  });

  it("says what is wrong with a target that does not resolve", async () => {
    await expect(instantiate({ _target_: "./nope.js:X" }, {}, opts)).rejects.toThrow(/cannot find module '\.\/nope\.js'/);
    await expect(instantiate({ _target_: "./models.js:Missing" }, {}, opts)).rejects.toThrow(/export 'Missing' of '\.\/models\.js' does not exist/);
    await expect(instantiate({ _target_: "./models.js:notAFunction" }, {}, opts)).rejects.toThrow(/is a number, not a class or function/);
    await expect(instantiate({ _target_: "torch.optim.Adam" }, {}, opts)).rejects.toThrow(/not a registered target and names no module/);
    await expect(instantiate({ _target_: "no-such-package-xyz:Thing" }, {}, opts)).rejects.toThrow(/cannot find module 'no-such-package-xyz'/);
    await expect(instantiate({ _target_: "./models.js:MLP", hidden_dim: "???" }, {}, opts)).rejects.toThrow(/'hidden_dim' is missing/);
  });

  it("only: 'registry' builds registered targets and never imports a module", async () => {
    registerTarget("mlp", MLP);
    await expect(instantiate({ _target_: "mlp", hidden_dim: 1 }, {}, { only: "registry" })).resolves.toBeInstanceOf(MLP);
    const err = await instantiate({ a: { _target_: "./models.js:MLP" } }, {}, { ...opts, only: "registry" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InstantiationError);
    expect((err as Error).message).toMatch(/'\.\/models\.js:MLP' is not a registered target, and only registered targets may be built here\. Registered: 'mlp'/);
  });
});
