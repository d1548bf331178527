/**
 * The Hydra "Experiments Guide" (seeds/003), in its own layout: conf/ with model/, optimizer/ and
 * experiment/ groups, run_training.py as run_training.ts (a main() app) and evaluate.ts, every
 * command run as the guide writes it (`python X.py` is `npx tsx X.ts`).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectCopy, run, tsx, type Ran } from "./helpers.js";

let project: string;
beforeAll(() => {
  project = projectCopy("003-hydra-experiments-guide");
});

const training = (...args: string[]): Ran => tsx(project, "run_training.ts", args);

/** The fields run_training prints, from its one line per job. */
function fields(out: string): Record<string, string>[] {
  return out
    .split("\n")
    .filter((l) => l.startsWith("experiment="))
    .map((l) => Object.fromEntries(l.split(" ").map((kv) => kv.split("=") as [string, string])));
}

function ok(r: Ran): Ran {
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r;
}

describe("seeds/003 Experiments Guide", () => {
  it("Using Built-in Experiments: quick_test runs 10 steps", () => {
    const [job] = fields(ok(training("+experiment=quick_test")).stdout);
    expect(job).toMatchObject({ experiment: "quick_test", num_batches: "10", micro_batch_size: "1" });
  }, 60_000);

  it("Using Built-in Experiments: full_training keeps the default parameters", () => {
    const [job] = fields(ok(training("+experiment=full_training")).stdout);
    expect(job).toMatchObject({ experiment: "full_training", model: "gemma3_270m", num_batches: "1000", micro_batch_size: "4" });
  }, 60_000);

  it("Creating Custom Experiments: my_exp overrides model, optimizer and values, with metadata", () => {
    const [job] = fields(ok(training("+experiment=my_exp")).stdout);
    expect(job).toEqual({
      experiment: "my_experiment", model: "gemma3_1b", lora_rank: "32", optimizer: "adamw", lr: "0.00001",
      num_batches: "100", micro_batch_size: "2", num_generations: "4", tags: "custom,testing",
    });
  }, 60_000);

  it("Example Experiments: low_memory", () => {
    const [job] = fields(ok(training("+experiment=low_memory")).stdout);
    expect(job).toMatchObject({ model: "gemma3_270m", lora_rank: "8", micro_batch_size: "1", num_generations: "2" });
  }, 60_000);

  it("Example Experiments: large_batch", () => {
    const [job] = fields(ok(training("+experiment=large_batch")).stdout);
    expect(job).toMatchObject({ model: "gemma3_1b", lora_rank: "64", micro_batch_size: "8", lr: "0.0001" });
  }, 60_000);

  it("Ablation Study: lr_ablation swept over four learning rates, one job each", () => {
    const r = training("+experiment=lr_ablation", "--multirun", "optimizer.learning_rate=1e-7,1e-6,1e-5,1e-4");
    expect(r.status).toBe(0);
    const jobs = fields(r.stdout);
    expect(jobs.map((j) => Number(j.lr))).toEqual([1e-7, 1e-6, 1e-5, 1e-4]);
    for (const j of jobs) expect(j).toMatchObject({ experiment: "learning_rate_ablation", num_batches: "50", tags: "ablation,lr" });
    const [day] = readdirSync(path.join(project, "multirun"));
    const [time] = readdirSync(path.join(project, "multirun", day!));
    expect(readdirSync(path.join(project, "multirun", day!, time!)).filter((d) => /^\d+$/.test(d)).sort()).toEqual(["0", "1", "2", "3"]);
  }, 120_000);

  it("Experiment Workflow 2. Test Configuration: --cfg job prints the composed config and runs nothing", () => {
    const r = ok(training("+experiment=my_exp", "--cfg", "job"));
    expect(r.stdout).toContain("model:\n  name: gemma3_1b\n  lora_rank: 32\n");
    expect(r.stdout).toContain("optimizer:\n  name: adamw\n  learning_rate: 1.0e-05\n");
    expect(r.stdout).toContain("experiment_name: my_experiment\ntags:\n- custom\n- testing\n");
    expect(fields(r.stdout)).toEqual([]);
  }, 60_000);

  it("Experiment Workflow 3-4. Run, then evaluate the checkpoint it left", () => {
    ok(training("+experiment=my_exp"));
    const r = ok(tsx(project, "evaluate.ts", ["checkpoint_dir=./checkpoints/ckpts/"]));
    expect(r.stdout).toBe("evaluated my_experiment: loss=0.01\n");
  }, 60_000);

  it("evaluate.ts without checkpoint_dir: reading the ??? value is a MissingMandatoryValueError naming the key and file", () => {
    const r = tsx(project, "evaluate.ts");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Missing mandatory value: checkpoint_dir");
    expect(r.stderr).toContain(`conf${path.sep}evaluate.yaml`);
  }, 60_000);

  it("Combining Experiments with Sweeps: my_exp × three learning rates", () => {
    const r = training("+experiment=my_exp", "--multirun", "optimizer.learning_rate=1e-6,3e-6,1e-5");
    expect(r.status).toBe(0);
    const jobs = fields(r.stdout);
    expect(jobs.map((j) => Number(j.lr))).toEqual([1e-6, 3e-6, 1e-5]);
    for (const j of jobs) expect(j).toMatchObject({ experiment: "my_experiment", model: "gemma3_1b", num_batches: "100" });
  }, 120_000);

  it("Advanced: Experiment Hierarchies: extended builds on base", () => {
    const [job] = fields(ok(training("+experiment=extended")).stdout);
    expect(job).toMatchObject({ model: "gemma3_1b", num_batches: "500", micro_batch_size: "4" });
    const [base] = fields(ok(training("+experiment=base")).stdout);
    expect(base).toMatchObject({ model: "gemma3_1b", num_batches: "100", micro_batch_size: "4" });
  }, 60_000);

  it("Managing Experiments: --info config-groups | grep experiment lists every experiment", () => {
    const r = run(project, "sh", ["-c", `"${process.execPath}" --import tsx run_training.ts --info config-groups | grep experiment`]);
    expect(r.status).toBe(0);
    const listed = r.stdout.trim().replace(/^experiment:\s*/, "").split(/,\s*/);
    expect(listed).toEqual(expect.arrayContaining(["quick_test", "full_training", "my_exp", "low_memory", "large_batch", "lr_ablation", "base", "extended", "ablation_lr", "ablation_batch_size", "benchmark_v1", "benchmark_v2", "memory_constrained"]));
  }, 60_000);

  it("the job is named after the script, as in Hydra: run_training", () => {
    expect(ok(training("--cfg", "hydra")).stdout).toMatch(/\n  job:\n    name: run_training\n/);
    ok(training("+experiment=quick_test", "hydra.run.dir=named"));
    expect(readFileSync(path.join(project, "named/.hydra/hydra.yaml"), "utf8")).toMatch(/\n    name: run_training\n/);
  }, 60_000);
});
