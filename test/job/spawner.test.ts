import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { spawnCommand, spawnerIdentity } from "../../src/job/spawner.js";
import { identify, isSameProcess, pidAlive } from "../../src/job/process-identity.js";

const CLI = path.resolve(import.meta.dirname, "../../dist/cli.js");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function request(dir: string, file: string, args: string[]) {
  const files = { stdoutFile: path.join(dir, "out.log"), stderrFile: path.join(dir, "err.log"), exitFile: path.join(dir, "exit"), stateFile: path.join(dir, "state.json") };
  return { file, args, cwd: dir, env: { ...process.env, GREETING: "hi" }, ...files, state: { launcher: identify(process.pid) } };
}

describe("the job spawner", { timeout: 60_000 }, () => {
  it("runs a command with its output in the log files and records its exit status", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-spawner-"));
    const req = request(dir, "sh", ["-c", 'echo "$GREETING $(pwd) ${HOME-no home}"; echo oops >&2; exit 3']);
    delete req.env.HOME; // the job's env is sent as a difference from the spawner's: a removal counts
    const started = await spawnCommand(req);
    expect(started.child.pid).toBeGreaterThan(0);
    expect(await started.exited).toEqual({ code: 3, signal: null });
    expect(readFileSync(path.join(dir, "out.log"), "utf8")).toBe(`hi ${dir} no home\n`);
    expect(readFileSync(path.join(dir, "err.log"), "utf8")).toBe("oops\n");
    expect(readFileSync(path.join(dir, "exit"), "utf8")).toBe("3");
  });

  it("writes the job state once the command runs: the command, its launcher and the spawner, by pid and start time", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-spawner-"));
    const started = await spawnCommand(request(dir, "sleep", ["30"]));
    const state = JSON.parse(readFileSync(path.join(dir, "state.json"), "utf8")) as { child: { pid: number; start?: string }; launcher: { pid: number }; spawner: { pid: number; start?: string } };
    expect(state.child).toEqual(started.child);
    expect(isSameProcess(state.child)).toBe(true);
    expect(state.launcher).toEqual(identify(process.pid));
    expect(state.spawner).toEqual(spawnerIdentity());
    process.kill(-started.child.pid, "SIGTERM");
    expect(await started.exited).toEqual({ code: null, signal: "SIGTERM" });
  });

  it("records a command killed by a signal as the shell would (128 + n)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-spawner-"));
    const started = await spawnCommand(request(dir, "sh", ["-c", "kill -TERM $$"]));
    expect(await started.exited).toEqual({ code: null, signal: "SIGTERM" });
    expect(readFileSync(path.join(dir, "exit"), "utf8")).toBe("143");
  });

  it("reports a program that cannot start as spawn's error", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-spawner-"));
    await expect(spawnCommand(request(dir, path.join(dir, "missing"), []))).rejects.toMatchObject({ code: "ENOENT" });
    expect(existsSync(path.join(dir, "exit"))).toBe(false);
  });

  it("a spawner that dies ends its jobs as lost, never hanging, and the next job gets a new one", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-spawner-"));
    const started = await spawnCommand(request(dir, "sleep", ["30"]));
    const first = spawnerIdentity()!.pid;
    process.kill(first, "SIGKILL");
    const exit = await started.exited;
    expect(exit.error?.message).toMatch(/spawner process ended/);
    process.kill(-started.child.pid, "SIGKILL");
    const next = await spawnCommand(request(dir, "true", []));
    expect(await next.exited).toEqual({ code: 0, signal: null });
    expect(spawnerIdentity()!.pid).not.toBe(first);
  });

  it("ends the groups it started when its launcher dies, records their exit, then exits", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-spawner-"));
    mkdirSync(path.join(dir, "conf"));
    writeFileSync(path.join(dir, "conf/config.yaml"), "x: 0\n");
    const launcher = spawn(process.execPath, [CLI, "-cp", "conf", "-cn", "config", "-m", "x=1", "hydra.sweep.dir=s", "--", "sleep", "30"], { cwd: dir, stdio: "ignore" });
    const stateFile = path.join(dir, "s/0/.hydrant-job.json");
    for (let i = 0; i < 1200 && !existsSync(stateFile); i++) await sleep(25);
    const state = JSON.parse(readFileSync(stateFile, "utf8")) as { child: { pid: number }; spawner: { pid: number } };
    launcher.kill("SIGKILL");
    for (let i = 0; i < 400 && (pidAlive(state.child.pid) || pidAlive(state.spawner.pid)); i++) await sleep(25);
    expect(pidAlive(state.child.pid)).toBe(false);
    expect(pidAlive(state.spawner.pid)).toBe(false);
    expect(readFileSync(path.join(dir, "s/0/.hydrant-exit"), "utf8")).toBe("143");
  });
});
