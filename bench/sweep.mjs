// Run-engine benchmarks (not a test): per-job overhead of a 1,000-job sweep of a trivial main() task,
// time to first job for 10 vs 10^5 jobs, expansion of a 10^6-job grid (time, peak RSS vs a 10-job
// grid, separate processes), and the local launcher's speed-up on CPU-bound jobs with 2 workers.
//   node bench/sweep.mjs            (standalone)   or through bench/run.mjs (exports bench())
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { fmt, table } from "./lib.mjs";

/** Hydra 1.3's basic launcher on a trivial job, measured on this machine. */
const HYDRA_MS_PER_JOB = 170;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Bundles the run engine from src so the bench needs neither dist nor a public export of it. */
async function bundleEngine(dir) {
  const outfile = path.join(dir, "engine.mjs");
  const entry = path.join(dir, "entry.ts");
  writeFileSync(entry, `export { main, runApp } from ${JSON.stringify(path.join(root, "src/index.ts"))};\nexport { planSweep } from ${JSON.stringify(path.join(root, "src/runs/plan.ts"))};\nexport { configLocation } from ${JSON.stringify(path.join(root, "src/compose/helpers.ts"))};\n`);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning", absWorkingDir: root, banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }, nodePaths: [path.join(root, "node_modules")] });
  return outfile;
}

function writeApp(dir, engine) {
  mkdirSync(path.join(dir, "conf"), { recursive: true });
  writeFileSync(path.join(dir, "conf/config.yaml"), "x: 0\nspin: 0\nmark: null\n");
  const app = path.join(dir, "app.mjs");
  writeFileSync(app, `import { appendFileSync } from "node:fs";
import { main } from ${JSON.stringify(pathToFileURL(engine).href)};
await main({ configPath: "conf", configName: "config" }, (cfg) => {
  if (cfg.mark) appendFileSync(cfg.mark, String(Date.now()) + "\\n");
  let acc = 0;
  for (let i = 0; i < cfg.spin; i++) acc = (acc + i * i) % 1000003;
  return { acc };
});
`);
  return app;
}

function run(cwd, argv) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd, encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`failed (${r.status}): ${argv.join(" ")}\n${r.stderr}`);
  return { ms, stdout: r.stdout };
}

function perJobOverhead(dir, app) {
  const one = run(dir, [app, "-m", "x=range(1)", `hydra.sweep.dir=${dir}/s1`]).ms;
  const many = run(dir, [app, "-m", "x=range(1000)", `hydra.sweep.dir=${dir}/s1000`]).ms;
  return { oneJobMs: one, thousandJobsMs: many, perJobMs: (many - one) / 999 };
}

/** Every file of a job dir (relative path → bytes), as a sweep wrote it. */
function jobFiles(jobDir, rel = "") {
  const out = [];
  for (const e of readdirSync(path.join(jobDir, rel), { withFileTypes: true })) {
    const p = path.join(rel, e.name);
    if (e.isDirectory()) out.push(...jobFiles(jobDir, p));
    else out.push([p, readFileSync(path.join(jobDir, p))]);
  }
  return out;
}

/**
 * The floor of a main() job: making the same dirs and writing the same bytes a hydrant job writes, 1,000
 * times, in a fresh process (what no sweep engine can avoid); per job.
 */
function filesFloorPerJob(dir, sampleJobDir) {
  const files = jobFiles(sampleJobDir);
  const spec = path.join(dir, "floor-files.json");
  writeFileSync(spec, JSON.stringify(files.map(([p, b]) => [p, b.toString("base64")])));
  const script = path.join(dir, "floor.mjs");
  writeFileSync(script, `import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
const files = JSON.parse(readFileSync(${JSON.stringify(spec)}, "utf8")).map(([p, b]) => [p, Buffer.from(b, "base64")]);
const root = ${JSON.stringify(path.join(dir, "floor-out"))};
const t0 = performance.now();
for (let n = 0; n < 1000; n++) {
  const jobDir = path.join(root, String(n));
  for (const [p, bytes] of files) {
    mkdirSync(path.dirname(path.join(jobDir, p)), { recursive: true });
    writeFileSync(path.join(jobDir, p), bytes);
  }
}
console.log((performance.now() - t0) / 1000);
`);
  return { perJobMs: Number(run(dir, [script]).stdout.trim()), files: files.map(([p]) => p) };
}

/** The floor of a command job: Node's own spawn of the same program and a wait for its exit, 1,000 times. */
function spawnFloorPerJob(dir) {
  const script = path.join(dir, "spawn-floor.mjs");
  writeFileSync(script, `import { spawn } from "node:child_process";
const t0 = performance.now();
for (let n = 0; n < 1000; n++) await new Promise((resolve, reject) => spawn("true", [], { stdio: "ignore" }).on("exit", resolve).on("error", reject));
console.log((performance.now() - t0) / 1000);
`);
  return Number(run(dir, [script]).stdout.trim());
}

/** A command sweep of `true`: hydrant's per-job cost, from the difference of a 1,000- and a 1-job sweep. */
function commandPerJob(dir) {
  const bin = path.join(root, "dist/cli.js");
  const sweep = (n) => run(dir, [bin, "-cd", "conf", "-cn", "config", "-m", `x=range(${n})`, `hydra.sweep.dir=${dir}/cmd-${n}`, "--", "true"]).ms;
  return (sweep(1000) - sweep(1)) / 999;
}

function timeToFirstJob(dir, app, jobs) {
  const mark = path.join(dir, `mark-${jobs}`);
  const t0 = Date.now();
  run(dir, [app, "-m", `x=range(${jobs})`, `mark=${mark}`, `hydra.sweep.dir=${dir}/ttfj-${jobs}`, "--limit", "1"]);
  return Number(readFileSync(mark, "utf8").trim()) - t0;
}

/** Expands a grid in a fresh process: job count, time, peak RSS (sampled while iterating). */
function expansion(dir, engine, overrides) {
  const script = path.join(dir, "expand.mjs");
  writeFileSync(script, `import { planSweep, configLocation } from ${JSON.stringify(pathToFileURL(engine).href)};
globalThis.gc();
const base = process.memoryUsage().rss;
let peak = base;
let peakHeap = process.memoryUsage().heapUsed;
const t0 = performance.now();
const plan = planSweep(configLocation({ configDir: "conf", configName: "config" }), JSON.parse(process.argv[2]));
let n = 0;
for (const job of plan.sweeper.jobs()) {
  if (++n % 10000 === 0) {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }
}
const ms = performance.now() - t0;
peak = Math.max(peak, process.memoryUsage().rss);
globalThis.gc();
// Live heap after a GC: what the expansion really keeps (RSS also counts garbage not yet collected).
const liveMiB = process.memoryUsage().heapUsed / 2 ** 20;
console.log(JSON.stringify({ jobs: n, ms, baseMiB: base / 2 ** 20, peakMiB: peak / 2 ** 20, peakHeapMiB: peakHeap / 2 ** 20, liveMiB }));
`);
  return JSON.parse(run(dir, ["--expose-gc", script, JSON.stringify(overrides)]).stdout);
}

function speedup(dir, app) {
  const spin = 30_000_000;
  const jobs = ["-m", "x=range(8)", `spin=${spin}`];
  const basic = run(dir, [app, ...jobs, `hydra.sweep.dir=${dir}/cpu-basic`]).ms;
  const local = run(dir, [app, ...jobs, `hydra.sweep.dir=${dir}/cpu-local`, "hydra/launcher=local", "hydra.launcher.n_jobs=2"]).ms;
  return { basicMs: basic, local2Ms: local, speedup: basic / local };
}

export async function bench() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-bench-sweep-"));
  try {
    const engine = await bundleEngine(dir);
    const app = writeApp(dir, engine);
    const overhead = perJobOverhead(dir, app);
    const filesFloor = filesFloorPerJob(dir, path.join(dir, "s1000", "0"));
    const spawnFloor = spawnFloorPerJob(dir);
    const commandMs = commandPerJob(dir);
    const ttfj = { jobs10: timeToFirstJob(dir, app, 10), jobs100k: timeToFirstJob(dir, app, 100_000) };
    const grid10 = expansion(dir, engine, ["x=range(10)"]);
    const grid1m = expansion(dir, engine, ["x=range(100)", "+y=range(100)", "+z=range(100)"]);
    const cpu = speedup(dir, app);
    const results = { overhead, filesFloor, spawnFloor, commandMs, ttfj, grid10, grid1m, cpu };
    const text = table([
      ["measure", "value"],
      ["1,000-job sweep (basic launcher), total ms", fmt(overhead.thousandJobsMs, 0)],
      ["per-job overhead, ms (vs a 1-job sweep)", fmt(overhead.perJobMs, 2)],
      ["  x less than Hydra's basic launcher (about 170 ms per trivial job; goal >= 50x)", `${fmt(HYDRA_MS_PER_JOB / overhead.perJobMs, 0)}x`],
      [`  floor: the same dirs and bytes written in a loop (${filesFloor.files.length} files), ms per job`, fmt(filesFloor.perJobMs, 3)],
      ["  main() job x the files floor (goal <= 3x)", `${fmt(overhead.perJobMs / filesFloor.perJobMs, 2)}x`],
      ["command job (-- true), ms per job / Node's spawn + wait of true, ms", `${fmt(commandMs, 2)} / ${fmt(spawnFloor, 2)}`],
      ["  command job x the spawn floor (goal <= 1.5x)", `${fmt(commandMs / spawnFloor, 2)}x`],
      ["time to first job, 10 jobs, ms", fmt(ttfj.jobs10, 0)],
      ["time to first job, 10^5 jobs, ms", fmt(ttfj.jobs100k, 0)],
      ["expand 10-job grid: jobs / ms / peak RSS / peak heap / live heap after GC (MiB)", `${grid10.jobs} / ${fmt(grid10.ms, 1)} / ${fmt(grid10.peakMiB)} / ${fmt(grid10.peakHeapMiB)} / ${fmt(grid10.liveMiB)}`],
      ["expand 10^6-job grid: jobs / ms / peak RSS / peak heap / live heap after GC (MiB)", `${grid1m.jobs} / ${fmt(grid1m.ms, 0)} / ${fmt(grid1m.peakMiB)} / ${fmt(grid1m.peakHeapMiB)} / ${fmt(grid1m.liveMiB)}`],
      ["  10^6 vs 10-job grid: peak RSS / live heap after GC (goal: peak within 1.5x)", `${fmt(grid1m.peakMiB / grid10.peakMiB, 2)}x / ${fmt(grid1m.liveMiB / grid10.liveMiB, 2)}x`],
      ["  time to first job, 10^5 vs 10 jobs", `${fmt(ttfj.jobs100k / ttfj.jobs10, 2)}x`],
      ["8 CPU-bound jobs: basic ms / local(2) ms / speed-up", `${fmt(cpu.basicMs, 0)} / ${fmt(cpu.local2Ms, 0)} / ${fmt(cpu.speedup, 2)}x`],
    ]);
    return { text, results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { text } = await bench();
  console.log(text);
}
