/**
 * The kill suite: a 50-job command sweep whose launcher is SIGKILLed at 10 random moments, each time
 * followed by --resume, with the basic and the local launcher. After every kill the manifest must
 * parse and the killed launcher's jobs must die too; in the end every job completed exactly once
 * (one completion in the journal, never started again after it), and no job ever ran while another
 * copy of it was alive. The counts are printed for the record.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JOURNAL_FILE, readManifest } from "../../src/runs/manifest.js";

const CLI = path.resolve(import.meta.dirname, "../../dist/cli.js");
const JOBS = 50;
const KILLS = 10;

/**
 * Each job: notes an overlap with a live copy of itself, logs its start, sleeps a little, and logs its
 * end as its very last act (a job killed before that did not complete: it is run again).
 */
const JOB_SCRIPT = `L="$KILL_LOG"; n="$HYDRANT_JOB_NUM"
if [ -f "$L/alive.$n" ] && kill -0 "$(cat "$L/alive.$n")" 2>/dev/null; then echo "$n" >> "$L/overlap"; fi
echo $$ > "$L/alive.$n"; echo "start $n $$" >> "$L/events"
sleep 0.0$(( ($n * 7) % 9 + 1 ))
rm -f "$L/alive.$n"; echo "end $n $$" >> "$L/events"`;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Counts {
  kills: number;
  manifestsParsed: number;
  orphansLeft: number;
  duplicates: number;
  losses: number;
  overlaps: number;
  recordedTwice: number;
  startedAfterCompleted: number;
}

async function manifestWritten(sweepDir: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!existsSync(path.join(sweepDir, "experiment.json")) && Date.now() < deadline) await sleep(25);
}

async function killSuite(launcher: string[], seed: number): Promise<Counts> {
  const cwd = mkdtempSync(path.join(os.tmpdir(), "hydrant-kill-"));
  const log = path.join(cwd, "log");
  mkdirSync(path.join(cwd, "conf"));
  mkdirSync(log);
  writeFileSync(path.join(cwd, "conf/config.yaml"), "x: 0\n");
  const sweepDir = path.join(cwd, "sw");
  const env = { ...process.env, KILL_LOG: log, HYDRANT_STATE_DIR: path.join(cwd, "state") };
  const fresh = ["-cd", "conf", "-cn", "config", "-m", `x=range(0,${JOBS})`, "hydra.sweep.dir=sw", ...launcher, "--", "sh", "-c", JOB_SCRIPT];
  const start = (args: string[]) => spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: "ignore" });
  let rnd = seed;
  const random = () => ((rnd = (rnd * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const c: Counts = { kills: 0, manifestsParsed: 0, orphansLeft: 0, duplicates: 0, losses: 0, overlaps: 0, recordedTwice: 0, startedAfterCompleted: 0 };
  let finished = false;
  while (c.kills < KILLS && !finished) {
    const hasManifest = existsSync(path.join(sweepDir, "experiment.json"));
    const proc = start(hasManifest ? ["--resume", "sw"] : fresh);
    const exited = new Promise<number | null>((r) => proc.on("exit", (code) => r(code)));
    // On a loaded machine a fresh launcher may take seconds to write its manifest: the random moment
    // of the kill counts from then, so kills land while jobs run, not always before the sweep exists.
    if (!hasManifest) await Promise.race([exited, manifestWritten(sweepDir)]);
    const outcome = await Promise.race([exited, sleep(250 + random() * 700).then(() => "kill" as const)]);
    if (outcome !== "kill") {
      finished = outcome === 0;
      continue;
    }
    proc.kill("SIGKILL");
    await exited;
    c.kills++;
    if (existsSync(path.join(sweepDir, "experiment.json"))) {
      readManifest(sweepDir); // throws if it does not parse
      c.manifestsParsed++;
    }
    // The dead launcher's jobs must die with it (its watchdog ends their process groups).
    const deadline = Date.now() + 8000;
    const running = () => readdirSync(log).filter((f) => f.startsWith("alive.")).map((f) => Number(readFileSync(path.join(log, f), "utf8"))).filter((p) => p > 0 && alive(p));
    while (running().length > 0 && Date.now() < deadline) await sleep(50);
    c.orphansLeft += running().length;
  }
  if (!finished) {
    // On a loaded machine every kill may come before the launcher wrote its manifest: start afresh then.
    const last = start(existsSync(path.join(sweepDir, "experiment.json")) ? ["--resume", "sw"] : fresh);
    expect(await new Promise((r) => last.on("exit", r))).toBe(0);
  }
  const m = readManifest(sweepDir);
  const events = readFileSync(path.join(log, "events"), "utf8").trim().split("\n");
  const ends = new Map<number, number>();
  for (const e of events) if (e.startsWith("end ")) ends.set(Number(e.split(" ")[1]), (ends.get(Number(e.split(" ")[1])) ?? 0) + 1);
  const journal = readFileSync(path.join(sweepDir, JOURNAL_FILE), "utf8").trim().split("\n").flatMap((l) => {
    try {
      return [JSON.parse(l) as { num?: number; patch?: { status?: string }; replace?: boolean }];
    } catch {
      return [];
    }
  });
  for (let n = 0; n < JOBS; n++) {
    const lines = journal.filter((l) => l.num === n);
    const firstDone = lines.findIndex((l) => l.patch?.status === "completed");
    if (lines.filter((l) => l.patch?.status === "completed").length > 1) c.recordedTwice++;
    if (firstDone >= 0 && lines.slice(firstDone + 1).some((l) => l.patch?.status === "running")) c.startedAfterCompleted++;
    const job = m.jobs.find((j) => j.num === n);
    if (job?.status !== "completed") c.losses++;
    c.duplicates += Math.max(0, (ends.get(n) ?? 0) - 1);
  }
  c.overlaps = existsSync(path.join(log, "overlap")) ? readFileSync(path.join(log, "overlap"), "utf8").trim().split("\n").length : 0;
  return c;
}

describe("kill suite: SIGKILL the launcher, then --resume", () => {
  it.each([
    ["basic", [], 7],
    ["local", ["hydra/launcher=local", "hydra.launcher.n_jobs=3"], 11],
  ] as const)("%s launcher: 10 kills of a 50-job sweep lose nothing and run nothing twice", async (name, launcher, seed) => {
    const c = await killSuite([...launcher], seed);
    console.log(`kill suite (${name}): ${JSON.stringify(c)}`);
    expect(c.kills).toBeGreaterThan(0);
    expect(c.manifestsParsed).toBeGreaterThan(0);
    expect(c).toMatchObject({ orphansLeft: 0, losses: 0, overlaps: 0, recordedTwice: 0, startedAfterCompleted: 0, duplicates: 0 });
  }, 240_000);
});
