import { describe, expect, it } from "vitest";
import { DynamicValue } from "../../src/dynamic/index.js";
import {
  ConfigValidationError,
  MultiBranchStrategy,
  Spearmint,
  type ConfigSchema,
} from "../../src/spearmint/index.js";

const llmSchema = {
  type: "object",
  properties: {
    model: { type: "string" },
    llm: {
      type: "object",
      properties: { temperature: { type: "number", minimum: 0, maximum: 2 } },
      required: ["temperature"],
    },
  },
  required: ["model", "llm"],
  additionalProperties: false,
} as const;

async function firstError(configs: Record<string, unknown>[], schema: ConfigSchema): Promise<ConfigValidationError> {
  const mint = new Spearmint({ configs, sink: false });
  let called = false;
  const run = mint.experiment(() => (called = true), { schema, name: "llm-call" });
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(called).toBe(false);
  expect(error).toBeInstanceOf(ConfigValidationError);
  return error as ConfigValidationError;
}

describe("schema validation", () => {
  it("JSON Schema (ajv): names the config and the nested field", async () => {
    const error = await firstError([{ model: "gpt-4", llm: { temperature: 5 } }], llmSchema);
    expect(error.key).toBe("llm.temperature");
    expect(error.message).toMatch(/Config #0 \(id [0-9a-f]{8}\) of experiment 'llm-call'/);
    expect(error.message).toContain("llm.temperature: must be <= 2 (got 5)");
  });

  it("JSON Schema: a missing field and an unknown field are named", async () => {
    const error = await firstError([{ llm: { temperature: 1 }, extra: true }], llmSchema);
    expect(error.issues.map((i) => i.path).sort()).toEqual(["extra", "model"]);
    expect(error.message).toContain("model: is required");
  });

  it("a safeParse schema (zod-like): issues' paths become dotted fields", async () => {
    const zodLike = {
      safeParse: (data: unknown) =>
        (data as { llm: { model: string } }).llm.model === "gpt-4"
          ? { success: true }
          : { success: false, error: { issues: [{ path: ["llm", "model"], message: "Invalid enum value" }] } },
    };
    const error = await firstError([{ llm: { model: "gpt-9" } }], zodLike);
    expect(error.key).toBe("llm.model");
    expect(error.message).toContain("llm.model: Invalid enum value");
  });

  it("a parse-only schema that throws", async () => {
    const parser = {
      parse(data: unknown) {
        if (typeof (data as { k?: unknown }).k !== "number") throw new TypeError("k must be a number");
        return data;
      },
    };
    const error = await firstError([{ k: "nope" }], parser);
    expect(error.message).toContain("k must be a number");
  });

  it("a Standard Schema validator", async () => {
    const standard = {
      "~standard": {
        validate: async (data: unknown) =>
          (data as { n: number }).n > 0 ? { value: data } : { issues: [{ message: "must be positive", path: [{ key: "n" }] }] },
      },
    };
    const error = await firstError([{ n: -1 }], standard);
    expect(error.key).toBe("n");
  });

  it("valid configs run; under MultiBranch an invalid one is an error branch naming its field", async () => {
    const mint = new Spearmint({
      configs: { model: "gpt-4", llm: { temperature: new DynamicValue([0.5, 3]) } },
      strategy: new MultiBranchStrategy(),
      sink: false,
    });
    const run = mint.experiment((config) => config.llm.temperature, { schema: llmSchema });
    const [ok, bad] = await run();
    expect(ok).toMatchObject({ status: "ok", result: 0.5 });
    expect(bad!.status).toBe("error");
    expect((bad!.error as ConfigValidationError).key).toBe("llm.temperature");
    expect((bad!.error as ConfigValidationError).configId).toBe(mint.configs[1]!.configId);
    expect(mint.results.records[1]?.error?.key ?? mint.results.records[0]?.error?.key).toBe("llm.temperature");
  });
});
