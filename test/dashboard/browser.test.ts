// The dashboard in a real browser (Debian's chromium via playwright-core): a sweep of the example app
// watched live while it runs, its plots, a job's config; then the same sweep's HTML report from file://.
import { spawn, type ChildProcess } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeHtmlReport } from "../../src/dashboard/report.js";
import { startDashboard, type Dashboard } from "../../src/dashboard/server.js";
import { chromiumSkipReason, launchChromium, type TestBrowser } from "../helpers/chromium.js";
import { tmpDir } from "./fixtures.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const skip = chromiumSkipReason();
const LRS = [0.001, 0.01, 0.1];

/** The example app's learning-rate sweep, slowed a little (more epochs, no early stop) so it can be watched. */
function startSweep(cwd: string): ChildProcess {
  const args = [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "examples/train.ts"), "+experiment=lr_ablation", "training.epochs=600", "training.early_stopping.patience=100000", "--multirun"];
  return spawn(process.execPath, args, { cwd, stdio: "ignore" });
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once("exit", resolve));
}

async function jobStatuses(page: Page): Promise<string[]> {
  return page.$$eval(".tr .td.badge", (cells) => cells.map((c) => c.textContent ?? ""));
}

async function countDots(page: Page, param: string): Promise<{ drawn: number; circles: number; kind: string }> {
  const fig = page.locator(`figure[data-chart="metric"][data-param="${param}"]`);
  return { drawn: Number(await fig.getAttribute("data-points")), circles: await fig.locator('g[aria-label="dot"] circle').count(), kind: (await fig.getAttribute("data-kind")) ?? "" };
}

describe.skipIf(skip !== undefined)("the dashboard in headless Chromium", () => {
  let browser: TestBrowser;
  let cwd: string;
  let dash: Dashboard;
  const shots = tmpDir("hydrant-dash-shots-");
  beforeAll(async () => {
    cwd = tmpDir();
    browser = await launchChromium();
    dash = await startDashboard({ cwd, pollMs: 150 });
  }, 60_000);
  afterAll(async () => {
    await dash?.close();
    await browser?.close();
  }, 60_000);

  it("shows a running sweep of the example app, its jobs changing status, its plots and a job's config", async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(dash.url);
    await page.waitForSelector("table.sweeps");
    const sweep = startSweep(cwd);
    try {
      // The sweep appears in the list without a reload, and is opened while it runs.
      await page.locator("table.sweeps tr[data-sweep] a").first().click({ timeout: 45_000 });
      await page.waitForSelector(".tr[data-num]", { timeout: 30_000 });
      const seen = new Set<string>();
      const deadline = Date.now() + 120_000;
      for (;;) {
        const statuses = await jobStatuses(page);
        for (const s of statuses) seen.add(s);
        if (statuses.length === LRS.length && statuses.every((s) => s === "completed")) break;
        if (Date.now() > deadline) throw new Error(`the jobs never all completed in the page: ${statuses.join(", ")}`);
        await page.waitForTimeout(100);
      }
      // A job was seen unfinished, then every job completed: the page followed the sweep live.
      expect([...seen].some((s) => s === "running" || s === "pending")).toBe(true);
      expect(await exited(sweep)).toBe(0);
    } finally {
      if (sweep.exitCode === null) sweep.kill();
    }
    await page.screenshot({ path: path.join(shots, "jobs.png") });

    await page.click('a[data-tab="plots"]');
    await page.waitForSelector('figure[data-chart="metric"]');
    expect(await countDots(page, "optimizer.learning_rate")).toEqual({ drawn: LRS.length, circles: LRS.length, kind: "log" });
    await page.screenshot({ path: path.join(shots, "plots.png") });

    await page.click('a[data-tab="time"]');
    await page.waitForSelector('figure[data-chart="time"]');
    expect(await page.locator('figure[data-chart="time"] g[aria-label="line"] path').count()).toBe(LRS.length);

    await page.click('a[data-tab="jobs"]');
    await page.click('.tr[data-num="2"]');
    await expect.poll(() => page.locator('pre[data-file="config"]').textContent()).toContain("learning_rate: 0.1");
    const shot = path.join(shots, "job.png");
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
  }, 240_000);

  it("opens the HTML report from file:// with no request leaving the file", async () => {
    const file = path.join(cwd, "report.html");
    writeHtmlReport(["multirun"], file, { cwd });
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await page.locator("table.sweeps tr[data-sweep] a").first().click();
    await page.waitForSelector(".tr[data-num]");
    expect(await jobStatuses(page)).toEqual(["completed", "completed", "completed"]);
    await page.click('a[data-tab="plots"]');
    await page.waitForSelector('figure[data-chart="metric"]');
    expect(await countDots(page, "optimizer.learning_rate")).toEqual({ drawn: LRS.length, circles: LRS.length, kind: "log" });
    await page.click('a[data-tab="parallel"]');
    await page.waitForSelector('figure[data-chart="parallel"]');
    expect(await page.locator('figure[data-chart="parallel"] g[aria-label="line"] path').count()).toBe(LRS.length);
    await page.click('a[data-tab="jobs"]');
    await page.click('.tr[data-num="0"]');
    await expect.poll(() => page.locator('pre[data-file="config"]').textContent()).toContain("learning_rate: 0.001");
    await page.screenshot({ path: path.join(shots, "report.png") });
    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});

if (skip) it.skip(skip, () => undefined);
