import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonSafe, type JobRecord } from "../../src/runs/manifest.js";
import { writeSnapshot } from "../../src/runs/snapshot.js";

const head = { version: 1 as const, sweep_dir: "/s", created_at: "t0", updated_at: "t1", status: "running" as const, launcher: "basic", total: 3, origin: { cwd: "/", overrides: [] }, seq: 7 };

const record = fc.record({
  num: fc.nat(1000),
  overrides: fc.array(fc.string({ unit: "binary" }), { maxLength: 3 }),
  status: fc.constantFrom("pending", "running", "completed", "failed", "interrupted" as const),
  result: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
}) as fc.Arbitrary<JobRecord>;

describe("writeSnapshot", () => {
  it("streams byte for byte what JSON.stringify(manifest, jsonSafe, 1) prints", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-snapshot-"));
    const file = path.join(dir, "experiment.json");
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (jobs) => {
        const bytes = writeSnapshot(file, head, jobs);
        const expected = JSON.stringify({ ...head, jobs }, jsonSafe, 1) + "\n";
        const text = readFileSync(file, "utf8");
        expect(text).toBe(expected);
        expect(bytes).toBe(Buffer.byteLength(expected));
      }),
      { numRuns: 100 },
    );
  });
});
