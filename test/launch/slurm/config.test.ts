// The slurm launcher's options (submitit's names), its batch script and what SLURM states mean: no cluster needed.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LaunchError } from "../../../src/errors.js";
import { SubmissionJournal } from "../../../src/launch/slurm/journal.js";
import { parseSlurmConfig, formatArrayScript, slurmLauncherPlugin } from "../../../src/launch/slurm/index.js";
import { endingOf, isActive } from "../../../src/launch/slurm/states.js";

const defaults = slurmLauncherPlugin.configNode;
const script = (raw: Record<string, unknown>, extra: { count?: number; after?: string } = {}) =>
  formatArrayScript({ config: parseSlurmConfig({ ...defaults, name: "train", submitit_folder: "/s/.slurm", ...raw }), count: extra.count ?? 20, logDir: "/s/.slurm/a/logs", taskDir: "/s/.slurm/a/tasks", cwd: "/work dir", node: "/usr/bin/node", runner: "/h/dist/lazy/slurm-task.js", after: extra.after });

describe("slurm launcher config", () => {
  it("maps submitit's options to sbatch options", () => {
    const text = script({ partition: "gpu", timeout_min: 90, cpus_per_task: 4, gpus_per_node: 2, mem_gb: 1.5, nodes: 1, tasks_per_node: 1, qos: "normal", account: "lab", gres: "gpu:a100:1", array_parallelism: 5 });
    for (const line of ["--job-name=train", "--array=0-19%5", "--partition=gpu", "--time=90", "--cpus-per-task=4", "--gpus-per-node=2", "--mem=1536M", "--qos=normal", "--account=lab", "--gres=gpu:a100:1", "--ntasks-per-node=1", "--nodes=1"]) {
      expect(text).toContain(`#SBATCH ${line}\n`);
    }
    expect(text).toContain('#SBATCH --chdir="/work dir"\n');
    expect(text).toContain("#SBATCH --output=/s/.slurm/a/logs/%A_%a.out\n#SBATCH --error=/s/.slurm/a/logs/%A_%a.err\n");
    expect(text.trimEnd().split("\n").at(-1)).toBe("exec /usr/bin/node /h/dist/lazy/slurm-task.js /s/.slurm/a/tasks");
  });

  it("adds additional_parameters, setup lines, stderr_to_stdout and a chunk's dependency", () => {
    const text = script({ additional_parameters: { nodelist: "n[1-4]", exclusive: true, mail_type: "END" }, setup: ["module load cuda", "export A=1"], stderr_to_stdout: true }, { count: 3, after: "41" });
    expect(text).toContain("#SBATCH --nodelist=n[1-4]\n#SBATCH --exclusive\n#SBATCH --mail-type=END\n");
    expect(text).toContain("#SBATCH --dependency=afterany:41\n");
    expect(text).toContain("#SBATCH --array=0-2%3\n");
    expect(text).not.toContain("--error");
    expect(text).toMatch(/module load cuda\nexport A=1\n\nexec /);
  });

  it("rounds timeout_min up to SLURM's whole minutes and rejects bad values with the key named", () => {
    expect(parseSlurmConfig({ ...defaults, timeout_min: 0.5 }).sbatch[0]).toEqual(["time", "1"]);
    expect(() => parseSlurmConfig({ ...defaults, array_parallelism: 0 })).toThrow(/hydra.launcher.array_parallelism must be an integer >= 1/);
    expect(() => parseSlurmConfig({ ...defaults, timeout_min: "soon" })).toThrow(LaunchError);
    expect(() => parseSlurmConfig({ ...defaults, setup: "module load x" })).toThrow(/hydra.launcher.setup must be a list of shell lines/);
    expect(() => parseSlurmConfig({ ...defaults, additional_parameters: { begin: [1] } })).toThrow(/additional_parameters.begin/);
  });

  it("is registered as hydra/launcher=slurm, loaded on first use, and may detach", () => {
    expect(slurmLauncherPlugin).toMatchObject({ name: "slurm", target: "hydrant.launcher.SlurmLauncher", detachable: true });
  });
});

describe("slurm states", () => {
  it("follows live states and records final ones", () => {
    for (const s of ["PENDING", "RUNNING", "COMPLETING", "CONFIGURING", "SUSPENDED", "REQUEUED"]) expect(isActive(s)).toBe(true);
    for (const s of ["COMPLETED", "FAILED", "TIMEOUT", "CANCELLED", "NODE_FAIL", "PREEMPTED", "OUT_OF_MEMORY"]) expect(isActive(s)).toBe(false);
    expect(endingOf("COMPLETED", true, false)).toMatchObject({ failed: false });
    expect(endingOf("FAILED", true, false)).toMatchObject({ failed: false });
    expect(endingOf("FAILED", false, false)).toMatchObject({ failed: true });
    expect(endingOf("TIMEOUT", true, false)).toMatchObject({ failed: true, retry: "timeout" });
    expect(endingOf("CANCELLED", false, true).reason).toMatch(/interrupted/);
    expect(endingOf("OUT_OF_MEMORY", false, false).reason).toMatch(/mem_gb/);
    for (const s of ["NODE_FAIL", "PREEMPTED", "BOOT_FAIL"]) expect(endingOf(s, false, false)).toMatchObject({ failed: true, retry: "lost" });
    expect(endingOf(undefined, false, false)).toMatchObject({ retry: "lost", state: "LOST" });
    expect(endingOf(undefined, true, false)).toMatchObject({ failed: false });
  });
});

describe("submission journal", () => {
  it("knows each job's latest task until its ending is recorded, across reopenings", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-slurm-journal-"));
    const j = new SubmissionJournal(dir);
    expect(j.submitted("10", path.join(dir, "a"), [0, 1, 2]).map((t) => t.id)).toEqual(["10_0", "10_1", "10_2"]);
    j.close("10_0");
    j.submitted("11", path.join(dir, "b"), [1]);
    const again = new SubmissionJournal(dir);
    expect(again.unrecorded(0)).toBeUndefined();
    expect(again.unrecorded(1)).toMatchObject({ id: "11_0", arrayId: "11", index: 0 });
    expect(again.unrecorded(2)?.id).toBe("10_2");
    expect(again.unrecorded(3)).toBeUndefined();
  });
});
