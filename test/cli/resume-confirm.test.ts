// `hydrant --resume DIR` whose experiment.json names another command than the one the sweep started
// with: on a real terminal (a pty from util-linux `script`) it shows the command and asks; off a
// terminal it needs --yes.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const CLI = path.resolve(import.meta.dirname, "../../dist/cli.js");
const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;

function sweepWithEditedCommand(): { cwd: string; dir: string; marker: string; env: NodeJS.ProcessEnv } {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "hydrant-confirm-"));
  mkdirSync(path.join(cwd, "conf"));
  writeFileSync(path.join(cwd, "conf/config.yaml"), "x: 1\n");
  const env = { ...process.env, HYDRANT_STATE_DIR: path.join(cwd, "state") };
  const first = spawnSync(process.execPath, [CLI, "-cd", "conf", "-cn", "config", "-m", "x=1,2", "--limit", "1", "--", "true"], { cwd, env, encoding: "utf8" });
  expect(first.status, first.stderr).toBe(0);
  const day = path.join(cwd, "multirun", readdirSync(path.join(cwd, "multirun"))[0]!);
  const dir = path.join(day, readdirSync(day)[0]!);
  const marker = path.join(cwd, "edited-ran");
  const file = path.join(dir, "experiment.json");
  const m = JSON.parse(readFileSync(file, "utf8"));
  m.origin.command = ["sh", "-c", `echo ran >> '${marker}'`];
  writeFileSync(file, JSON.stringify(m));
  return { cwd, dir, marker, env };
}

/** Runs the resume on a pseudo-terminal, typing `answer`. */
function onTerminal(s: ReturnType<typeof sweepWithEditedCommand>, answer: string) {
  const cmd = `'${process.execPath}' '${CLI}' --resume '${s.dir}'`;
  return spawnSync("script", ["-qec", cmd, "/dev/null"], { cwd: s.cwd, env: s.env, input: answer, encoding: "utf8" });
}

describe("--resume of a sweep whose manifest names an edited command", { timeout: 120_000 }, () => {
  it("off a terminal: refuses and asks for --yes; --yes runs it", () => {
    const s = sweepWithEditedCommand();
    const r = spawnSync(process.execPath, [CLI, "--resume", s.dir], { cwd: s.cwd, env: s.env, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`names the command\n\n    sh -c 'echo ran >> '\\''${s.marker}'\\'''`);
    expect(r.stderr).toContain("resume again with --yes (or from a terminal, which asks)");
    expect(existsSync(s.marker)).toBe(false);
    const yes = spawnSync(process.execPath, [CLI, "--resume", s.dir, "--yes"], { cwd: s.cwd, env: s.env, encoding: "utf8" });
    expect(yes.status, yes.stderr).toBe(0);
    expect(readFileSync(s.marker, "utf8")).toBe("ran\n");
  });

  it.skipIf(!hasScript)("on a terminal: shows the command and asks; 'n' refuses, 'y' runs it", () => {
    const s = sweepWithEditedCommand();
    const no = onTerminal(s, "n\n");
    expect(no.status).not.toBe(0);
    expect(no.stdout).toMatch(/names the command[\s\S]*Run it\? \[y\/N\]/);
    expect(no.stdout).toContain("Not resumed: you answered no.");
    expect(existsSync(s.marker)).toBe(false);
    const yes = onTerminal(s, "y\n");
    expect(yes.status, yes.stdout).toBe(0);
    expect(readFileSync(s.marker, "utf8")).toBe("ran\n");
  });
});
