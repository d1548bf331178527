/**
 * Ctrl-C or SIGTERM during a sweep: the running jobs get the same signal, they and the sweep are
 * recorded `interrupted` with end times, hydrant exits 130/143, `--resume` runs them again and
 * `hydrant results` shows them.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readManifest } from "../../src/runs/manifest.js";
import { startApp, tmpDir } from "./helpers.js";

const CLI = path.resolve(import.meta.dirname, "../../dist/cli.js");

/** Notes which signal reached it, in its job dir; sleeps unless FAST is set. */
const JOB = `trap 'echo INT > "$HYDRANT_JOB_DIR/got"; kill $p; exit 130' INT
trap 'echo TERM > "$HYDRANT_JOB_DIR/got"; kill $p; exit 143' TERM
touch "$HYDRANT_JOB_DIR/started"
if [ -z "$FAST" ]; then sleep 60 >/dev/null 2>&1 & p=$!; wait $p; fi
echo '{"v": 1}' > "$HYDRANT_RESULT"`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (cond()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

function project(): string {
  const cwd = tmpDir();
  mkdirSync(path.join(cwd, "conf"));
  writeFileSync(path.join(cwd, "conf/config.yaml"), "x: 0\n");
  return cwd;
}

const bin = (cwd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env } });

describe("interrupting a sweep", { timeout: 120_000 }, () => {
  it("Ctrl-C: the running job gets SIGINT, it and the sweep are interrupted, exit 130; --resume runs it again", async () => {
    const cwd = project();
    const child = spawn(process.execPath, [CLI, "-cd", "conf", "-cn", "config", "-m", "x=0,1,2", "hydra.sweep.dir=sw", "--", "sh", "-c", JOB], { cwd, stdio: "ignore" });
    const code = exited(child);
    await until(() => existsSync(path.join(cwd, "sw/0/started")), "the first job");
    child.kill("SIGINT");
    expect(await code).toBe(130);

    expect(readFileSync(path.join(cwd, "sw/0/got"), "utf8").trim()).toBe("INT");
    const m = readManifest(path.join(cwd, "sw"));
    expect(m.status).toBe("interrupted");
    expect(m.completed_at).toBeDefined();
    expect(m.jobs[0]).toMatchObject({ status: "interrupted" });
    expect(m.jobs[0].completed_at).toBeDefined();
    expect(m.jobs.slice(1).map((j) => j.status)).toEqual(["pending", "pending"]);

    const shown = bin(cwd, ["results", "sw"]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/^0\s.*interrupted/m);

    const resumed = bin(cwd, ["--resume", "sw"], { FAST: "1" });
    expect(resumed.status, resumed.stderr).toBe(0);
    const after = readManifest(path.join(cwd, "sw"));
    expect(after.status).toBe("completed");
    expect(after.jobs.map((j) => j.status)).toEqual(["completed", "completed", "completed"]);
    expect(after.jobs[0].attempts).toBe(2);
  });

  it("SIGTERM with the local launcher: every running job gets SIGTERM, exit 143", async () => {
    const cwd = project();
    const args = ["-cd", "conf", "-cn", "config", "-m", "x=0,1,2,3", "hydra.sweep.dir=sw", "hydra/launcher=local", "hydra.launcher.n_jobs=2", "--", "sh", "-c", JOB];
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: "ignore" });
    const code = exited(child);
    await until(() => existsSync(path.join(cwd, "sw/0/started")) && existsSync(path.join(cwd, "sw/1/started")), "two jobs");
    child.kill("SIGTERM");
    expect(await code).toBe(143);
    for (const n of [0, 1]) expect(readFileSync(path.join(cwd, `sw/${n}/got`), "utf8").trim()).toBe("TERM");
    const m = readManifest(path.join(cwd, "sw"));
    expect(m.status).toBe("interrupted");
    expect(m.jobs.map((j) => j.status)).toEqual(["interrupted", "interrupted", "pending", "pending"]);
  });

  it("a main() sweep on the local launcher: SIGTERM reaches the workers, the jobs are interrupted, exit 143", async () => {
    const cwd = tmpDir();
    const log = path.join(cwd, "runs.log");
    const child = startApp(cwd, ["-m", "x=1,2,3", "hydra/launcher=local", "hydra.launcher.n_jobs=2", "sleep_ms=60000", `log=${log}`, "hydra.sweep.dir=sw"]);
    const code = exited(child);
    await until(() => existsSync(log) && readFileSync(log, "utf8").split("\n").filter(Boolean).length === 2, "two jobs");
    child.kill("SIGTERM");
    expect(await code).toBe(143);
    const m = readManifest(path.join(cwd, "sw"));
    expect(m.status).toBe("interrupted");
    expect(m.jobs.map((j) => j.status)).toEqual(["interrupted", "interrupted", "pending"]);
    for (const j of m.jobs.slice(0, 2)) expect(j.completed_at).toBeDefined();
  });
});
