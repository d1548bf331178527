// Spec validation: every malformed spec is an ExperimentSpecError at file:line:column before anything runs.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExperimentSpecError } from "../../../src/errors.js";
import { runGrid } from "../../../src/experiment/definition/run-plans.js";
import { loadSpec, validateSpec } from "../../../src/experiment/definition/load-spec.js";
import { prepareExperiment } from "../../../src/experiment/directory/prepare.js";
import { BASE, FIXTURES, hydrant, tmpDir, writeSpec } from "../helpers.js";

const CMD = "command: [node, run.mjs]";

/** Validates `body` as if it were <tmp>/spec.yaml (so relative paths resolve), expecting an error. */
function specError(body: string, dir = tmpDir()): ExperimentSpecError {
  const file = path.join(dir, "spec.yaml");
  try {
    validateSpec(body, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ExperimentSpecError);
    const err = e as ExperimentSpecError;
    expect(err.file).toBe(file);
    return err;
  }
  throw new Error("expected an ExperimentSpecError");
}

/** The message with the temp dir cut off: `spec.yaml:3:1: …`. */
const msg = (e: ExperimentSpecError) => e.message.replace(`${path.dirname(e.file as string)}/`, "");

describe("spec paths as the experiment guide writes them", () => {
  it("resolves base_config and configs against the working directory first, then the spec's folder", () => {
    const project = tmpDir();
    mkdirSync(path.join(project, "configs/mlp"), { recursive: true });
    mkdirSync(path.join(project, "experiments/specs"), { recursive: true });
    writeFileSync(path.join(project, "configs/mlp/mlp_mnist.yaml"), "lr: 0.1\n");
    writeFileSync(path.join(project, "experiments/specs/local.yaml"), "lr: 0.2\n");
    const spec = path.join(project, "experiments/specs/lr.yaml");
    writeFileSync(spec, `name: lr\nconfigs:\n  - configs/mlp/mlp_mnist.yaml\n  - local.yaml\n${CMD}\n`);
    const cwd = process.cwd();
    process.chdir(project);
    try {
      expect(loadSpec("experiments/specs/lr.yaml").configs).toEqual([path.join(project, "configs/mlp/mlp_mnist.yaml"), path.join(project, "experiments/specs/local.yaml")]);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe("spec validation", () => {
  it("loads a valid spec: paths absolute, sweep axes in order, warnings empty", () => {
    const dir = tmpDir();
    const file = writeSpec(dir, "s.yaml", `name: ok\nbase_config: ${BASE}\nfixed_overrides: { model.activation: tanh }\nsweep:\n  model.lr: [0.1, 0.2]\n  flag: [true, false]\n${CMD}\n`);
    const spec = loadSpec(file);
    expect(spec).toMatchObject({ name: "ok", file, baseConfig: BASE, command: ["node", "run.mjs"], warnings: [] });
    expect(spec.sweep).toEqual([{ key: "model.lr", values: [0.1, 0.2] }, { key: "flag", values: [true, false] }]);
    expect([...runGrid(spec).plans()].map((r) => r.values)).toEqual([
      { "model.lr": 0.1, flag: true },
      { "model.lr": 0.1, flag: false },
      { "model.lr": 0.2, flag: true },
      { "model.lr": 0.2, flag: false },
    ]);
  });

  it("rejects an unknown field, with a did-you-mean", () => {
    const e = specError(`name: x\nbase_config: ${BASE}\nsweeps:\n  lr: [1]\n${CMD}\n`);
    expect(msg(e)).toBe("spec.yaml:3:1: unknown field 'sweeps' (did you mean 'sweep'?). Allowed fields: name, description, base_config, configs, sweep, zip, fixed_overrides, command, mode, runs_dir.");
    expect([e.line, e.column, e.key]).toEqual([3, 1, "sweeps"]);
  });

  it("requires a name, usable as a folder name", () => {
    expect(msg(specError(`base_config: ${BASE}\n${CMD}\n`))).toBe("spec.yaml:1:1: missing required field 'name'.");
    expect(msg(specError(`name: "my run"\nbase_config: ${BASE}\n${CMD}\n`))).toBe(`spec.yaml:1:1: 'name' must be usable as a folder name (letters, digits, '_', '.', '-'), got "my run".`);
  });

  it("needs exactly one of base_config and configs", () => {
    expect(msg(specError(`name: x\nbase_config: ${BASE}\nconfigs: [${BASE}]\n${CMD}\n`))).toBe(
      "spec.yaml:3:1: give either 'base_config' (one config, optionally swept) or 'configs' (a list of configs, one run each), not both.",
    );
    expect(msg(specError(`name: x\n${CMD}\n`))).toBe(
      "spec.yaml:1:1: the spec needs 'base_config' (a config file, with an optional 'sweep') or 'configs' (a list of config files, one run each).",
    );
    expect(msg(specError(`name: x\nconfigs: [${BASE}]\nsweep: { a: [1] }\n${CMD}\n`))).toMatch(/^spec\.yaml:3:1: 'sweep' needs a 'base_config' to sweep over/);
  });

  it("reports wrong types at the field", () => {
    expect(msg(specError(`name: x\nbase_config: ${BASE}\nsweep:\n  lr: 0.1\n${CMD}\n`))).toBe("spec.yaml:4:3: 'sweep.lr' must be a list, got number 0.1. A sweep lists the values to try: lr: [0.1, …].");
    expect(msg(specError(`name: x\nconfigs: a.yaml\n${CMD}\n`))).toBe(`spec.yaml:2:1: 'configs' must be a list, got string "a.yaml". Write a list: configs: [a.yaml].`);
    expect(msg(specError(`name: x\nbase_config: ${BASE}\ncommand: [node, train.mjs, --epochs, 5]\n`))).toBe("spec.yaml:3:38: 'command[3]' must be a string, got number 5. Quote numbers and flags in a command, e.g. '5'.");
    expect(msg(specError(`name: 3\nbase_config: ${BASE}\n${CMD}\n`))).toBe("spec.yaml:1:1: 'name' must be a string, got number 3.");
    expect(msg(specError(`name: x\nbase_config: ${BASE}\nsweep:\n  lr: []\n${CMD}\n`))).toBe("spec.yaml:4:3: 'sweep.lr' must not be empty.");
    expect(msg(specError(`name: x\nbase_config: ${BASE}\nfixed_overrides: [a=1]\n${CMD}\n`))).toBe("spec.yaml:3:1: 'fixed_overrides' must be a mapping, got a list.");
  });

  it("lists every shape problem, the first one first", () => {
    const e = specError(`name: x\nbase_config: 3\nsweep: []\n${CMD}\n`);
    expect(msg(e)).toBe("spec.yaml:2:1: 'base_config' must be a string, got number 3.\n  also: " + `${path.dirname(e.file as string)}/spec.yaml:3:1: 'sweep' must be a mapping, got a list.`);
  });

  it("rejects on/off/yes/no among strings in a sweep (YAML 1.1 booleans), warns when alone", () => {
    const e = specError(`name: x\nbase_config: ${BASE}\nsweep:\n  mode: [auto, on, off]\n${CMD}\n`);
    expect(msg(e)).toBe("spec.yaml:4:16: sweep 'mode' mixes strings with on, off, which YAML 1.1 reads as booleans. Quote them to sweep over strings: 'on', 'off'.");
    const block = specError(`name: x\nbase_config: ${BASE}\nsweep:\n  answer:\n    - maybe\n    - yes\n${CMD}\n`);
    expect(msg(block)).toMatch(/^spec\.yaml:6:7: sweep 'answer' mixes strings with yes/);

    const dir = tmpDir();
    const spec = validateSpec(`name: x\nbase_config: ${BASE}\nfixed_overrides:\n  verbose: on\nsweep:\n  flag: [yes, no]\n  quoted: ['on', 'off']\n  bools: [true, false]\n${CMD}\n`, path.join(dir, "spec.yaml"));
    expect(spec.warnings.map((w) => w.message.replace(`${dir}/`, ""))).toEqual([
      "spec.yaml:6:10: sweep 'flag': yes, no are read as booleans (YAML 1.1). Write true/false for booleans, or quote them ('yes', 'no') for strings.",
      "spec.yaml:4:3: 'on' is read as the boolean true (YAML 1.1). Write true if you mean a boolean, or quote it ('on') for the string.",
    ]);
    expect(spec.sweep[1].values).toEqual(["on", "off"]);
  });

  it("needs a command or a mode; a mode is looked up in modes.yaml when there is one, else only named", () => {
    expect(msg(specError(`name: x\nbase_config: ${BASE}\n`))).toMatch(/^spec\.yaml:1:1: the spec needs a 'command'/);
    const dir = tmpDir();
    // Without modes.yaml, a mode is a name given to the program; the command comes from the spec or the command line.
    expect(validateSpec(`name: x\nbase_config: ${BASE}\n${CMD}\nmode: train\n`, path.join(dir, "spec.yaml"))).toMatchObject({ mode: { name: "train", args: [] }, command: ["node", "run.mjs"] });
    expect(validateSpec(`name: x\nbase_config: ${BASE}\nmode: simulation\n`, path.join(dir, "spec.yaml"))).toMatchObject({ mode: { name: "simulation" }, command: [] });
    writeFileSync(path.join(dir, "modes.yaml"), "modes:\n  training: [node, train.mjs]\n  broken: [node, 5]\n");
    expect(msg(specError(`name: x\nbase_config: ${BASE}\nmode:\n  name: train\n`, dir))).toBe(`spec.yaml:4:3: unknown mode 'train'. Modes defined in ${dir}/modes.yaml: training, broken.`);
    expect(() => validateSpec(`name: x\nbase_config: ${BASE}\nmode: broken\n`, path.join(dir, "spec.yaml"))).toThrow(
      `${dir}/modes.yaml:3:3: mode 'broken' must be a non-empty list of strings: program and arguments (quote numbers).`,
    );
    expect(msg(specError(`name: x\nbase_config: ${BASE}\nmode: { name: training, flags: [a] }\n`, dir))).toBe("spec.yaml:3:25: unknown field 'mode.flags'. Allowed fields: name, args.");
    const ok = validateSpec(`name: x\nbase_config: ${BASE}\nmode: { name: training, args: [--fast] }\n`, path.join(dir, "spec.yaml"));
    expect(ok.command).toEqual(["node", "train.mjs", "--fast"]);
  });

  it("checks that config files exist, naming every place looked (working directory, then the spec's folder)", () => {
    const dir = tmpDir();
    expect(msg(specError(`name: x\nbase_config: nope.yaml\n${CMD}\n`, dir))).toBe(
      `spec.yaml:2:1: config file 'nope.yaml' not found; looked for ${path.resolve("nope.yaml")} and ${dir}/nope.yaml (paths are relative to the directory you run hydrant in, then to the spec file's folder).`,
    );
    expect(msg(specError(`name: x\nconfigs:\n  - ${BASE}\n  - missing.yaml\n${CMD}\n`, dir))).toMatch(/^spec\.yaml:4:5: config file 'missing\.yaml' not found/);
  });

  it("rejects overlapping and malformed sweep keys; warns when the sweep replaces a fixed value", () => {
    expect(msg(specError(`name: x\nbase_config: ${BASE}\nsweep:\n  model: [{}]\n  model.lr: [1]\n${CMD}\n`))).toBe(
      "spec.yaml:5:3: sweep keys 'model' and 'model.lr' overlap: 'model' replaces the whole node that holds 'model.lr'. Sweep one of them.",
    );
    expect(msg(specError(`name: x\nbase_config: ${BASE}\nsweep:\n  a..b: [1]\n${CMD}\n`))).toBe("spec.yaml:4:3: 'a..b' is not a valid config key: use dotted names like optimizer.lr.");
    const dir = tmpDir();
    const spec = validateSpec(`name: x\nbase_config: ${BASE}\nfixed_overrides: { model.lr: 1 }\nsweep:\n  model.lr: [2]\n${CMD}\n`, path.join(dir, "spec.yaml"));
    const prepared = prepareExperiment(spec, { root: path.join(dir, "experiments") });
    expect(prepared.warnings.map((w) => w.message)).toEqual([`${dir}/spec.yaml:3:20: fixed_overrides 'model.lr' is replaced in every run by sweep 'model.lr' (the sweep is applied after the fixed overrides).`]);
    // A config group's option is composed first, so a fixed value under it is kept: no warning.
    const grouped = validateSpec(`name: g\nbase_config: ${FIXTURES}/hydra/config.yaml\nfixed_overrides: { optimizer.lr: 1 }\nsweep:\n  optimizer: [adam, sgd]\n${CMD}\n`, path.join(dir, "g.yaml"));
    expect(prepareExperiment(grouped, { root: path.join(dir, "experiments") }).warnings).toEqual([]);
  });

  it("reports YAML syntax errors and non-mapping specs", () => {
    expect(msg(specError(`name: x\nsweep: [1, 2\n`))).toMatch(/^spec\.yaml:\d+:\d+: the spec is not valid YAML/);
    expect(msg(specError(`- a\n- b\n`))).toMatch(/^spec\.yaml: an experiment spec is a YAML mapping/);
    expect(() => loadSpec("/nonexistent/spec.yaml")).toThrow("Experiment spec '/nonexistent/spec.yaml' not found");
  });

  it("fails before anything runs when a value cannot be set, and writes nothing", async () => {
    const dir = tmpDir();
    const root = path.join(dir, "experiments");
    const spec = writeSpec(dir, "spec.yaml", `name: x\nbase_config: ${BASE}\nsweep:\n  model.lr.x: [1]\ncommand: [node, -e, "require('fs').writeFileSync('${dir}/ran', '')"]\n`);
    const r = await hydrant(["run", spec, "--root", root]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Error: ${spec}:4:3: cannot set 'model.lr.x' in ${BASE}:`);
    expect(existsSync(root)).toBe(false);
    expect(existsSync(path.join(dir, "ran"))).toBe(false);
  });

  it("the CLI prints the error and a usage for bad arguments", async () => {
    const dir = tmpDir();
    const spec = writeSpec(dir, "spec.yaml", `name: x\nbase_config: ${FIXTURES}/base.yaml\nsweps: {}\n${CMD}\n`);
    const r = await hydrant(["run", spec]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Error: ${spec}:3:1: unknown field 'sweps'`);
    expect((await hydrant(["run", spec, "--limit", "0"])).err).toContain("--limit must be a positive integer, got '0'.");
    expect((await hydrant(["frobnicate"])).err).toContain("Unknown experiment command 'frobnicate'.");
    expect((await hydrant(["run", spec, "--bogus"])).err).toContain("Unknown option '--bogus'");
    expect((await hydrant(["show", dir])).err).toContain("is not an experiment dir");
  });
});
