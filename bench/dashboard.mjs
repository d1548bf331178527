// Dashboard benchmark (not a test): a synthetic 10,000-job sweep (manifest written by the run engine's
// own ManifestWriter, one job dir each with .hydra/config.yaml and a 20-step metrics.jsonl), served by
// `startDashboard` and opened in headless Chromium (Debian's /usr/bin/chromium). Reports the page's
// size, the server's answer time and, from the page's own performance marks (ms since navigation
// start), when the jobs table and each plot were drawn; plus the size of the HTML report.
//   npm run build && node bench/dashboard.mjs [JOBS]
import { gzipSync } from "node:zlib";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { fmt, median, table } from "./lib.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** The writer and the dashboard from src (the dashboard reads the built page from dist/dashboard/). */
async function bundle(dir) {
  const entry = path.join(dir, "entry.ts");
  writeFileSync(entry, `export { ManifestWriter } from ${JSON.stringify(path.join(root, "src/runs/manifest.ts"))};\nexport { startDashboard, writeHtmlReport } from ${JSON.stringify(path.join(root, "src/dashboard/index.ts"))};\n`);
  const outfile = path.join(root, "bench", ".dashboard-engine.mjs");
  await build({ entryPoints: [entry], outfile, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning", absWorkingDir: root, banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }, nodePaths: [path.join(root, "node_modules")] });
  return import(pathToFileURL(outfile).href);
}

const LRS = [1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1];
const BATCHES = [16, 32, 64, 128, 256];
const OPTIMIZERS = ["sgd", "adam", "adamw", "rmsprop"];

/** lr × batch × optimizer × seed: 200 jobs per seed. */
function jobsOf(n) {
  const jobs = [];
  for (let num = 0; num < n; num++) {
    const lr = LRS[num % 10], batch = BATCHES[Math.floor(num / 10) % 5], opt = OPTIMIZERS[Math.floor(num / 50) % 4], seed = Math.floor(num / 200);
    const acc = 0.97 - 0.05 * Math.abs(Math.log10(lr) + 2.5) / 2.5 - 0.01 * Math.log2(batch / 16) / 4 + (opt === "sgd" ? -0.02 : 0) + ((num * 7919) % 100) / 5000;
    jobs.push({ num, lr, batch, opt, seed, acc });
  }
  return jobs;
}

export function makeSweep(ManifestWriter, dir, n) {
  const writer = ManifestWriter.create({ sweepDir: dir, origin: { cwd: dir, overrides: ["lr=...", "batch_size=...", "optimizer=...", "seed=range(0,50)"] }, total: n, launcher: "local" });
  const t0 = Date.parse("2026-12-01T10:00:00Z");
  for (const j of jobsOf(n)) {
    const jobDir = path.join(dir, String(j.num));
    mkdirSync(path.join(jobDir, ".hydra"), { recursive: true });
    writeFileSync(path.join(jobDir, ".hydra", "config.yaml"), `optimizer:\n  name: ${j.opt}\n  lr: ${j.lr}\nbatch_size: ${j.batch}\nseed: ${j.seed}\n`);
    writeFileSync(path.join(jobDir, "metrics.jsonl"), Array.from({ length: 20 }, (_, e) => JSON.stringify({ epoch: e + 1, test_accuracy: j.acc * (1 - Math.exp(-(e + 1) / 4)), test_loss: 1 - j.acc * (1 - Math.exp(-(e + 1) / 4)) })).join("\n") + "\n");
    const status = j.num % 97 === 0 ? "failed" : j.num >= n - 20 ? "pending" : j.num >= n - 28 ? "running" : "completed";
    const startedAt = new Date(t0 + j.num * 1000).toISOString();
    const rec = { num: j.num, overrides: [`lr=${j.lr}`, `batch_size=${j.batch}`, `optimizer=${j.opt}`, `seed=${j.seed}`], status, jobDir };
    if (status !== "pending") Object.assign(rec, { startedAt, attempts: 1 });
    if (status === "completed") Object.assign(rec, { endedAt: new Date(t0 + j.num * 1000 + 900).toISOString(), durationMs: 900, result: { test_accuracy: j.acc, test_loss: 1 - j.acc, epochs: 20 } });
    if (status === "failed") Object.assign(rec, { endedAt: startedAt, durationMs: 10, exitCode: 1, error: "exit code 1" });
    writer.replace(rec);
  }
  writer.close();
}

async function measurePage(url, runs) {
  const profile = mkdtempSync(path.join(os.tmpdir(), "hydrant-bench-chromium-"));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 860 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const out = { jobs: [], plotsFirst: [], plots: [], parallel: [], dots: 0, lines: 0 };
  try {
    const page = await ctx.newPage();
    for (let i = 0; i <= runs; i++) {
      await page.goto("about:blank");
      await page.goto(url);
      await page.waitForSelector(".tr[data-num]");
      const jobs = await page.evaluate(() => performance.getEntriesByName("hydrant:jobs")[0].startTime);
      /** From the click to the mark the page sets when the tab is drawn (`last`: its last plot). */
      const tab = async (name, selector, last = name) => {
        const t = await page.evaluate(() => (performance.clearMarks(), performance.now()));
        await page.click(`a[data-tab="${name}"]`);
        await page.waitForSelector(selector);
        await page.waitForFunction((n) => performance.getEntriesByName(`hydrant:${n}`).length > 0, last);
        const mark = (n) => page.evaluate((m) => performance.getEntriesByName(`hydrant:${m}`)[0].startTime, n);
        return { first: (await mark(name)) - t, all: (await mark(last)) - t };
      };
      const plots = await tab("plots", 'figure[data-chart="metric"]', "plots:all");
      out.dots = await page.$$eval('figure[data-chart="metric"] g[aria-label="dot"] circle', (c) => c.length);
      const parallel = await tab("parallel", 'figure[data-chart="parallel"]');
      out.lines = await page.$$eval('figure[data-chart="parallel"] g[aria-label="line"] path', (c) => c.length);
      if (i === 0) continue; // warm-up: file cache, compile
      out.jobs.push(jobs);
      out.plotsFirst.push(plots.first);
      out.plots.push(plots.all);
      out.parallel.push(parallel.all);
    }
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return out;
}

export async function bench(n = 10_000, runs = 5) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "hydrant-bench-dash-"));
  try {
    const { ManifestWriter, startDashboard, writeHtmlReport } = await bundle(tmp);
    const sweepDir = path.join(tmp, "multirun", "2026-12-01", "10-00-00");
    let t = performance.now();
    makeSweep(ManifestWriter, sweepDir, n);
    const genMs = performance.now() - t;
    const dash = await startDashboard({ cwd: tmp });
    try {
      const [{ id }] = await (await fetch(`${dash.url}api/sweeps`)).json();
      const apiMs = [];
      let apiBytes = 0;
      for (let i = 0; i < 5; i++) {
        t = performance.now();
        apiBytes = (await (await fetch(`${dash.url}api/sweeps/${id}`)).arrayBuffer()).byteLength;
        apiMs.push(performance.now() - t);
      }
      const page = await measurePage(`${dash.url}#/sweep/${id}`, runs);
      const asset = readFileSync(path.join(root, "dist/dashboard/app.js"));
      const reportFile = path.join(tmp, "report.html");
      t = performance.now();
      writeHtmlReport([sweepDir], reportFile, { cwd: tmp });
      const reportMs = performance.now() - t;
      const reportBytes = statSync(reportFile).size;
      const results = {
        jobs: n,
        assetBytes: asset.length, assetGzipBytes: gzipSync(asset).length,
        apiSweepMs: median(apiMs), apiSweepBytes: apiBytes,
        pageJobsTableMs: median(page.jobs), pageFirstPlotMs: median(page.plotsFirst), pagePlotsMs: median(page.plots), pageParallelMs: median(page.parallel),
        dotsDrawn: page.dots, parallelLines: page.lines,
        reportBytes, reportMs, generateMs: genMs,
      };
      const text = table([["what", "value"],
        ["jobs in the sweep", String(n)],
        ["page script (dist/dashboard/app.js)", `${fmt(asset.length / 1024)} KiB (${fmt(results.assetGzipBytes / 1024)} KiB gzipped)`],
        ["server: GET /api/sweeps/ID (median of 5)", `${fmt(results.apiSweepMs)} ms, ${fmt(apiBytes / 1024)} KiB`],
        ["page: jobs table drawn, from navigation start", `${fmt(results.pageJobsTableMs)} ms (median of ${runs})`],
        ["page: first metric-vs-parameter plot drawn, from the click", `${fmt(results.pageFirstPlotMs)} ms`],
        ["page: all 4 metric-vs-parameter plots drawn, from the click", `${fmt(results.pagePlotsMs)} ms (${page.dots} dots)`],
        ["page: parallel coordinates drawn, from the click", `${fmt(results.pageParallelMs)} ms (${page.lines} lines)`],
        ["results --html: report file", `${fmt(reportBytes / 1024 / 1024, 2)} MiB, written in ${fmt(reportMs)} ms`],
      ]);
      return { text, results };
    } finally {
      await dash.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(path.join(root, "bench", ".dashboard-engine.mjs"), { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await bench(Number(process.argv[2] ?? 10_000));
  console.log(r.text);
}
