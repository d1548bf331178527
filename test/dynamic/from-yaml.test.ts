import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configsFromGroup, expandConfigs, parseConfigsYaml } from "../../src/dynamic/index.js";
import { DynamicValueError } from "../../src/errors.js";

describe("grids declared in YAML", () => {
  it("expands !sweep lists as DynamicValues, first key slowest, nested structure kept", () => {
    const declared = parseConfigsYaml(`
llm:
  model: !sweep [small, large]
  temperature: !sweep [0.0, 0.5, 1.0]
retrieval:
  top_k: !sweep [3, 5]
name: fixed
`);
    const configs = expandConfigs(declared);
    expect(configs).toHaveLength(12);
    expect(configs[0]).toMatchObject({ llm: { model: "small", temperature: 0 }, retrieval: { top_k: 3 }, name: "fixed" });
    expect(configs[1]).toMatchObject({ llm: { model: "small", temperature: 0 }, retrieval: { top_k: 5 } });
    expect(configs[11]).toMatchObject({ llm: { model: "large", temperature: 1 }, retrieval: { top_k: 5 } });
  });

  it("takes whole objects as candidates and lists of configs", () => {
    const declared = parseConfigsYaml(`
- { model: base }
- optimizer: !sweep [{ name: sgd, lr: 0.1 }, { name: adam, lr: 0.001 }]
`);
    const configs = expandConfigs(declared);
    expect(configs.map((c) => (c as { optimizer?: { name: string } }).optimizer?.name ?? "static")).toEqual(["static", "sgd", "adam"]);
  });

  it("rejects !sweep on a scalar with the file named", () => {
    expect(() => parseConfigsYaml("lr: !sweep {a: 1}", "grid.yaml")).toThrow(DynamicValueError);
    expect(() => parseConfigsYaml("lr: !sweep {a: 1}", "grid.yaml")).toThrow(/grid.yaml.*!sweep takes a list/);
  });

  it("turns a config group's options into composed candidates", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-group-"));
    mkdirSync(path.join(dir, "llm"));
    writeFileSync(path.join(dir, "llm", "gpt.yaml"), "name: gpt\nmax_tokens: 100\nlabel: ${.name}-${.max_tokens}\n");
    writeFileSync(path.join(dir, "llm", "claude.yaml"), "name: claude\nmax_tokens: 200\nlabel: ${.name}-${.max_tokens}\n");
    const configs = configsFromGroup({ configDir: dir, group: "llm" });
    expect(configs).toEqual([
      { __config_id__: "claude", name: "claude", max_tokens: 200, label: "claude-200" },
      { __config_id__: "gpt", name: "gpt", max_tokens: 100, label: "gpt-100" },
    ]);
  });
});
