/**
 * The recorded Hydra corpus through the built bin, byte for byte (`--exact`), one test per case.
 * The vendored runner (test/conformance/hydra/run.mjs, Hydra's own judge of the corpus) runs every
 * case once, its pool of CLI processes in parallel, before the tests; each test then reports its case.
 *
 * test/conformance/known-failures.json lists the cases whose rule hydrant does not implement yet:
 * they must still fail (take a case off the list when it passes), every other case must pass.
 * `HYDRANT_CASES=substring` narrows the run. Needs `npm run build` first (`npm test` does it).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CORPUS = path.join(ROOT, "test/conformance/hydra");
const FILTER = process.env.HYDRANT_CASES ?? "";
const KNOWN = new Set(Object.keys(JSON.parse(readFileSync(path.join(ROOT, "test/conformance/known-failures.json"), "utf8")).cases));

/** The case ids, in the corpus's order (each line starts with its id; a line may hold bare NaN, which JSON cannot read). */
const IDS = readFileSync(path.join(CORPUS, "cases.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => /^\{"id": "([^"]+)"/.exec(l)?.[1] ?? `unreadable case line: ${l.slice(0, 60)}`)
  .filter((id) => id.includes(FILTER));

interface CaseResult {
  id: string;
  ok: boolean;
  why?: string;
  shown?: string;
}

/** Runs the whole (filtered) corpus once; resolves with each case's result by id. */
function runCorpus(json: string): Promise<Map<string, CaseResult>> {
  const args = [path.join(CORPUS, "run.mjs"), "--cmd", "node dist/cli.js", "--exact", "--json", json, "--filter", FILTER];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    // Exit 1 means some case failed: the tests below say which. Anything else is the runner's own failure.
    child.on("close", (code) => {
      if (code !== 0 && code !== 1) return reject(new Error(`the conformance runner exited ${code}: ${stderr.trim()}`));
      const results = JSON.parse(readFileSync(json, "utf8")) as CaseResult[];
      resolve(new Map(results.map((r) => [r.id, r])));
    });
  });
}

describe("Hydra conformance through the bin (--exact)", () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "hydrant-conformance-"));
  let results: Map<string, CaseResult>;

  beforeAll(async () => {
    results = await runCorpus(path.join(tmp, "results.json"));
  }, 1_800_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("has the corpus", () => {
    expect(IDS.length).toBeGreaterThan(FILTER ? 0 : 1000);
    expect(IDS.filter((id) => id.startsWith("unreadable"))).toEqual([]);
  });

  it.each(IDS)("%s", (id) => {
    const r = results.get(id);
    expect(r, "the runner reported nothing for this case").toBeDefined();
    if (KNOWN.has(id)) {
      expect(r!.ok, "passes now: take it off test/conformance/known-failures.json").toBe(false);
      return;
    }
    expect(r!.ok, `${r!.why}\n${r!.shown ?? ""}`).toBe(true);
  });
});
