import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expandPlaceholders, shellScriptIndex } from "../../src/job/placeholders.js";

const CLI = path.resolve(import.meta.dirname, "../../dist/cli.js");

describe("placeholders", () => {
  it("are plain data in ordinary arguments", () => {
    const v = { config: "/c.yaml", job_dir: "/d;rm -rf x", job_num: "3" };
    expect(expandPlaceholders(["prog", "--dir={job_dir}", "{job_num}"], v)).toEqual(["prog", "--dir=/d;rm -rf x", "3"]);
  });

  it("become quoted variable references inside a shell's -c script", () => {
    const v = { config: "/c.yaml", job_dir: "/d", job_num: "3" };
    expect(expandPlaceholders(["sh", "-c", "echo {job_dir} {job_num} > {config}", "{job_dir}"], v)).toEqual(["sh", "-c", 'echo "$HYDRANT_JOB_DIR" "$HYDRANT_JOB_NUM" > "$HYDRANT_CONFIG"', "/d"]);
    expect(shellScriptIndex(["/bin/bash", "-ec", "x"])).toBe(2);
    expect(shellScriptIndex(["env", "A=1", "zsh", "-x", "-c", "x"])).toBe(5);
    expect(shellScriptIndex(["sh", "script.sh", "-c"])).toBe(-1);
    expect(shellScriptIndex(["python", "-c", "x"])).toBe(-1);
  });

  it("never run a swept value as shell code (override_dirname in the job dir)", () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "hydrant-pwn-"));
    mkdirSync(path.join(cwd, "conf"));
    writeFileSync(path.join(cwd, "conf/config.yaml"), "a: 1\n");
    const marker = path.join(cwd, "pwned");
    const evil = `+tag=x|touch$IFS${marker}|true`;
    const r = spawnSync(process.execPath, [CLI, "-cd", "conf", "-cn", "config", "-m", evil, "hydra.sweep.dir=sw", "hydra.sweep.subdir=${hydra.job.override_dirname}", "--", "sh", "-c", "echo {job_dir} > out.txt; echo {job_num}"], { cwd, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(marker)).toBe(false);
    const jobDir = path.join(cwd, "sw", `+tag=x|touch$IFS${marker}|true`);
    expect(readFileSync(path.join(jobDir, "stdout.log"), "utf8")).toBe("0\n");
    expect(readFileSync(path.join(cwd, "out.txt"), "utf8")).toBe(`${jobDir}\n`);
  }, 60_000);
});
