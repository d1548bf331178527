// generateConfigSchema: conf/'s own files validate against it (ajv), and wrong types or unknown
// choices do not.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateConfigSchema } from "../../src/schemas/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CONF = path.join(root, "conf");

function confFiles(): { rel: string; kind: string; data: unknown }[] {
  const out: { rel: string; kind: string; data: unknown }[] = [];
  for (const entry of readdirSync(CONF, { withFileTypes: true })) {
    if (entry.isFile()) out.push({ rel: entry.name, kind: "config", data: parse(readFileSync(path.join(CONF, entry.name), "utf8")) });
    if (!entry.isDirectory()) continue;
    for (const f of readdirSync(path.join(CONF, entry.name))) {
      out.push({ rel: `${entry.name}/${f}`, kind: entry.name, data: parse(readFileSync(path.join(CONF, entry.name, f), "utf8")) });
    }
  }
  return out;
}

function validator(kind?: string): (data: unknown) => string[] {
  const { schema, skipped } = generateConfigSchema({ configDir: CONF, configName: "config", for: kind });
  expect(skipped).toEqual([]);
  const validate = new Ajv({ allErrors: true }).compile(schema);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

describe("generateConfigSchema on conf/", () => {
  const files = confFiles();

  it("accepts every file of conf/, with the whole tree's schema and its kind's", () => {
    expect(files.length).toBeGreaterThan(15);
    const any = validator();
    const byKind = new Map<string, (data: unknown) => string[]>();
    for (const f of files) {
      if (!byKind.has(f.kind)) byKind.set(f.kind, validator(f.kind));
      expect(any(f.data), f.rel).toEqual([]);
      expect(byKind.get(f.kind)!(f.data), f.rel).toEqual([]);
    }
  });

  it("rejects a wrong type in a group option file", () => {
    const check = validator("optimizer");
    expect(check({ name: "sgd", learning_rate: "fast" })).not.toEqual([]);
    expect(check({ name: "sgd", learning_rate: "${oc.env:LR}" })).toEqual([]);
    expect(check({ name: "sgd", learning_rate: "???" })).toEqual([]);
    expect(check({ name: "sgd", brand_new_key: [1, 2] })).toEqual([]);
  });

  it("checks an experiment's overrides of group options and its values", () => {
    const check = validator("experiment");
    expect(check({ defaults: [{ "override /optimizer": "sgd" }], optimizer: { learning_rate: 0.1 } })).toEqual([]);
    expect(check({ defaults: [{ "override /optimizer": "adamw" }] }).join("\n")).toContain("must be equal to one of the allowed values");
    expect(check({ training: { epochs: "many" } })).not.toEqual([]);
    expect(check({ training: { early_stopping: { patience: true } } })).not.toEqual([]);
  });

  it("lists the primary config's group choices", () => {
    const check = validator("config");
    expect(check({ defaults: [{ model: "mlp_large" }, "_self_"], seed: 3 })).toEqual([]);
    expect(check({ defaults: [{ model: "cnn" }] })).not.toEqual([]);
    expect(check({ seed: "zero" })).not.toEqual([]);
  });

  it("names the kinds there are when asked for another", () => {
    expect(() => generateConfigSchema({ configDir: CONF, configName: "config", for: "nope" })).toThrow(
      "No config files of kind 'nope': choose one of config, model, optimizer, dataset, training, experiment",
    );
  });
});
