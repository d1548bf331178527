// Orchestrators as separate processes: killed with SIGKILL and resumed; detached, listed, stopped,
// resumed to completion; their log followed.
import { once } from "node:events";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listExperiments } from "../../../src/experiment/directory/control.js";
import { readOrchestrator } from "../../../src/experiment/directory/layout.js";
import { followLogs } from "../../../src/experiment/directory/logs.js";
import { BASE, hydrant, manifestOf, onlyExperiment, readLog, RECORD_COMMAND, startHydrant, tmpDir, waitFor, writeSpec } from "../helpers.js";

function slowSpec(dir: string, name: string, runs: number, sleepMs: number): { spec: string; log: string; root: string } {
  const log = path.join(dir, "log.jsonl");
  const scores = Array.from({ length: runs }, (_, i) => i + 1).join(", ");
  const spec = writeSpec(dir, "spec.yaml", `name: ${name}\nbase_config: ${BASE}\nfixed_overrides: { log: ${log}, sleep_ms: ${sleepMs} }\nsweep:\n  score: [${scores}]\n${RECORD_COMMAND}\n`);
  return { spec, log, root: path.join(dir, "experiments") };
}

const completedNums = (dir: string) => manifestOf(dir).jobs.filter((j) => j.status === "completed").map((j) => j.num);

describe("experiment orchestrators", () => {
  it("resumes after the orchestrator is SIGKILLed: the interrupted run runs again, completed ones do not", async () => {
    const dir = tmpDir();
    const { spec, log, root } = slowSpec(dir, "killed", 6, 250);
    const child = startHydrant(dir, ["run", spec, "--root", root]);
    await waitFor(() => readLog(log).length >= 3, "3 runs to start");
    child.kill("SIGKILL");
    await once(child, "exit");

    const exp = onlyExperiment(root);
    const before = manifestOf(exp);
    const done = completedNums(exp);
    expect(done.length).toBeGreaterThanOrEqual(2);
    expect(before.jobs.filter((j) => j.status === "running")).toHaveLength(1);
    const [summary] = listExperiments(root);
    expect(summary).toMatchObject({ state: "crashed", completed: done.length, running: 0, total: 6 });
    expect((await hydrant(["list", "--root", root])).out).toMatch(/killed_\S+\s+crashed/);

    const r = await hydrant(["run", spec, "--root", root, "--resume"]);
    expect(r.code).toBe(0);
    const after = manifestOf(exp);
    expect(after.status).toBe("completed");
    expect(after.jobs.map((j) => j.status)).toEqual(Array(6).fill("completed"));
    const times = new Map<number, number>();
    for (const l of readLog(log)) times.set(l.num, (times.get(l.num) ?? 0) + 1);
    for (const num of done) expect(times.get(num)).toBe(1);
    const interrupted = before.jobs.find((j) => j.status === "running")!.num;
    expect(after.jobs[interrupted].attempts).toBe(2);
    expect(after.jobs.every((j) => j.return_code === 0 && j.job_dir === path.join(exp, "runs", `run_00${j.num}`))).toBe(true);
    expect(listExperiments(root)[0].state).toBe("finished");
  }, 60_000);

  it("runs in the background: listed while running, stopped cleanly, resumed to completion", async () => {
    const dir = tmpDir();
    const { spec, log, root } = slowSpec(dir, "bg", 6, 300);
    const started = await hydrant(["run", spec, "--root", root, "--background"]);
    expect(started.code).toBe(0);
    const exp = onlyExperiment(root);
    expect(started.out).toContain(`Started ${exp} in the background (pid `);
    const orchestrator = readOrchestrator(exp)!;
    expect(orchestrator).toMatchObject({ state: "running", background: true, log: path.join(exp, "orchestrator.log") });
    expect(orchestrator.pid).not.toBe(process.pid);

    await waitFor(() => completedNums(exp).length >= 1 && readLog(log).length >= 2, "a run to complete and the next to start");
    expect(listExperiments(root)[0]).toMatchObject({ state: "running", pid: orchestrator.pid, background: true, running: 1 });
    expect((await hydrant(["list", "--root", root])).out).toMatch(new RegExp(`bg_\\S+\\s+running\\s+\\d/6\\s+1\\s+${orchestrator.pid}`));

    const stopped = await hydrant(["stop", exp]);
    expect(stopped.out).toContain(`Stopped ${exp} (pid ${orchestrator.pid})`);
    const m = manifestOf(exp);
    expect(m.status).toBe("partial");
    expect(m.jobs.some((j) => j.status === "running" || j.status === "failed")).toBe(false);
    const interrupted = m.jobs.filter((j) => j.interrupted_at !== undefined);
    expect(interrupted).toHaveLength(1);
    expect(interrupted[0]).toMatchObject({ status: "pending", attempts: 1 });
    expect(listExperiments(root)[0].state).toBe("stopped");
    expect(readOrchestrator(exp)).toMatchObject({ state: "stopped" });
    expect((await hydrant(["stop", exp])).out).toContain("is not running (stopped)");
    const doneBefore = completedNums(exp);

    const logText = (await hydrant(["logs", exp])).out;
    expect(logText).toContain("[run 1/6] completed");
    expect(logText).toContain("SIGTERM: stopping");
    expect(logText).toContain("interrupted (pending again)");

    // Resume in the background and follow its log until the orchestrator exits.
    expect((await hydrant(["run", exp, "--resume", "--background"])).code).toBe(0);
    let followed = "";
    for await (const text of followLogs(exp, { follow: true, pollMs: 50 })) followed += text;
    expect(followed).toContain("Done: 6 completed, 0 failed, 0 not run");
    expect(listExperiments(root)[0]).toMatchObject({ state: "finished", completed: 6 });
    const after = manifestOf(exp);
    expect(after.status).toBe("completed");
    expect(after.jobs[interrupted[0].num].attempts).toBe(2);
    const times = new Map<number, number>();
    for (const l of readLog(log)) times.set(l.num, (times.get(l.num) ?? 0) + 1);
    for (const num of doneBefore) expect(times.get(num)).toBe(1);
    expect([...times.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  }, 60_000);

  it("refuses to run an experiment that another orchestrator is running", async () => {
    const dir = tmpDir();
    const { spec, log, root } = slowSpec(dir, "busy", 2, 400);
    await hydrant(["run", spec, "--root", root, "--background"]);
    const exp = onlyExperiment(root);
    await waitFor(() => readLog(log).length >= 1, "the first run");
    const r = await hydrant(["run", exp, "--resume"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Experiment ${exp} is already running (pid ${readOrchestrator(exp)!.pid})`);
    await hydrant(["stop", exp]);
  }, 60_000);
});
