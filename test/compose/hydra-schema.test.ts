import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { composeConfig } from "../../src/compose/index.js";
import { checkHydraKeys } from "../../src/compose/hydra-schema.js";
import { fromPlain, isDict, toPlainUnresolved } from "../../src/config/node.js";
import { ConfigCompositionError, ConfigKeyError } from "../../src/errors.js";

const tree = (o: object) => fromPlain(o);
const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error");
};

describe("checkHydraKeys: the hydra node's dataclass schema", () => {
  it("accepts the fields HydraConf declares, and any key under its Any/Dict fields", () => {
    const ok = { run: { dir: "x" }, job: { name: "a", env_set: { ANY: "1" }, config: { override_dirname: { kv_sep: "=" } } } };
    expect(() => checkHydraKeys(tree(ok), undefined)).not.toThrow();
    const open = { launcher: { anything: 1 }, job_logging: { root: { x: 1 } }, callbacks: { c: {} }, runtime: { choices: { g: "o" } } };
    expect(() => checkHydraKeys(tree(open), undefined)).not.toThrow();
  });

  it("rejects a key a dataclass lacks, worded as OmegaConf words it", () => {
    expect(() => checkHydraKeys(tree({ job: { env: { A: 1 } } }), undefined)).toThrow(ConfigKeyError);
    expect(messageOf(() => checkHydraKeys(tree({ job: { env: {} } }), undefined))).toBe(
      "Key 'env' not in 'JobConf'\n    full_key: hydra.job.env\n    reference_type=JobConf\n    object_type=JobConf",
    );
    expect(messageOf(() => checkHydraKeys(tree({ foo: 1 }), undefined))).toBe(
      "Key 'foo' not in 'HydraConf'\n    full_key: hydra.foo\n    object_type=HydraConf",
    );
    expect(messageOf(() => checkHydraKeys(tree({ job: { config: { override_dirname: { sep: "," } } } }), undefined))).toContain(
      "Key 'sep' not in 'OverrideDirname'",
    );
  });

  it("keeps a key the composed node already has (hydra.env, merged before HydraConf)", () => {
    expect(() => checkHydraKeys(tree({ env: { x: 1 } }), tree({ env: {} }))).not.toThrow();
    expect(() => checkHydraKeys(tree({ env: { x: 1 } }), tree({}))).toThrow(ConfigKeyError);
  });
});

describe("composing against the hydra schema", () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "hydrant-hydra-schema-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const app = (name: string, text: string) => {
    const dir = path.join(tmp, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "config.yaml"), text);
    return dir;
  };

  it("fails on the pre-1.2 hydra.job.env, naming the config", () => {
    const dir = app("legacy-env", "hydra:\n  job:\n    env:\n      A: '1'\nx: 1\n");
    const e = (() => {
      try {
        composeConfig({ configDir: dir, configName: "config" });
      } catch (err) {
        return err as Error;
      }
      throw new Error("expected an error");
    })();
    expect(e).toBeInstanceOf(ConfigCompositionError);
    expect(e.message).toBe(
      "In 'config': ConfigKeyError raised while composing config:\nKey 'env' not in 'JobConf'\n    full_key: hydra.job.env\n    reference_type=JobConf\n    object_type=JobConf",
    );
  });

  it("composes the keys Hydra accepts, hydra.env and job.env_set included", () => {
    const dir = app("fine", "hydra:\n  env:\n    note: x\n  job:\n    env_set:\n      A: '1'\n  launcher:\n    extra: 2\nx: 1\n");
    const hydra = composeConfig({ configDir: dir, configName: "config" }).config.get("hydra");
    expect(isDict(hydra)).toBe(true);
    const plain = toPlainUnresolved(hydra!) as Record<string, any>;
    expect(plain.env).toEqual({ note: "x" });
    expect(plain.job.env_set).toEqual({ A: "1" });
  });
});
