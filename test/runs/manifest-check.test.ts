import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ManifestError } from "../../src/errors.js";
import { JOURNAL_FILE, MANIFEST_FILE, readManifest } from "../../src/runs/manifest.js";
import { ManifestWriter } from "../../src/runs/manifest-writer.js";

const origin = { cwd: "/x", config_dir: "/x/conf", config_name: "config", overrides: ["a=1,2"], command: ["true"] };

function sweep(): { dir: string; file: string; text: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-mcheck-"));
  const w = ManifestWriter.create({ sweepDir: dir, origin, total: 2, launcher: "basic", jobs: [0, 1].map((num) => ({ num, overrides: [`a=${num + 1}`], status: "pending" as const })) });
  w.close();
  const file = path.join(dir, MANIFEST_FILE);
  return { dir, file, text: readFileSync(file, "utf8") };
}

describe("a damaged experiment.json", () => {
  it("cut short: a clear error naming the file, never a TypeError", () => {
    const { dir, file, text } = sweep();
    for (const cut of [0, 1, 10, Math.floor(text.length / 2), text.length - 3]) {
      writeFileSync(file, text.slice(0, cut));
      expect(() => readManifest(dir)).toThrow(ManifestError);
      expect(() => readManifest(dir)).toThrow(new RegExp(`Cannot read ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: it is not valid JSON`));
    }
  });

  it("hand-edited: names the field", () => {
    const cases: [(m: Record<string, any>) => void, RegExp][] = [
      [(m) => (m.jobs = "x"), /field 'jobs' must be a list/],
      [(m) => (m.jobs[1].status = "done"), /field 'jobs\[1\]\.status' must be one of/],
      [(m) => (m.jobs[0].overrides = [1]), /field 'jobs\[0\]\.overrides' must be a list of strings/],
      [(m) => (m.origin.command = "rm -rf /"), /field 'origin\.command' must be a list of strings/],
      [(m) => delete m.origin, /field 'origin' must be an object/],
      [(m) => (m.total = -1), /field 'total' must be a whole number/],
      [(m) => (m.jobs[0].num = "0"), /field 'jobs\[0\]\.num'/],
    ];
    for (const [edit, message] of cases) {
      const { dir, file, text } = sweep();
      const m = JSON.parse(text) as Record<string, any>;
      edit(m);
      writeFileSync(file, JSON.stringify(m));
      expect(() => readManifest(dir)).toThrow(message);
    }
  });

  it("a journal line that breaks a record is caught as well", () => {
    const { dir } = sweep();
    writeFileSync(path.join(dir, JOURNAL_FILE), JSON.stringify({ seq: 99, num: 0, patch: { status: 7 } }) + "\n", { flag: "a" });
    expect(() => readManifest(dir)).toThrow(/experiment\.journal\.jsonl\): field 'jobs\[0\]\.status'/);
  });
});
