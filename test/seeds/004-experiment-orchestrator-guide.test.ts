/**
 * The "Experiment System Guide" (seeds/004), in its own layout: base configs in configs/, specs in
 * experiments/specs/ (the guide's specs verbatim), scripts/train.mjs standing for the training
 * script, every command run from the project root. `python3 scripts/run_experiment.py --exp SPEC`
 * is `hydrant experiment run SPEC`; the guide's specs name a mode and no program, so the program is
 * given after `--`, as to any hydrant command.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hydrant, projectCopy, type Ran } from "./helpers.js";

const PROGRAM = ["--", "node", "scripts/train.mjs", "--config", "{config}"];
const LR_SPEC = "experiments/specs/lr_sweep_mnist_mlp.yaml";

interface RunRecord {
  num: number;
  status: string;
  started_at?: string;
  completed_at?: string;
  return_code?: number | null;
  config_path?: string;
  run_dir?: string;
  values?: Record<string, unknown>;
  result?: Record<string, unknown>;
}
interface Manifest {
  status: string;
  total: number;
  origin: { command: string[]; experiment: { name: string; mode?: string } };
  jobs: RunRecord[];
}

function ok(r: Ran): Ran {
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r;
}

/** The experiment dirs under experiments/ (specs/ aside), oldest first. */
function experiments(project: string, name: string): string[] {
  return readdirSync(path.join(project, "experiments"))
    .filter((d) => d.startsWith(`${name}_`))
    .sort()
    .map((d) => path.join(project, "experiments", d));
}

function only(project: string, name: string): string {
  const dirs = experiments(project, name);
  expect(dirs).toHaveLength(1);
  return dirs[0]!;
}

const manifest = (dir: string): Manifest => JSON.parse(readFileSync(path.join(dir, "experiment.json"), "utf8")) as Manifest;

/** The lines scripts/train.mjs printed, one per run, as key=value fields. */
function trained(out: string): Record<string, string>[] {
  return out
    .split("\n")
    .filter((l) => /^(training|simulation) model=/.test(l))
    .map((l) => {
      const [mode, ...kv] = l.split(" ");
      return { mode: mode!, ...Object.fromEntries(kv.map((f) => [f.slice(0, f.indexOf("=")), f.slice(f.indexOf("=") + 1)])) };
    });
}

describe("seeds/004 Experiment System Guide", () => {
  it("Examples: the learning-rate sweep (simulation) runs 10 runs with per-run configs and metadata", () => {
    const project = projectCopy("004-experiment-orchestrator-guide");
    const r = ok(hydrant(project, ["experiment", "run", LR_SPEC, ...PROGRAM]));
    const exp = only(project, "lr_sweep_mnist_mlp");
    expect(path.basename(exp)).toMatch(/^lr_sweep_mnist_mlp_\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d$/);
    const lrs = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.05, 0.07, 0.09, 0.1, 0.2];
    const runs = trained(r.stdout);
    expect(runs.map((x) => Number(x.lr))).toEqual(lrs);
    // fixed_overrides applied on top of the base; the mode reaches the program.
    for (const x of runs) expect(x).toMatchObject({ mode: "simulation", model: "mlp", seed: "0", flags: "-" });
    // configs/run_XXX.yaml: "the exact inputs used for each run" is what the program was given.
    expect(runs.map((x) => x.config)).toEqual(lrs.map((_, i) => path.join(exp, "configs", `run_00${i}.yaml`)));
    expect(readdirSync(path.join(exp, "configs"))).toEqual(lrs.map((_, i) => `run_00${i}.yaml`));
    expect(readFileSync(path.join(exp, "configs/run_003.yaml"), "utf8")).toMatch(/^lr: 0\.01$/m);
    expect(statSync(path.join(exp, "configs/run_003.yaml")).mode & 0o777).toBe(0o600);

    const m = manifest(exp);
    expect(m).toMatchObject({ status: "completed", total: 10, origin: { experiment: { name: "lr_sweep_mnist_mlp", mode: "simulation" } } });
    for (const [i, run] of m.jobs.entries()) {
      expect(run).toMatchObject({ num: i, status: "completed", return_code: 0, config_path: path.join(exp, "configs", `run_00${i}.yaml`), values: { lr: lrs[i] } });
      expect(Date.parse(run.completed_at!)).toBeGreaterThanOrEqual(Date.parse(run.started_at!));
      // The run_dir the program made: runs/<dataset>/<model>/…
      expect(path.relative(project, run.run_dir!)).toMatch(/^runs\/mnist\/mlp\/[^/]+$/);
      expect(readFileSync(path.join(run.run_dir!, "config_used.yaml"), "utf8")).toBe(readFileSync(run.config_path!, "utf8"));
    }
  }, 120_000);

  it("Examples: the grid sweep over strings runs the full 2 x 2 grid, last key fastest", () => {
    const project = projectCopy("004-experiment-orchestrator-guide");
    const r = ok(hydrant(project, ["experiment", "run", "experiments/specs/sched_sim_mnist_mlp.yaml", ...PROGRAM]));
    expect(trained(r.stdout).map((x) => [x.scheduler, x.similarity])).toEqual([
      ["cosine", "cosine"],
      ["cosine", "l2"],
      ["constant", "cosine"],
      ["constant", "l2"],
    ]);
    expect(manifest(only(project, "sched_sim_mnist_mlp")).jobs.map((j) => j.status)).toEqual(Array(4).fill("completed"));
  }, 120_000);

  it("Examples: an explicit list of configs runs each config once (training); base lists stay plain lists", () => {
    const project = projectCopy("004-experiment-orchestrator-guide");
    const r = ok(hydrant(project, ["experiment", "run", "experiments/specs/mixed_configs.yaml", ...PROGRAM]));
    const runs = trained(r.stdout);
    expect(runs.map((x) => [x.mode, x.model])).toEqual([["training", "mlp"], ["training", "greedy"]]);
    expect(runs[1]!.lambda_ace).toBe("[0.1,0.1,0.1]");
    const m = manifest(only(project, "mixed_configs"));
    expect(m.origin.experiment.mode).toBe("training");
    expect(m.jobs.map((j) => path.relative(project, j.run_dir!).split("/").slice(0, 3).join("/"))).toEqual(["runs/mnist/mlp", "runs/mnist/greedy"]);
  }, 120_000);

  it("Sweeping list-valued parameters: a list of lists gives 2 x 2 = 4 runs, each inner list one value", () => {
    const project = projectCopy("004-experiment-orchestrator-guide");
    const r = ok(hydrant(project, ["experiment", "run", "experiments/specs/lambda_ace_sweep_greedy.yaml", ...PROGRAM]));
    expect(trained(r.stdout).map((x) => [x.lambda_ace, x.lr])).toEqual([
      ["[0.001,0.001,0.001]", "0.0005"],
      ["[0.001,0.001,0.001]", "0.001"],
      ["[0.01,0.01,0.01]", "0.0005"],
      ["[0.01,0.01,0.01]", "0.001"],
    ]);
    expect(manifest(only(project, "lambda_sweep_greedy")).jobs).toHaveLength(4);
  }, 120_000);

  it("Strings: YAML-reserved tokens must be quoted to be strings", () => {
    const project = projectCopy("004-experiment-orchestrator-guide");
    const spec = (values: string) => `name: tokens\nmode: simulation\nbase_config: configs/mlp/mlp_mnist.yaml\nsweep:\n  scheduler: ${values}\n`;
    writeFileSync(path.join(project, "experiments/specs/bad.yaml"), spec("[cosine, on, off]"));
    const bad = hydrant(project, ["experiment", "run", "experiments/specs/bad.yaml", ...PROGRAM]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("Quote them to sweep over strings: 'on', 'off'.");
    writeFileSync(path.join(project, "experiments/specs/good.yaml"), spec(`[cosine, "on", "off"]`));
    const good = ok(hydrant(project, ["experiment", "run", "experiments/specs/good.yaml", ...PROGRAM]));
    expect(trained(good.stdout).map((x) => x.scheduler)).toEqual(["cosine", "on", "off"]);
  }, 120_000);

  it("Common pitfalls: changing the model's layers in a sweep breaks its validator; the failure is recorded and the rest run", () => {
    const project = projectCopy("004-experiment-orchestrator-guide");
    writeFileSync(path.join(project, "experiments/specs/layers.yaml"), "name: layers\nmode: training\nbase_config: configs/greedy/greedy_mnist.yaml\nsweep:\n  layers: [3, 4]\n");
    const r = hydrant(project, ["experiment", "run", "experiments/specs/layers.yaml", ...PROGRAM]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("greedy requires lambda_ace length = layers - 1 = 2");
    expect(r.stdout).toMatch(/\[run 1\/2\] failed in \S+: 'node' exited with code 2/);
    const m = manifest(only(project, "layers"));
    expect(m.jobs.map((j) => [j.status, j.return_code])).toEqual([["failed", 2], ["completed", 0]]);
  }, 120_000);

  it("Running experiments: the guide's spec names no program; hydrant says how to give it", () => {
    const project = projectCopy("004-experiment-orchestrator-guide");
    const r = hydrant(project, ["experiment", "run", LR_SPEC]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`the mode 'simulation' names no program to run. Give it on the command line (hydrant experiment run ${LR_SPEC} -- PROGRAM ARGS…)`);
    expect(readdirSync(path.join(project, "experiments"))).toEqual(["specs"]);
  }, 60_000);

  it("Resume and limit: --limit 3 runs three; --resume --limit 3 continues the newest experiment of the spec", () => {
    const project = projectCopy("004-experiment-orchestrator-guide");
    const first = ok(hydrant(project, ["experiment", "run", LR_SPEC, "--limit", "3", ...PROGRAM]));
    const exp = only(project, "lr_sweep_mnist_mlp");
    expect(first.stdout).toContain(`7 run(s) not run yet: hydrant experiment run ${exp} --resume`);
    const again = ok(hydrant(project, ["experiment", "run", LR_SPEC, "--resume", "--limit", "3", ...PROGRAM]));
    expect(trained(again.stdout).map((x) => Number(x.lr))).toEqual([0.01, 0.03, 0.05]);
    expect(manifest(exp).jobs.map((j) => j.status)).toEqual([...Array(6).fill("completed"), ...Array(4).fill("pending")]);
    // The program is recorded: a resume does not need it again.
    ok(hydrant(project, ["experiment", "run", LR_SPEC, "--resume"]));
    expect(manifest(exp)).toMatchObject({ status: "completed" });
    expect(experiments(project, "lr_sweep_mnist_mlp")).toEqual([exp]);
  }, 120_000);

  it("Simulation flags are forwarded when mode: simulation, given as flags or after --", () => {
    const project = projectCopy("004-experiment-orchestrator-guide");
    const spec = "experiments/specs/sched_sim_mnist_mlp.yaml";
    const r = ok(hydrant(project, ["experiment", "run", spec, "--show", "--research_only", "--no_confusion", "--advanced", ...PROGRAM]));
    for (const x of trained(r.stdout)) expect(x.flags).toBe("--show,--research_only,--no_confusion,--advanced");
    const after = ok(hydrant(project, ["experiment", "run", spec, ...PROGRAM, "--show"]));
    for (const x of trained(after.stdout)) expect(x.flags).toBe("--show");
    const training = hydrant(project, ["experiment", "run", "experiments/specs/mixed_configs.yaml", "--show", ...PROGRAM]);
    expect(training.status).toBe(1);
    expect(training.stderr).toContain("--show: simulation flags are forwarded to a spec with 'mode: simulation'");
  }, 120_000);

  it("Metadata: run_dir is discovered under the spec's runs_dir when the program does not report it", () => {
    const project = projectCopy("004-experiment-orchestrator-guide");
    writeFileSync(path.join(project, "experiments/specs/quiet.yaml"), "name: quiet\nmode: training\nconfigs: [configs/mlp/mlp_mnist.yaml, configs/greedy/greedy_mnist.yaml]\nruns_dir: runs\n");
    ok(hydrant(project, ["experiment", "run", "experiments/specs/quiet.yaml", ...PROGRAM, "--no_report"]));
    const m = manifest(only(project, "quiet"));
    const dirs = m.jobs.map((j) => path.relative(project, j.run_dir!));
    expect(dirs[0]).toMatch(/^runs\/mnist\/mlp\/[^/]+$/);
    expect(dirs[1]).toMatch(/^runs\/mnist\/greedy\/[^/]+$/);
    expect(m.jobs.every((j) => j.result === undefined)).toBe(true);
  }, 120_000);

  it("Background: started detached, listed, its log read, stopped by its dir, resumed", async () => {
    const project = projectCopy("004-experiment-orchestrator-guide");
    const slow = { TRAIN_SLEEP_MS: "400" };
    const started = ok(hydrant(project, ["experiment", "run", LR_SPEC, "--background", ...PROGRAM], slow));
    const exp = only(project, "lr_sweep_mnist_mlp");
    expect(started.stdout).toContain(`Started ${exp} in the background (pid `);
    expect(ok(hydrant(project, ["experiment", "list"])).stdout).toMatch(/lr_sweep_mnist_mlp_\S+\s+running\s+\d+\/10/);
    for (let i = 0; i < 200 && !/\[run 2\/10\] started/.test(readFileSync(path.join(exp, "orchestrator.log"), "utf8")); i++) await new Promise((res) => setTimeout(res, 100));
    expect(ok(hydrant(project, ["experiment", "logs", exp])).stdout).toContain("simulation model=mlp lr=0.0003");
    const stopped = ok(hydrant(project, ["experiment", "stop", exp]));
    expect(stopped.stdout).toContain(`Continue it with: hydrant experiment run ${exp} --resume`);
    expect(ok(hydrant(project, ["experiment", "list"])).stdout).toMatch(/lr_sweep_mnist_mlp_\S+\s+stopped/);
    ok(hydrant(project, ["experiment", "run", exp, "--resume"]));
    expect(manifest(exp).jobs.map((j) => j.status)).toEqual(Array(10).fill("completed"));
    expect(ok(hydrant(project, ["experiment", "show", exp, "--sort-by", "accuracy", "--desc"])).stdout.split("\n")[2]).toMatch(/^\s*2\s+0\.003\s+completed\s+\S+\s+0\.9977\s+runs\/mnist\/mlp\//);
  }, 120_000);
});
