// One owner per experiment dir, with real concurrent processes: resumes started together run every
// run once (the others refuse, naming the dir and the holder), and experiments of the same spec
// started in the same second get dirs of their own.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASE, hydrant, manifestOf, onlyExperiment, readLog, RECORD_COMMAND, tmpDir, writeSpec } from "../helpers.js";

const COMMAND_MODULE = path.resolve(import.meta.dirname, "../../../src/cli/experiment-command.ts");
const RUN_MODULE = path.resolve(import.meta.dirname, "../../../src/experiment/directory/run-experiment.ts");
const TSX = import.meta.resolve("tsx");

function spec(dir: string, runs: number, sleepMs: number): { spec: string; log: string; root: string } {
  const log = path.join(dir, "log.jsonl");
  const scores = Array.from({ length: runs }, (_, i) => i + 1).join(", ");
  const file = writeSpec(dir, "spec.yaml", `name: owned\nbase_config: ${BASE}\nfixed_overrides: { log: ${log}, sleep_ms: ${sleepMs} }\nsweep:\n  score: [${scores}]\n${RECORD_COMMAND}\n`);
  return { spec: file, log, root: path.join(dir, "experiments") };
}

/**
 * A script that loads hydrant, then waits until all RACERS processes have loaded before `body`: they
 * then race for real, not spread out by how long each took to load on a busy machine.
 */
function racer(dir: string, name: string, imports: string, body: string): string {
  const file = path.join(dir, name);
  const barrier = [
    `import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";`,
    `const gate = process.env.RACE_DIR;`,
    `writeFileSync(gate + "/" + process.pid, "");`,
    `while (readdirSync(gate).length < Number(process.env.RACERS)) await new Promise((r) => setTimeout(r, 1));`,
  ].join("\n");
  writeFileSync(file, `${imports}\n${barrier}\n${body}\n`);
  return file;
}

/** Starts the same script `n` times, racing from the moment all have loaded, and waits for all of them. */
function race(n: number, script: string, cwd: string): Promise<{ code: number | null; pid: number; err: string }[]> {
  const env = { ...process.env, RACERS: String(n), RACE_DIR: mkdtempSync(path.join(cwd, "race-")) };
  return Promise.all(Array.from({ length: n }, () => finish(["--import", TSX, script], cwd, env)));
}

/** Runs a process to its end: exit code and output. */
async function finish(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; pid: number; err: string }> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, pid: child.pid as number, err };
}

describe("one owner per experiment dir", { timeout: 120_000 }, () => {
  it("three resumes of one dir started together: one runs every run once, the others refuse naming the dir and the holder", async () => {
    const dir = tmpDir();
    const { spec: file, log, root } = spec(dir, 4, 300);
    expect((await hydrant(["run", file, "--root", root, "--limit", "1"])).code).toBe(0);
    const exp = onlyExperiment(root);
    const script = racer(dir, "resume.mjs", `import { experimentCommand } from ${JSON.stringify(COMMAND_MODULE)};`, `process.exitCode = await experimentCommand(["run", ${JSON.stringify(exp)}, "--resume"], { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });`);
    const resumes = await race(3, script, dir);
    const winners = resumes.filter((r) => r.code === 0);
    expect(winners).toHaveLength(1);
    for (const r of resumes.filter((x) => x.code !== 0)) {
      expect(r.code).toBe(1);
      expect(r.err).toContain(`Experiment ${exp} is already running (pid ${winners[0]!.pid})`);
    }
    const times = new Map<number, number>();
    for (const l of readLog(log)) times.set(l.num, (times.get(l.num) ?? 0) + 1);
    expect([...times.entries()].sort()).toEqual([[0, 1], [1, 1], [2, 1], [3, 1]]);
    expect(manifestOf(exp).status).toBe("completed");
  });

  it("experiments of one spec started in the same second (three processes) get three dirs, none written twice", async () => {
    const dir = tmpDir();
    const { spec: file, root } = spec(dir, 2, 0);
    // The same instant names all three, as if started in one second.
    const script = racer(dir, "start.mjs", `import { runExperiment } from ${JSON.stringify(RUN_MODULE)};`, `const o = await runExperiment(${JSON.stringify(file)}, { root: ${JSON.stringify(root)}, now: new Date(2030, 0, 1, 12, 0, 0) });\nprocess.exitCode = o.state === "finished" ? 0 : 1;`);
    const runs = await race(3, script, dir);
    expect(runs.map((r) => [r.code, r.err])).toEqual([[0, ""], [0, ""], [0, ""]]);
    const dirs = readdirSync(root).sort();
    expect(dirs).toEqual(["owned_2030-01-01_12-00-00", "owned_2030-01-01_12-00-00_2", "owned_2030-01-01_12-00-00_3"]);
    for (const d of dirs) {
      const m = manifestOf(path.join(root, d));
      expect(m.sweep_dir).toBe(path.join(root, d));
      expect(m.jobs.map((j) => [j.status, j.attempts, j.job_dir?.startsWith(path.join(root, d, "runs"))])).toEqual([["completed", 1, true], ["completed", 1, true]]);
    }
  });
});
