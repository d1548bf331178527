import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

// The policy acts on the whole process's V8 heap, so each case runs in a fresh node process: the
// policy's module bundled with a script that makes objects survive scavenges (what grows V8's young
// generation) and reports the young generation's size after each phase.
const SCRIPT = `
import { getHeapSpaceStatistics } from "node:v8";
import { withLeanHeap, withTaskHeap } from ${JSON.stringify(path.resolve(import.meta.dirname, "../../src/job/heap-policy.ts"))};
const young = () => getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size;
async function churn() {
  for (let r = 0; r < 40; r++) {
    const keep = Array.from({ length: 20000 }, (_, i) => ({ i, s: "v" + i }));
    await new Promise((res) => setImmediate(res));
    keep.length = 0;
  }
}
const sizes = { start: young() };
await withLeanHeap(async () => {
  await churn();
  sizes.sweep = young();
  if (process.argv[2] === "task") {
    await withTaskHeap(churn);
    sizes.task = young();
  }
});
if (process.argv[2] === "after") {
  await churn();
  sizes.after = young();
}
console.log(JSON.stringify(sizes));
`;

let script = "";
beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-heap-policy-"));
  writeFileSync(path.join(dir, "entry.mjs"), SCRIPT);
  script = path.join(dir, "script.mjs");
  await build({ entryPoints: [path.join(dir, "entry.mjs")], outfile: script, bundle: true, platform: "node", format: "esm", logLevel: "warning" });
});

const MiB = 2 ** 20;
// V8's young generation starts at 1-2 MiB here and, by default, doubles up to 32 MiB under this churn.
const LEAN_MAX = 4 * MiB;
const GROWN = 16 * MiB;

function run(mode: string, o: { env?: Record<string, string>; execArgv?: string[] } = {}): Record<string, number> {
  const out = execFileSync(process.execPath, [...(o.execArgv ?? []), script, mode], { encoding: "utf8", env: { ...process.env, ...o.env }, timeout: 60_000 });
  return JSON.parse(out) as Record<string, number>;
}

describe("the sweep's heap policy", { timeout: 60_000 }, () => {
  it("keeps V8's young generation small while a sweep runs, and lets it grow again after", () => {
    const s = run("after");
    expect(s.sweep).toBeLessThanOrEqual(LEAN_MAX);
    expect(s.after).toBeGreaterThanOrEqual(GROWN);
  });

  it("runs a task function under V8's defaults", () => {
    const s = run("task");
    expect(s.sweep).toBeLessThanOrEqual(LEAN_MAX);
    expect(s.task).toBeGreaterThanOrEqual(GROWN);
  });

  it("is off with HYDRANT_LEAN_HEAP=0", () => {
    const s = run("none", { env: { HYDRANT_LEAN_HEAP: "0" } });
    expect(s.sweep).toBeGreaterThanOrEqual(GROWN);
  });

  it("leaves a process started with heap-sizing flags of its own as the user chose", () => {
    const s = run("none", { execArgv: ["--max-semi-space-size=8"] });
    expect(s.sweep).toBeGreaterThanOrEqual(GROWN);
  });
});
