import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputDir, jobDirInside } from "../../src/job/dir-safety.js";
import { LaunchError } from "../../src/errors.js";
import { formatSystemError } from "../../src/errors.js";

const CLI = path.resolve(import.meta.dirname, "../../dist/cli.js");

describe("output dirs", () => {
  it("refuses /, the home dir and its ancestors, and a file", () => {
    expect(() => checkOutputDir("/", "hydra.run.dir")).toThrow(/the root of the file system/);
    expect(() => checkOutputDir(os.homedir(), "hydra.run.dir")).toThrow(LaunchError);
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-dirs-"));
    writeFileSync(path.join(dir, "f"), "");
    expect(() => checkOutputDir(path.join(dir, "f"), "hydra.sweep.dir")).toThrow(/exists and is not a directory/);
    expect(() => checkOutputDir(path.join(dir, "new"), "hydra.run.dir")).not.toThrow();
  });

  it("keeps job dirs strictly inside the sweep dir", () => {
    expect(jobDirInside("/s/w", "a=1,b=2")).toBe("/s/w/a=1,b=2");
    expect(() => jobDirInside("/s/w", "+tag=/../../x")).toThrow(/not inside the sweep dir/);
    expect(() => jobDirInside("/s/w", "/etc")).toThrow(LaunchError);
    expect(() => jobDirInside("/s/w", ".")).toThrow(LaunchError);
  });

  it("the CLI refuses hydra.run.dir=/ cleanly and fails only the escaping job of a sweep", () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "hydrant-dirs-"));
    mkdirSync(path.join(cwd, "conf"));
    writeFileSync(path.join(cwd, "conf/config.yaml"), "a: 1\n");
    const root = spawnSync(process.execPath, [CLI, "-cd", "conf", "-cn", "config", "hydra.run.dir=/", "--", "true"], { cwd, encoding: "utf8" });
    expect(root.status).toBe(1);
    expect(root.stderr).toMatch(/hydra\.run\.dir is '\/', the root of the file system/);
    expect(root.stderr).not.toMatch(/\n\s+at /);
    const sweep = spawnSync(process.execPath, [CLI, "-cd", "conf", "-cn", "config", "-m", "+tag=ok,/../../x", "hydra.sweep.dir=sw", "hydra.sweep.subdir=${hydra.job.override_dirname}", "--", "true"], { cwd, encoding: "utf8" });
    expect(sweep.status).not.toBe(0);
    expect(existsSync(path.join(cwd, "sw", "+tag=ok"))).toBe(true);
    expect(existsSync(path.join(cwd, "x"))).toBe(false);
  }, 60_000);

  it("file-system errors read as one sentence", () => {
    const e = Object.assign(new Error("EACCES: permission denied, mkdir '/x'"), { code: "EACCES", syscall: "mkdir", path: "/x" });
    expect(formatSystemError(e)).toBe("Cannot mkdir '/x': permission denied: choose a dir you can write to (hydra.run.dir, hydra.sweep.dir) or fix its permissions (EACCES).");
    expect(formatSystemError(new Error("x"))).toBeUndefined();
  });
});
