// The spec format as a JSON Schema for editors: shipped as schemas/experiment-spec.schema.json (kept
// equal to the one the loader checks with) and part of `hydrant schema`; the example specs satisfy it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { experimentSpecJsonSchema } from "../../../src/experiment/definition/schema.js";

const REPO = path.resolve(import.meta.dirname, "../../..");

describe("the experiment spec's JSON Schema", () => {
  it("is the shipped schemas/experiment-spec.schema.json, exported by the package", () => {
    const shipped = JSON.parse(readFileSync(path.join(REPO, "schemas/experiment-spec.schema.json"), "utf8"));
    expect(shipped).toEqual(experimentSpecJsonSchema());
    const pkg = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8"));
    expect(pkg.exports["./schemas/experiment-spec.schema.json"]).toBe("./schemas/experiment-spec.schema.json");
  });

  it("accepts the example specs and refuses an unknown field and a mode without a name", () => {
    const validate = new Ajv({ allowUnionTypes: true }).compile(experimentSpecJsonSchema());
    const dir = path.join(REPO, "examples/specs");
    const specs = readdirSync(dir).filter((f) => f.endsWith(".yaml") && f !== "modes.yaml");
    expect(specs.length).toBeGreaterThan(2);
    for (const f of specs) expect(validate(parse(readFileSync(path.join(dir, f), "utf8"))), f).toBe(true);
    expect(validate({ name: "x", sweeps: {} })).toBe(false);
    expect(validate({ name: "x", mode: { args: [] } })).toBe(false);
    expect(validate({ name: "x", mode: { name: "training", args: ["--fast"] } })).toBe(true);
  });
});
