import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JOURNAL_FILE, MANIFEST_FILE, readManifest } from "../../src/runs/manifest.js";
import { eachJobRecord } from "../../src/runs/manifest-stream.js";
import { ManifestWriter } from "../../src/runs/manifest-writer.js";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "hydrant-stream-"));
const origin = { cwd: "/x", overrides: ["a=1,2"] };

function sweep(dir: string, n: number): void {
  const w = ManifestWriter.create({ sweepDir: dir, origin, total: n + 1, launcher: "basic" });
  for (let num = 0; num < n; num++) {
    w.replace({ num, overrides: [`a=${num}`, "name=日本語\u{1F600}".repeat(num % 3)], status: "running" });
    w.update(num, { status: num % 4 === 0 ? "failed" : "completed", result: { loss: 1 / (num + 1), nested: { text: "x\ny" } } });
  }
  w.close();
}

describe("eachJobRecord", () => {
  it("yields what readManifest reads, one record at a time", () => {
    const dir = tmp();
    sweep(dir, 3000);
    expect([...eachJobRecord(dir)]).toEqual(readManifest(dir).jobs);
  });

  it("reads a sweep without jobs", () => {
    const dir = tmp();
    sweep(dir, 0);
    expect([...eachJobRecord(dir)]).toEqual([]);
  });

  it("replays the journal when it holds changes the snapshot does not (a crash, a running sweep)", () => {
    const dir = tmp();
    sweep(dir, 2);
    appendFileSync(path.join(dir, JOURNAL_FILE), JSON.stringify({ seq: 10_000, num: 1, patch: { status: "failed" } }) + "\n");
    expect([...eachJobRecord(dir)].map((j) => j.status)).toEqual(["failed", "failed"]);
  });

  it("reads a manifest in another layout (written by hand, or by an older hydrant) whole", () => {
    const dir = tmp();
    const m = { version: 1, sweep_dir: dir, created_at: "t", updated_at: "t", status: "completed", launcher: "basic", total: 1, origin, seq: 0, jobs: [{ num: 0, overrides: [], status: "completed" }] };
    writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(m));
    expect([...eachJobRecord(dir)]).toEqual(m.jobs);
  });

  it("says which dir has no manifest", () => {
    expect(() => [...eachJobRecord(tmp())]).toThrow(/No sweep manifest/);
  });
});
