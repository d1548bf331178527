// The recorded Hydra sweep cases, through iterateSweepJobs (the `--multirun --cfg job` path).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { toPlainUnresolved } from "../../src/config/node.js";
import { iterateSweepJobs } from "../../src/runs/plan.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../conformance/hydra");

interface SweepCase {
  id: string;
  kind: string;
  tree: string;
  config_name: string | null;
  overrides: string[];
  resolve: boolean;
  expect: { jobs?: { overrides: string[]; config: unknown }[]; error?: { type: string; message: string } };
}

// Cases whose rule is not implemented yet must still fail (test/conformance/known-failures.json).
const known_ = JSON.parse(readFileSync(path.join(root, "../known-failures.json"), "utf8"));
const known = new Set(Object.keys(known_.cases));
// Cases only the in-process harnesses cannot reproduce (the CLI passes them): either outcome is accepted.
const harnessOnly = new Set(Object.keys(known_.inProcess));

// Python's json writes bare Infinity/NaN; none of the sweep cases needs them, so skip such lines.
const cases = readFileSync(path.join(root, "cases.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.includes('"kind":"sweep"') || l.includes('"kind": "sweep"'))
  .flatMap((l) => {
    try {
      return [JSON.parse(l) as SweepCase];
    } catch {
      return [];
    }
  });

describe("conformance sweep cases", () => {
  it("has cases", () => expect(cases.length).toBeGreaterThan(20));

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const run = () =>
      [...iterateSweepJobs({ configDir: path.join(root, c.tree), configName: c.config_name ?? undefined, overrides: c.overrides, resolve: c.resolve })].map((j) => ({
        overrides: j.overrides,
        config: toPlainUnresolved(j.config),
      }));
    const check = () => {
      if (c.expect.error) {
        expect(run).toThrow();
        return;
      }
      const jobs = run();
      expect(jobs).toEqual(c.expect.jobs);
      // Key order matters too (what --cfg job prints).
      expect(JSON.stringify(jobs)).toBe(JSON.stringify(c.expect.jobs));
    };
    if (harnessOnly.has(c.id)) return;
    if (known.has(c.id)) expect(check, "passes now: remove it from test/conformance/known-failures.json").toThrow();
    else check();
  });
});
