// The bin runs its bundle through V8's code cache: same behaviour with and without it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(root, "dist/cli.js");

function hydrant(args: string[], cache: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: "utf8", timeout: 60_000, env: { ...process.env, HYDRANT_COMPILE_CACHE: cache } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the compile cache", { timeout: 60_000 }, () => {
  const cfg = ["-cd", "conf", "-cn", "config", "+experiment=quick_test", "--cfg", "job"];

  it("is written by an app run, not by --version, and gives the same output when used", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-cc-"));
    expect(hydrant(["--version"], dir).status).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
    const first = hydrant(cfg, dir);
    expect(first.status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith(".v8cache"))).toHaveLength(1);
    const cached = hydrant(cfg, dir);
    expect(cached).toEqual(first);
    expect(hydrant(cfg, "0")).toEqual(first);
  });

  it("still loads the lazy entries (usage, completion) when the bundle runs from the cache", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-cc-"));
    hydrant(cfg, dir);
    expect(hydrant(["--help"], dir).stdout).toContain("experiment");
    expect(hydrant(["-cd", "conf", "-sc", "query=bash"], dir).stdout).toContain("hydra/launcher=");
    expect(hydrant(["-cd", "conf", "-cn", "config", "optimizer=nope"], dir).stderr).toContain("Could not find 'optimizer/nope'");
  });

  it("keeps the newest caches of the bundle, not one more per rebuild forever", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-cc-"));
    const stale = Array.from({ length: 12 }, (_, i) => path.join(dir, `cli-main.cjs-${String(i).padStart(8, "0")}.v8cache`));
    stale.forEach((f, i) => {
      writeFileSync(f, "");
      utimesSync(f, 1_000_000 + i, 1_000_000 + i); // long ago, the last one newest
    });
    writeFileSync(path.join(dir, "other.v8cache"), "");
    expect(hydrant(cfg, dir).status).toBe(0);
    const left = readdirSync(dir).sort();
    // The run's own cache and the 7 newest stale ones; nothing of another name is touched.
    expect(left.filter((f) => f.startsWith("cli-main.cjs-"))).toHaveLength(8);
    expect(left).toContain(path.basename(stale[11]!));
    expect(left).not.toContain(path.basename(stale[4]!));
    expect(left).toContain("other.v8cache");
  });

  it("is ignored when its directory cannot be made", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "hydrant-cc-")), "a-file");
    writeFileSync(file, "");
    const r = hydrant(cfg, path.join(file, "cache"));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("model:");
  });
});
