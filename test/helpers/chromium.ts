/**
 * A real headless Chromium (Debian's package) driven by playwright-core; never a downloaded browser.
 * Tests skip only when it is not installed outside CI; in CI a missing browser is a failure.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Why browser tests are skipped, or undefined when they run. Throws in CI when chromium is missing. */
export function chromiumSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI) throw new Error(`${CHROMIUM} is not installed but CI is set: install it (apt-get install chromium) or set CHROMIUM to its path.`);
  return `${CHROMIUM} is not installed: skipping the browser tests (apt-get install chromium to run them).`;
}

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile each time, nothing from the network (no updates, no sync, no QUIC). */
export async function launchChromium(): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "hydrant-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
