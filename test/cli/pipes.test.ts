/**
 * `hydrant … | head`: a reader that closes the pipe ends hydrant quietly (no EPIPE crash, no stack),
 * and a long preview stops as soon as its reader is gone instead of composing every job.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const CLI = path.resolve(import.meta.dirname, "../../dist/cli.js");

function project(): string {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "hydrant-pipes-"));
  mkdirSync(path.join(cwd, "conf"));
  writeFileSync(path.join(cwd, "conf/config.yaml"), "x: 0\nname: hello\n");
  return cwd;
}

/** Runs `hydrant ARGS | head -n LINES` in sh; hydrant's exit code comes back on stderr as `rc=N`. */
function piped(cwd: string, args: string[], lines: number) {
  const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  const script = `("${process.execPath}" "${CLI}" ${quoted}; echo "rc=$?" >&2) | head -n ${lines}`;
  return spawnSync("sh", ["-c", script], { cwd, encoding: "utf8", timeout: 60_000 });
}

describe("a closed pipe", { timeout: 90_000 }, () => {
  it("a million-job --cfg job preview piped to head stops at once, quietly", () => {
    const cwd = project();
    const r = piped(cwd, ["-cd", "conf", "-cn", "config", "-m", "x=range(0,1000000)", "--cfg", "job"], 3);
    // Not killed by the 60 s timeout: it stopped when head left, long before composing 10^6 jobs.
    expect(r.signal).toBeNull();
    expect(r.stdout).toBe("x: 0\nname: hello\n---\n");
    expect(r.stderr.trim()).toBe("rc=0");
  });

  it("--version into a pipe already closed ends quietly", () => {
    const r = piped(project(), ["--version"], 0);
    expect(r.stderr.trim()).toBe("rc=0");
  });

  it("a sweep whose table nobody reads ends quietly", () => {
    const cwd = project();
    const r = piped(cwd, ["-cd", "conf", "-cn", "config", "-m", "x=1,2,3", "hydra.sweep.dir=sw", "--", "true"], 0);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.stderr).toMatch(/rc=0\s*$/);
  });

  it("a subcommand's output piped to head ends quietly", () => {
    const cwd = project();
    spawnSync(process.execPath, [CLI, "-cd", "conf", "-cn", "config", "-m", "x=range(0,200)", "hydra.sweep.dir=sw", "--", "true"], { cwd, encoding: "utf8" });
    const r = piped(cwd, ["results", "sw"], 1);
    expect(r.stdout.split("\n")[0]).toMatch(/^#\s+overrides/);
    expect(r.stderr.trim()).toBe("rc=0");
  });
});
