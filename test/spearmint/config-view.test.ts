import { describe, expect, it } from "vitest";
import { ConfigKeyError } from "../../src/errors.js";
import { computeConfigId } from "../../src/dynamic/index.js";
import { isConfig, makeConfig } from "../../src/spearmint/index.js";

describe("Config", () => {
  const config = makeConfig<{ model: string; llm: { model: string; layers: number[] }; get: string }>(
    { model: "top", llm: { model: "gpt-4", layers: [1, 2] }, get: "shadowed" },
    3,
  );

  it("gives top-level keys as properties and dotted paths through get()", () => {
    expect(config.model).toBe("top");
    expect(config.get("llm.model")).toBe("gpt-4");
    expect(config.get("llm.layers.1")).toBe(2);
    expect(config.get("llm.nope")).toBeUndefined();
    expect(config.has("llm.layers")).toBe(true);
    expect(() => config.require("llm.nope")).toThrow(ConfigKeyError);
  });

  it("keeps methods usable when a key has a method's name", () => {
    expect(typeof config.get).toBe("function");
    expect(config.get("get")).toBe("shadowed");
  });

  it("is read-only, knows its id and index, and copies out", () => {
    expect(() => {
      (config.llm as { model: string }).model = "x";
    }).toThrow(TypeError);
    expect(config.index).toBe(3);
    expect(config.configId).toBe(computeConfigId({ model: "top", llm: { model: "gpt-4", layers: [1, 2] }, get: "shadowed" }));
    const copy = config.toObject();
    copy.llm.model = "changed";
    expect(config.llm.model).toBe("gpt-4");
    expect(Object.keys(config)).toEqual(["model", "llm", "__config_id__"]);
    expect(JSON.parse(JSON.stringify(config))).toMatchObject({ model: "top", __config_id__: config.configId });
    expect(isConfig(config)).toBe(true);
  });
});

describe("Config.root", () => {
  it("is the whole config as a read-only plain object, as Python Spearmint's config.root", () => {
    const config = makeConfig<{ model: string; temperature: number }>({ model: "gpt-4", temperature: 0.7 });
    expect(config.root).toEqual({ model: "gpt-4", temperature: 0.7, __config_id__: config.configId });
    expect({ ...config.root }.model).toBe("gpt-4");
    expect(Object.isFrozen(config.root)).toBe(true);
  });
});
