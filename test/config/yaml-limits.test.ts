import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/config/yaml.js";
import { MAX_YAML_DEPTH, readYamlText } from "../../src/config/yaml-limits.js";
import { ConfigParseError } from "../../src/errors.js";

/** Each level holds nine aliases of the one before: 9^10 nodes if expanded. */
function billionLaughs(levels = 10): string {
  let text = "l0: &l0 [x, x, x, x, x, x, x, x, x]\n";
  for (let i = 1; i < levels; i++) text += `l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(", ")}]\n`;
  return text;
}

describe("YAML bounds", () => {
  it("refuses a billion-laughs document without expanding it", () => {
    expect(() => parseYaml(billionLaughs(), "lol.yaml")).toThrow(ConfigParseError);
    expect(() => parseYaml(billionLaughs(), "lol.yaml")).toThrow(/aliases expand to more than .* nodes at lol\.yaml:\d+:\d+/);
    // merge keys go through the same count
    const merges = "a: &a {x: 1}\n" + Array.from({ length: 9 }, (_, i) => `b${i}: &b${i}\n  <<: ${i === 0 ? "*a" : `[${Array(9).fill(`*b${i - 1}`).join(", ")}]`}\n`).join("");
    expect(() => parseYaml(merges.replace(/\[([^\]]+)\]/g, (_m, s: string) => `{${s.split(", ").map((a, j) => `k${j}: ${a}`).join(", ")}}`), "m.yaml")).toThrow(/aliases expand to more than/);
  });

  it("keeps ordinary aliases", () => {
    expect(JSON.stringify(parseYaml("a: &a {x: 1}\nb: *a\nc:\n  <<: *a\n  y: 2\n"))).toBeDefined();
  });

  it("limits nesting depth with a clear error, in flow and block style", () => {
    const flow = "a: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n";
    expect(() => parseYaml(flow, "deep.yaml")).toThrow(/nested too deeply at deep\.yaml/);
    const block = Array.from({ length: 1000 }, (_, i) => `${"  ".repeat(i)}k${i}:\n`).join("") + `${"  ".repeat(1000)}v: 1\n`;
    expect(() => parseYaml(block, "deepb.yaml")).toThrow(/nested too deeply .* at most 200 levels/);
    const ok = "a: " + "[".repeat(MAX_YAML_DEPTH - 1) + "]".repeat(MAX_YAML_DEPTH - 1) + "\n";
    expect(parseYaml(ok)).toBeDefined();
  });

  it("refuses a NUL byte, naming line and column", () => {
    expect(() => parseYaml("a: 1\nb: x\0y\n", "nul.yaml")).toThrow(/nul\.yaml:2:5: a NUL character/);
  });

  it("refuses a file larger than the limit before reading it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-big-"));
    const file = path.join(dir, "big.yaml");
    writeFileSync(file, "a: 1\n".repeat(1000));
    const old = process.env.HYDRANT_MAX_YAML_BYTES;
    process.env.HYDRANT_MAX_YAML_BYTES = "1000";
    try {
      expect(() => readYamlText(file)).toThrow(/big\.yaml is 5000 bytes, more than the 1000 bytes/);
    } finally {
      if (old === undefined) delete process.env.HYDRANT_MAX_YAML_BYTES;
      else process.env.HYDRANT_MAX_YAML_BYTES = old;
    }
    expect(readYamlText(file)).toHaveLength(5000);
  });
});
