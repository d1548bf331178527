// Takes the README's dashboard screenshots (docs/dashboard-*.png): two sweeps of the example app, served
// by the built `startDashboard` and shot in headless Chromium (Debian's /usr/bin/chromium).
//   npm run build && node scripts/dashboard-screenshots.mjs
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "docs");
const cwd = mkdtempSync(path.join(os.tmpdir(), "hydrant-shots-"));
const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
const train = (args) => {
  const r = spawnSync(process.execPath, [tsx, path.join(root, "examples/train.ts"), ...args, "--multirun"], { cwd, stdio: "ignore" });
  if (r.status !== 0) throw new Error(`sweep failed: ${args.join(" ")}`);
};
train(["+experiment=lr_ablation", "seed=0,1,2"]);
await new Promise((r) => setTimeout(r, 1100)); // the next sweep gets its own dir (names are per second)
train(["optimizer=adam", "training=fast", "optimizer.learning_rate=0.001,0.01,0.1", "seed=0,1,2"]);

const { startDashboard } = await import(path.join(root, "dist/index.mjs"));
const dash = await startDashboard({ cwd });
const profile = mkdtempSync(path.join(os.tmpdir(), "hydrant-shots-chromium-"));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, viewport: { width: 1100, height: 640 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  mkdirSync(out, { recursive: true });
  const page = await ctx.newPage();
  const shot = (name) => page.screenshot({ path: path.join(out, `dashboard-${name}.png`) });
  await page.goto(dash.url);
  await page.waitForSelector("table.sweeps tr[data-sweep]");
  const ids = await page.$$eval("table.sweeps tr[data-sweep]", (rows) => rows.map((r) => r.dataset.sweep));
  await shot("list");
  await page.goto(`${dash.url}#/sweep/${ids[1]}/jobs`);
  await page.waitForSelector(".tr[data-num]");
  await shot("jobs");
  await page.click('.tr[data-num="4"]');
  await page.waitForSelector("pre.code");
  await shot("job");
  for (const [tab, selector] of [["plots", 'figure[data-chart="metric"]'], ["parallel", 'figure[data-chart="parallel"]'], ["time", 'figure[data-chart="time"]']]) {
    await page.goto(`${dash.url}#/sweep/${ids[1]}/${tab}`);
    await page.waitForSelector(selector);
    await shot(tab);
  }
  await page.goto(`${dash.url}#/compare/${ids[1]}/${ids[0]}`);
  await page.waitForSelector('.column figure[data-chart="metric"]');
  await shot("compare");
} finally {
  await ctx.close();
  await dash.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(cwd, { recursive: true, force: true });
}
