// Callbacks for `hydrant … -- CMD`: the same events as for a main() app, in the hydrant process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const BIN = path.resolve("dist/cli.js");
const CONF = path.resolve("test/fixtures/run/conf");

const CALLBACK = `import { appendFileSync } from "node:fs";
export class Rec {
  onRunStart() { appendFileSync("events.txt", "runStart\\n"); }
  onMultirunStart() { appendFileSync("events.txt", "multirunStart\\n"); }
  onJobStart(c, i) { appendFileSync("events.txt", "jobStart x=" + c.x + " " + i.command.length + "\\n"); }
  onJobEnd(c, r) { appendFileSync("events.txt", "jobEnd " + r.status + " " + JSON.stringify(r.returnValue ?? null) + "\\n"); }
  onRunEnd(c, i) { appendFileSync("events.txt", "runEnd " + i.jobReturn.status + "\\n"); throw new Error("boom"); }
  onMultirunEnd(c, i) { appendFileSync("events.txt", "multirunEnd " + i.completed + "\\n"); }
}
`;

function hydrant(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, "-cd", CONF, "-cn", "config", '+hydra.callbacks.rec={_target_:"./cb.mjs:Rec"}', ...args], { cwd, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function setup(): string {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "hydrant-cbbin-"));
  writeFileSync(path.join(cwd, "cb.mjs"), CALLBACK);
  return cwd;
}

describe("callbacks with hydrant -- CMD", () => {
  it("runs run and job events around a command; a throwing callback is reported and the run still succeeds", () => {
    const cwd = setup();
    const r = hydrant(cwd, ["hydra.run.dir=r", "--", process.execPath, "-e", "require('fs').writeFileSync(process.env.HYDRANT_RESULT, '{\"a\":1}')"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\]\[HYDRA\] Callback Rec\.onRunEnd raised Error: boom/);
    expect(readFileSync(path.join(cwd, "events.txt"), "utf8")).toBe('runStart\njobStart x=1 3\njobEnd completed {"a":1}\nrunEnd completed\n');
  }, 60_000);

  it("runs multirun events once and job events per job", () => {
    const cwd = setup();
    const r = hydrant(cwd, ["-m", "x=1,2", "hydra.sweep.dir=s", "--", "true"]);
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(cwd, "events.txt"), "utf8")).toBe("multirunStart\njobStart x=1 1\njobEnd completed null\njobStart x=2 1\njobEnd completed null\nmultirunEnd 2\n");
  }, 60_000);

  it("refuses to run when a callback's _target_ does not resolve", () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), "hydrant-cbbin-"));
    const r = hydrant(cwd, ["hydra.run.dir=r", "--", "true"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Cannot instantiate (at 'hydra.callbacks.rec'): './cb.mjs:Rec': cannot find module './cb.mjs'");
  }, 60_000);
});
