// Sweep memory (not a test): peak RSS of a real sweep of 1,000 jobs and of a big one (100,000 by default;
// BENCH_MEMORY_JOBS=20000 for a quicker look), for a main() task and for a `-- true` command, each in a
// fresh process; the goal is the big sweep within 1.25x of the small one.
//   npm run build && node bench/memory.mjs      (standalone)   or through bench/run.mjs (exports bench())
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fmt, table } from "./lib.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIG = Number(process.env.BENCH_MEMORY_JOBS ?? 100_000);
const SMALL = 1000;

/** Loaded with `--import` into the measured process: its peak RSS (MiB) goes to $PEAK_RSS_FILE at exit. */
function writeReporter(dir) {
  const file = path.join(dir, "report-peak.mjs");
  writeFileSync(file, `import { writeFileSync } from "node:fs";
process.on("exit", () => writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS / 1024)));
`);
  return file;
}

function writeApp(dir) {
  mkdirSync(path.join(dir, "conf"), { recursive: true });
  writeFileSync(path.join(dir, "conf/config.yaml"), "x: 0\nlr: 0.1\nmodel:\n  name: mlp\n  layers: [64, 64]\n");
  const app = path.join(dir, "app.mjs");
  writeFileSync(app, `import { main } from ${JSON.stringify(pathToFileURL(path.join(root, "dist/index.mjs")).href)};
await main({ configPath: "conf", configName: "config" }, (cfg) => ({ loss: 1 / (cfg.x + 1) }));
`);
  return app;
}

/** Peak RSS (MiB) and wall time of one sweep in a fresh process. */
function sweep(dir, reporter, argv, jobs, name) {
  const peakFile = path.join(dir, `peak-${name}-${jobs}`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", pathToFileURL(reporter).href, ...argv(jobs, path.join(dir, `${name}-${jobs}`))], {
    cwd: dir,
    env: { ...process.env, PEAK_RSS_FILE: peakFile },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`${name} sweep of ${jobs} jobs failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  rmSync(path.join(dir, `${name}-${jobs}`), { recursive: true, force: true });
  return { peakMiB: Number(readFileSync(peakFile, "utf8")), ms: performance.now() - t0 };
}

export async function bench() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-bench-memory-"));
  try {
    const reporter = writeReporter(dir);
    const app = writeApp(dir);
    const kinds = {
      "main()": (n, out) => [app, "-m", `x=range(${n})`, `hydra.sweep.dir=${out}`],
      "-- true": (n, out) => [path.join(root, "dist/cli.js"), "-cd", "conf", "-cn", "config", "-m", `x=range(${n})`, `hydra.sweep.dir=${out}`, "--", "true"],
    };
    const results = {};
    const rows = [["sweep", `${SMALL} jobs: peak RSS MiB`, `${BIG} jobs: peak RSS MiB`, "ratio (goal <= 1.25x)", `${BIG} jobs: s`]];
    for (const [name, argv] of Object.entries(kinds)) {
      const small = sweep(dir, reporter, argv, SMALL, name.replace(/\W/g, ""));
      const big = sweep(dir, reporter, argv, BIG, name.replace(/\W/g, ""));
      results[name] = { small, big, ratio: big.peakMiB / small.peakMiB };
      rows.push([name, fmt(small.peakMiB), fmt(big.peakMiB), `${fmt(big.peakMiB / small.peakMiB, 2)}x`, fmt(big.ms / 1000, 0)]);
    }
    return { text: table(rows), results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { text } = await bench();
  console.log(text);
}
