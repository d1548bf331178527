/**
 * Structural checks of the example config tree in conf/ against the Hydra rules it relies on
 * (hydrant itself is not involved: these hold even while the composer is being built).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";

const CONF = join(import.meta.dirname, "../../conf");

function load(rel: string): Record<string, unknown> {
  const doc = parseDocument(readFileSync(join(CONF, rel), "utf8"), { version: "1.1" });
  expect(doc.errors, rel).toEqual([]);
  return doc.toJS() as Record<string, unknown>;
}

function options(group: string): string[] {
  return readdirSync(join(CONF, group))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

type DefaultsEntry = string | Record<string, string>;

describe("conf/", () => {
  it("has the documented groups and options", () => {
    expect(options("model")).toEqual(["logistic", "mlp", "mlp_large"]);
    expect(options("optimizer")).toEqual(["adam", "sgd"]);
    expect(options("dataset")).toEqual(["blobs", "moons", "spirals"]);
    expect(options("training")).toEqual(["default", "fast", "long"]);
    expect(options("experiment")).toEqual([
      "base", "extended", "full_training", "large_batch", "low_memory", "lr_ablation", "quick_test",
    ]);
  });

  it("primary defaults name existing options and end with _self_", () => {
    const defaults = load("config.yaml").defaults as DefaultsEntry[];
    expect(defaults.at(-1)).toBe("_self_");
    for (const entry of defaults.slice(0, -1)) {
      const [group, option] = Object.entries(entry)[0]!;
      expect(options(group)).toContain(option);
    }
  });

  describe.each(options("experiment"))("experiment/%s", (name) => {
    const file = join("experiment", `${name}.yaml`);
    const text = readFileSync(join(CONF, file), "utf8");
    const cfg = load(file);
    const defaults = (cfg.defaults ?? []) as DefaultsEntry[];

    it("is global", () => {
      expect(text.split("\n")[0]).toBe("# @package _global_");
    });

    it("overrides absolute groups with existing options, after all non-overrides", () => {
      let seenOverride = false;
      for (const entry of defaults) {
        if (entry === "_self_") continue;
        const isOverride = typeof entry !== "string" && Object.keys(entry)[0]!.startsWith("override ");
        expect(seenOverride && !isOverride, `${name}: overrides must come last`).toBe(false);
        if (!isOverride) {
          // a same-group parent experiment (experiment hierarchy)
          expect(options("experiment")).toContain(typeof entry === "string" ? entry : "");
          continue;
        }
        seenOverride = true;
        const [key, option] = Object.entries(entry)[0]!;
        const group = key.slice("override ".length);
        expect(group.startsWith("/"), `${name}: '${key}' must be absolute`).toBe(true);
        expect(options(group.slice(1))).toContain(option);
      }
    });

    it("carries tags and a description", () => {
      expect(Array.isArray(cfg.tags)).toBe(true);
      expect(typeof (cfg.metadata as { description?: unknown }).description).toBe("string");
    });
  });

  it("lr_ablation declares its sweep as a string of choices", () => {
    const cfg = load("experiment/lr_ablation.yaml") as { hydra: { sweeper: { params: Record<string, unknown> } } };
    expect(cfg.hydra.sweeper.params).toEqual({ "optimizer.learning_rate": "0.001,0.01,0.1" });
  });
});
