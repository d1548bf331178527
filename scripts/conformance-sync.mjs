// The recorded Hydra corpus and the bench trees live in the workspace's shared folder (../shared);
// the repository carries verbatim copies so that a fresh clone tests with nothing beside it.
//
//   node scripts/conformance-sync.mjs           copy ../shared into the repository (npm run conformance:sync)
//   node scripts/conformance-sync.mjs --check   fail when ../shared exists and differs from the copies
//
// Run the check (npm run conformance:check) in the workspace after ../shared changes: a corpus that grew there must be synced.
// It is not part of `npm test`, which reads nothing outside the repository.
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const shared = path.resolve(root, "../shared");
const COPIES = [
  { from: path.join(shared, "conformance"), to: path.join(root, "test/conformance/hydra") },
  { from: path.join(shared, "bench/trees"), to: path.join(root, "bench/trees") },
];

/** Every file below `dir`, as sorted relative paths. */
function files(dir, rel = "") {
  if (!existsSync(dir)) return [];
  return readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(dir, path.join(rel, e.name)) : [path.join(rel, e.name)]))
    .sort();
}

/** What differs between the shared folder and its copy, as lines for the user ([] when equal). */
function differences(from, to) {
  const a = files(from);
  const b = files(to);
  const inB = new Set(b);
  const out = [];
  for (const f of a) {
    if (!inB.has(f)) out.push(`missing in the copy: ${f}`);
    else if (!readFileSync(path.join(from, f)).equals(readFileSync(path.join(to, f)))) out.push(`differs: ${f}`);
  }
  const inA = new Set(a);
  for (const f of b) if (!inA.has(f)) out.push(`only in the copy: ${f}`);
  return out;
}

/** Copies are made writable: the shared folder may be read-only, the working tree must not be. */
function makeWritable(dir) {
  for (const f of files(dir)) chmodSync(path.join(dir, f), 0o644);
  const dirs = (d) => [d, ...readdirSync(d, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => dirs(path.join(d, e.name)))];
  for (const d of dirs(dir)) chmodSync(d, 0o755);
}

if (process.argv.includes("--check")) {
  let stale = false;
  for (const { from, to } of COPIES) {
    if (!existsSync(to) || files(to).length === 0) {
      console.error(`${path.relative(root, to)} is missing: it is part of the repository (restore it with git, or run npm run conformance:sync beside ../shared).`);
      stale = true;
      continue;
    }
    if (!existsSync(from)) continue; // a clone outside the workspace: the vendored copy is the corpus
    const diff = differences(from, to);
    if (diff.length > 0) {
      stale = true;
      console.error(`${path.relative(root, to)} differs from ${from} (${diff.length} files): run npm run conformance:sync and commit.`);
      for (const line of diff.slice(0, 10)) console.error(`  ${line}`);
    }
  }
  if (stale) process.exit(1);
  console.log("vendored conformance corpus and bench trees: up to date");
} else {
  for (const { from, to } of COPIES) {
    if (!existsSync(from) || !statSync(from).isDirectory()) {
      console.error(`${from} not found: nothing to sync from.`);
      process.exit(1);
    }
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true });
    makeWritable(to);
    console.log(`${path.relative(root, to)}: ${files(to).length} files from ${from}`);
  }
}
