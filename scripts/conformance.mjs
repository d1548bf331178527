#!/usr/bin/env node
// Runs the vendored Hydra corpus through the built bin with --exact, and holds the result against
// test/conformance/known-failures.json: the few recorded cases whose rule hydrant does not implement
// yet, each with the rule it needs. Any other failure fails, and so does a listed case that now
// passes (take it off the list), so the list can only shrink and never hides a regression.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), "..");
const known = new Map(Object.entries(JSON.parse(readFileSync(path.join(root, "test/conformance/known-failures.json"), "utf8")).cases));
const tmp = mkdtempSync(path.join(os.tmpdir(), "hydrant-conformance-"));
const json = path.join(tmp, "results.json");
const args = ["test/conformance/hydra/run.mjs", "--cmd", "node dist/cli.js", "--exact", "--json", json, ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
if (run.error) throw run.error;
const raw = JSON.parse(readFileSync(json, "utf8"));
rmSync(tmp, { recursive: true, force: true });
const results = Array.isArray(raw) ? raw : raw.results;
const unexpected = results.filter((r) => !r.ok && !known.has(r.id));
const fixed = results.filter((r) => r.ok && known.has(r.id));
for (const r of unexpected) console.error(`FAILED (not a known failure): ${r.id}: ${r.why}`);
for (const r of fixed) console.error(`PASSES now, remove it from test/conformance/known-failures.json: ${r.id}`);
const knownFailing = results.filter((r) => !r.ok && known.has(r.id)).length;
console.log(`conformance: ${results.length - knownFailing - unexpected.length}/${results.length} pass; ${knownFailing} known failures (test/conformance/known-failures.json)`);
process.exit(unexpected.length || fixed.length ? 1 : 0);
