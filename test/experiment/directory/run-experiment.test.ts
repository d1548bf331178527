// `hydrant experiment run/show` end to end: real spec files, real child processes per run.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BASE, FIXTURES, hydrant, manifestOf, onlyExperiment, read, readLog, RECORD, RECORD_COMMAND, tmpDir, writeSpec } from "../helpers.js";

const yamlOf = (file: string): Record<string, unknown> => parse(readFileSync(file, "utf8"), { version: "1.1" }) as Record<string, unknown>;

/** A spec over the plain base config, recording every run in `log`. */
function sweepSpec(dir: string, body: string): { spec: string; log: string; root: string } {
  const log = path.join(dir, "log.jsonl");
  const spec = writeSpec(dir, "spec.yaml", `base_config: ${BASE}\n${RECORD_COMMAND}\n${body.replace("LOG", log)}`);
  return { spec, log, root: path.join(dir, "experiments") };
}

describe("experiment run", () => {
  it("runs a 10-value sweep with fixed_overrides: configs, manifest fields, run dirs", async () => {
    const dir = tmpDir();
    const lrs = [0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008, 0.009, 0.01];
    const { spec, log, root } = sweepSpec(dir, `name: ten\nfixed_overrides:\n  model.activation: gelu\n  log: LOG\nsweep:\n  model.lr: [${lrs.join(", ")}]\n`);
    const r = await hydrant(["run", spec, "--root", root]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const exp = onlyExperiment(root);
    expect(path.basename(exp)).toMatch(/^ten_\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d$/);
    expect(read(exp, "spec.yaml")).toBe(readFileSync(spec, "utf8"));

    const m = manifestOf(exp);
    expect(m.status).toBe("completed");
    expect(m.total).toBe(10);
    expect(m.origin.experiment).toMatchObject({ name: "ten", spec, form: "sweep", keys: ["model.lr"] });
    lrs.forEach((lr, i) => {
      const job = m.jobs[i];
      const runDir = path.join(exp, "runs", `run_00${i}`);
      const configPath = path.join(exp, "configs", `run_00${i}.yaml`);
      expect(job).toMatchObject({ num: i, status: "completed", return_code: 0, values: { "model.lr": lr }, config_path: configPath, job_dir: runDir, overrides: [`model.lr=${lr}`], result: { score: 0, lr } });
      expect(Date.parse(job.started_at as string)).toBeLessThanOrEqual(Date.parse(job.completed_at as string));
      // The exact resolved input: fixed override applied, swept value set, interpolations resolved.
      expect(yamlOf(configPath)).toEqual({ model: { lr, layers: [8, 8], activation: "gelu" }, score: 0, fail: false, sleep_ms: 0, log, out_dir: runDir, tag: `gelu-${lr}` });
      // ...and the very file the command read ({config}, $HYDRANT_CONFIG): no second copy in the run dir.
      expect(readLog(log)[i].cfg).toEqual(yamlOf(configPath));
      expect(existsSync(path.join(runDir, ".hydra/config.resolved.yaml"))).toBe(false);
      // The program reported no run dir of its own, and the spec names no runs_dir.
      expect(job.run_dir).toBeUndefined();
      expect(JSON.parse(read(runDir, "metrics.json"))).toEqual({ score: 0, lr });
      expect(read(runDir, "stdout.log")).toBe("done\n");
    });
    expect(readLog(log).map((l) => [l.num, l.cfg.model?.lr])).toEqual(lrs.map((lr, i) => [i, lr]));
    expect(r.out).toContain("[run 10/10] completed");

    const table = await hydrant(["show", exp, "--sort-by", "lr", "--desc"]);
    const rows = table.out.trim().split("\n");
    expect(rows[0].split(/\s+/)).toEqual(["run", "model.lr", "status", "duration", "score", "lr"]);
    expect(rows[2]).toMatch(/^9\s+0\.01\s+completed/);
    expect(rows).toHaveLength(12);
  }, 30_000);

  it("runs a 2x2 grid over strings in itertools.product order, quoted YAML words kept as strings", async () => {
    const dir = tmpDir();
    const { spec, log, root } = sweepSpec(dir, `name: grid\nfixed_overrides: { log: LOG }\nsweep:\n  model.activation: [relu, "off"]\n  opt: [adam, sgd]\n`);
    const r = await hydrant(["run", spec, "--root", root]);
    expect(r.code).toBe(0);
    const exp = onlyExperiment(root);
    const expected = [["relu", "adam"], ["relu", "sgd"], ["off", "adam"], ["off", "sgd"]];
    expect(manifestOf(exp).jobs.map((j) => [j.values?.["model.activation"], j.values?.opt])).toEqual(expected);
    expected.forEach(([act, opt], i) => {
      const cfg = yamlOf(path.join(exp, "configs", `run_00${i}.yaml`));
      expect(cfg).toMatchObject({ model: { activation: act }, opt, tag: `${act}-0.1` });
    });
    // 'off' is written quoted, so the run reads the string back.
    expect(readLog(log).map((l) => (l.cfg.model as unknown as { activation: unknown }).activation)).toEqual(["relu", "relu", "off", "off"]);
    // `opt` is not in the base config: added, with a warning.
    expect(r.err).toMatch(/spec\.yaml:7:3: 'opt' is not in base\.yaml; it is added/);
  }, 30_000);

  it("sweeps over list values with a list of lists; a swept key replaces the whole value", async () => {
    const dir = tmpDir();
    const { spec, log, root } = sweepSpec(dir, `name: lists\nfixed_overrides: { log: LOG }\nsweep:\n  model.layers: [[16, 16], [32], []]\n`);
    expect((await hydrant(["run", spec, "--root", root])).code).toBe(0);
    const exp = onlyExperiment(root);
    const layers = [[16, 16], [32], []];
    expect(manifestOf(exp).jobs.map((j) => j.values)).toEqual(layers.map((l) => ({ "model.layers": l })));
    layers.forEach((l, i) => expect((yamlOf(path.join(exp, "configs", `run_00${i}.yaml`)).model as { layers: unknown }).layers).toEqual(l));
    expect(readLog(log).map((l) => l.cfg.model?.layers)).toEqual(layers);

    const whole = sweepSpec(tmpDir(), `name: whole\nsweep:\n  model: [{ lr: 1, activation: elu }]\n`);
    expect((await hydrant(["run", whole.spec, "--root", whole.root])).code).toBe(0);
    expect(yamlOf(path.join(onlyExperiment(whole.root), "configs/run_000.yaml")).model).toEqual({ lr: 1, activation: "elu" });
    // Without the activation it replaced, the base's ${model.activation} cannot resolve: an error before any run.
    const broken = sweepSpec(tmpDir(), `name: broken\nsweep:\n  model: [{ lr: 1 }]\n`);
    const r = await hydrant(["run", broken.spec, "--root", broken.root]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/spec\.yaml: run 0 \(model=\{"lr":1\}\) cannot be built from .*base\.yaml: .*model\.activation/);
    expect(existsSync(broken.root)).toBe(false);
  }, 30_000);

  it("runs an explicit list of configs, one run each, with fixed_overrides on each", async () => {
    const dir = tmpDir();
    const log = path.join(dir, "log.jsonl");
    const spec = writeSpec(dir, "spec.yaml", `name: listed\nconfigs:\n  - ${FIXTURES}/configs/a.yaml\n  - ${FIXTURES}/configs/b.yaml\nfixed_overrides: { log: ${log} }\n${RECORD_COMMAND}\n`);
    const root = path.join(dir, "experiments");
    expect((await hydrant(["run", spec, "--root", root])).code).toBe(0);
    const exp = onlyExperiment(root);
    const m = manifestOf(exp);
    expect(m.origin.experiment?.form).toBe("configs");
    expect(m.jobs.map((j) => [j.source_config, j.status, j.result])).toEqual([
      [`${FIXTURES}/configs/a.yaml`, "completed", { score: 10, lr: null }],
      [`${FIXTURES}/configs/b.yaml`, "completed", { score: 20, lr: null }],
    ]);
    expect(yamlOf(path.join(exp, "configs/run_001.yaml"))).toEqual({ score: 20, log, fail: false });
    const csv = (await hydrant(["show", exp, "--format", "csv", "--sort-by", "score", "--desc"])).out.trim().split("\n");
    expect(csv[0]).toBe("run,config,status,duration_s,score,lr");
    expect(csv[1]).toMatch(/^1,.*configs\/b\.yaml,completed,[\d.]+,20,$/);
  }, 30_000);

  it("records a failing run amid passing ones and goes on", async () => {
    const dir = tmpDir();
    const { spec, root } = sweepSpec(dir, `name: failing\nsweep:\n  fail: [false, true, false]\n  score: [1]\n`);
    const r = await hydrant(["run", spec, "--root", root]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("[run 2/3] failed");
    expect(r.err).toContain("failing on purpose");
    const exp = onlyExperiment(root);
    const m = manifestOf(exp);
    expect(m.status).toBe("failed");
    expect(m.jobs.map((j) => [j.status, j.return_code])).toEqual([["completed", 0], ["failed", 3], ["completed", 0]]);
    expect(m.jobs[1].error).toMatch(/exited with code 3/);
    expect(m.jobs[1].completed_at).toBeDefined();
    expect(read(exp, "runs/run_001/stderr.log")).toContain("failing on purpose");
    expect(existsSync(path.join(exp, "runs/run_001/metrics.json"))).toBe(false);
    const json = JSON.parse((await hydrant(["show", exp, "--format", "json", "--sort-by", "score"])).out) as { run: number; status: string; metrics: object }[];
    expect(json.map((row) => [row.run, row.status])).toEqual([[0, "completed"], [2, "completed"], [1, "failed"]]);
    expect(json[2].metrics).toEqual({});
    expect((await hydrant(["list", "--root", root])).out).toMatch(/failing_\S+\s+failed\s+3\/3\s+1/);
  }, 30_000);

  it("--limit caps the runs started now; --resume continues the newest experiment of the spec", async () => {
    const dir = tmpDir();
    const { spec, log, root } = sweepSpec(dir, `name: limited\nfixed_overrides: { log: LOG }\nsweep:\n  score: [1, 2, 3, 4]\n`);
    const first = await hydrant(["run", spec, "--root", root, "--limit", "1"]);
    expect(first.code).toBe(0);
    expect(first.out).toContain("3 run(s) not run yet");
    const exp = onlyExperiment(root);
    expect(manifestOf(exp).jobs.map((j) => j.status)).toEqual(["completed", "pending", "pending", "pending"]);
    expect(manifestOf(exp).status).toBe("partial");
    expect((await hydrant(["list", "--root", root])).out).toMatch(/limited_\S+\s+partial\s+1\/4/);

    expect((await hydrant(["run", spec, "--root", root, "--resume", "--limit", "2"])).code).toBe(0);
    expect(manifestOf(exp).jobs.map((j) => j.status)).toEqual(["completed", "completed", "completed", "pending"]);
    expect((await hydrant(["run", exp, "--resume"])).code).toBe(0);
    expect(onlyExperiment(root)).toBe(exp);
    expect(manifestOf(exp).status).toBe("completed");
    expect(readLog(log).map((l) => l.cfg.score)).toEqual([1, 2, 3, 4]);
    expect(manifestOf(exp).jobs.map((j) => j.attempts)).toEqual([1, 1, 1, 1]);
  }, 30_000);

  it("composes a Hydra primary config (defaults list) like the app; group keys select options", async () => {
    const dir = tmpDir();
    const hydraBase = path.join(FIXTURES, "hydra/config.yaml");
    const spec = writeSpec(dir, "spec.yaml", `name: composed\nbase_config: ${hydraBase}\nfixed_overrides: { score: 5 }\nsweep:\n  optimizer: [adam, sgd]\n${RECORD_COMMAND}\n`);
    const root = path.join(dir, "experiments");
    const r = await hydrant(["run", spec, "--root", root]);
    expect(r.err).toBe("");
    const exp = onlyExperiment(root);
    const runDir = path.join(exp, "runs/run_001");
    expect(yamlOf(path.join(exp, "configs/run_000.yaml"))).toEqual({ optimizer: { name: "adam", lr: 0.001, betas: [0.9, 0.999] }, score: 5, log: null, metrics_file: path.join(exp, "runs/run_000/metrics.json") });
    expect(yamlOf(path.join(exp, "configs/run_001.yaml"))).toEqual({ optimizer: { name: "sgd", lr: 0.1, momentum: 0.9 }, score: 5, log: null, metrics_file: path.join(runDir, "metrics.json") });
    expect(manifestOf(exp).jobs[1].result).toEqual({ score: 5, lr: null });

    const lr = writeSpec(dir, "lr.yaml", `name: composed_lr\nbase_config: ${hydraBase}\nsweep:\n  optimizer.lr: [0.5]\n${RECORD_COMMAND}\n`);
    expect((await hydrant(["run", lr, "--root", path.join(dir, "lr")])).code).toBe(0);
    expect(yamlOf(path.join(onlyExperiment(path.join(dir, "lr")), "configs/run_000.yaml")).optimizer).toEqual({ name: "adam", lr: 0.5, betas: [0.9, 0.999] });
  }, 30_000);

  it("runs a mode from modes.yaml with its forwarded args, and fills {config} and {job_num}", async () => {
    const dir = tmpDir();
    const log = path.join(dir, "log.jsonl");
    writeFileSync(path.join(dir, "modes.yaml"), `modes:\n  rec: [${JSON.stringify(process.execPath)}, ${JSON.stringify(RECORD)}, "{config}", "{job_num}"]\n`);
    const spec = writeSpec(dir, "spec.yaml", `name: moded\nbase_config: ${BASE}\nfixed_overrides: { log: ${log} }\nsweep: { score: [7, 8] }\nmode: { name: rec, args: [--fast] }\n`);
    const root = path.join(dir, "experiments");
    expect((await hydrant(["run", spec, "--root", root])).code).toBe(0);
    const exp = onlyExperiment(root);
    expect(manifestOf(exp).origin.command?.slice(-3)).toEqual(["{config}", "{job_num}", "--fast"]);
    const lines = readLog(log);
    expect(lines.map((l) => l.argv.slice(1))).toEqual([["0", "--fast"], ["1", "--fast"]]);
    expect(read(lines[1].argv[0])).toBe(read(exp, "configs/run_001.yaml"));
  }, 30_000);

  it("a mode without modes.yaml is recorded and given to the spec's command as {mode} and $HYDRANT_MODE; -- and --show add arguments", async () => {
    const dir = tmpDir();
    const print = `command: [${JSON.stringify(process.execPath)}, -e, "console.log('argv', process.argv.slice(1).join(' '), 'env', process.env.HYDRANT_MODE)", "{mode}"]`;
    const spec = writeSpec(dir, "spec.yaml", `name: sim\nmode: simulation\nbase_config: ${BASE}\nsweep: { score: [1] }\n${print}\n`);
    const root = path.join(dir, "experiments");
    const r = await hydrant(["run", spec, "--root", root, "--show", "--", "--fast"]);
    expect(r.err).toBe("");
    expect(r.out).toContain("argv simulation --fast --show env simulation\n");
    const m = manifestOf(onlyExperiment(root));
    expect(m.origin.experiment?.mode).toBe("simulation");
    expect(m.origin.command?.slice(-3)).toEqual(["{mode}", "--fast", "--show"]);
    // The same flags again on a resume are the recorded command; others would change it and are refused.
    expect((await hydrant(["run", spec, "--root", root, "--resume", "--show", "--", "--fast"])).code).toBe(0);
    const changed = await hydrant(["run", spec, "--root", root, "--resume", "--", "--slow"]);
    expect(changed.code).toBe(1);
    expect(changed.err).toContain("a resume runs that same command, so --slow cannot be added now");
  }, 30_000);

  it("runs in parallel through the local launcher with --parallel", async () => {
    const dir = tmpDir();
    const { spec, log, root } = sweepSpec(dir, `name: par\nfixed_overrides: { log: LOG, sleep_ms: 300 }\nsweep:\n  score: [1, 2, 3, 4]\n`);
    const r = await hydrant(["run", spec, "--root", root, "--parallel", "2"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("(local launcher)");
    const m = manifestOf(onlyExperiment(root));
    expect(m.launcher).toBe("local");
    expect(m.jobs.every((j) => j.status === "completed")).toBe(true);
    // Runs overlap: the second started before the first completed.
    expect(Date.parse(m.jobs[1].started_at as string)).toBeLessThan(Date.parse(m.jobs[0].completed_at as string));
    expect(readLog(log)).toHaveLength(4);
  }, 30_000);

  it("keeps a literal ${ (an escaped interpolation) literal in the run's input", async () => {
    const dir = tmpDir();
    const base = path.join(dir, "base.yaml");
    writeFileSync(base, "price: \\${dollars}\nscore: 1\n");
    const spec = writeSpec(dir, "spec.yaml", `name: literal\nbase_config: ${base}\nsweep: { score: [1] }\n${RECORD_COMMAND}\n`);
    const root = path.join(dir, "experiments");
    expect((await hydrant(["run", spec, "--root", root])).code).toBe(0);
    const exp = onlyExperiment(root);
    expect(yamlOf(path.join(exp, "configs/run_000.yaml")).price).toBe("${dollars}");
    expect(existsSync(path.join(exp, "runs/run_000/.hydra/config.resolved.yaml"))).toBe(false);
  }, 30_000);
});
