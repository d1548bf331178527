// Composition scaling (not a test): is compose time linear in the size of the tree?
// Two generated series, written to a temporary dir from the vendored trees so every run measures the same
// inputs:
// - wide: the `large` tree's shape with 10, 20, 40, 80, 160 groups. Group gNN is a copy of large's
//   g(NN mod 40) (8 options of ~80 lines each, interpolations included), and every tenth group also
//   has the `sub` group mounted at gNN_sub, as in `large`.
// - deep: the `deep` tree's experiment chain with 5, 10, 20, 40, 80 levels: eK lists e(K-1) first and
//   overrides /model and /optimizer, as deep's e1…e9 do; composed with +experiment=e(L-1).
// Reports ms per compose, and ms per group (per level), and the ratio of the largest to the smallest.
//   npm run build && node bench/scaling.mjs
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fmt, table, timeInProcess } from "./lib.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TREES = path.join(root, "bench/trees");
const WIDTHS = [10, 20, 40, 80, 160];
const DEPTHS = [5, 10, 20, 40, 80];

const pad = (n) => String(n).padStart(n >= 100 ? 3 : 2, "0");

function wideTree(dir, groups) {
  const defaults = [];
  for (let i = 0; i < groups; i++) {
    const name = `g${pad(i)}`;
    const source = path.join(TREES, "large", `g${String(i % 40).padStart(2, "0")}`);
    cpSync(source, path.join(dir, name), { recursive: true });
    defaults.push(`  - ${name}: o0`);
    if (i % 10 === 0) {
      if (!readdirSync(path.join(dir, name)).includes("sub")) cpSync(path.join(TREES, "large/g00/sub"), path.join(dir, name, "sub"), { recursive: true });
      defaults.push(`  - ${name}/sub@${name}_sub: s0`);
    }
  }
  writeFileSync(path.join(dir, "config.yaml"), `defaults:\n${defaults.join("\n")}\n  - _self_\n\ntop:\n  k0: 0\n  k1: 1\n`);
}

function deepTree(dir, levels) {
  for (const group of ["model", "optimizer"]) cpSync(path.join(TREES, "deep", group), path.join(dir, group), { recursive: true });
  cpSync(path.join(TREES, "deep/config.yaml"), path.join(dir, "config.yaml"));
  mkdirSync(path.join(dir, "experiment"));
  for (let k = 0; k < levels; k++) {
    const parent = k === 0 ? "" : `  - e${k - 1}\n`;
    const body = `# @package _global_\ndefaults:\n${parent}  - override /model: m${k % 4}\n  - override /optimizer: o${k % 4}\n\nlevel: e${k}\nlevels_${k}: ${k}\n`;
    writeFileSync(path.join(dir, "experiment", `e${k}.yaml`), body);
  }
}

function series(compose, tmp, kind, sizes, make, overridesOf) {
  const rows = [];
  for (const n of sizes) {
    const dir = path.join(tmp, `${kind}-${n}`);
    mkdirSync(dir);
    make(dir, n);
    const ms = timeInProcess(() => compose({ configDir: dir, configName: "config", overrides: overridesOf(n) }), 300);
    rows.push({ n, ms, perUnit: ms / n });
  }
  return { rows, ratio: rows.at(-1).perUnit / rows[0].perUnit };
}

/** Runs both series; `results` holds the per-unit times and the largest/smallest ratio (goal <= 1.3). */
export async function bench() {
  const { compose } = await import(path.join(root, "dist/index.mjs"));
  const tmp = mkdtempSync(path.join(os.tmpdir(), "hydrant-scaling-"));
  try {
    const wide = series(compose, tmp, "wide", WIDTHS, wideTree, () => []);
    const deep = series(compose, tmp, "deep", DEPTHS, deepTree, (n) => [`+experiment=e${n - 1}`]);
    const rows = [["series", "size", "ms/compose", "ms per unit"]];
    for (const [name, s, unit] of [["wide", wide, "group"], ["deep", deep, "level"]]) {
      for (const r of s.rows) rows.push([`${name} (${unit}s)`, r.n, fmt(r.ms, 3), fmt(r.perUnit, 4)]);
      rows.push([`${name}: largest / smallest per ${unit} (goal <= 1.3)`, "", "", `${fmt(s.ratio, 2)}x`]);
    }
    return { results: { wide, deep }, text: table(rows) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await bench()).text);
