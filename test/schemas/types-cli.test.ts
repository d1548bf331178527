// `hydrant types` end to end on conf/: the committed generated module is current, and main() typed
// with it rejects a misspelt key at compile time.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const GENERATED = "examples/lib/config.generated.ts";

function run(cmd: string[], cwd = root): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, cmd, { cwd, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("hydrant types on conf/", { timeout: 120_000 }, () => {
  it(`keeps ${GENERATED} up to date (--check)`, () => {
    const r = run(["dist/cli.js", "types", "-cd", "conf", "-cn", "config", "--out", GENERATED, "--check"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("prints the module, and --check fails on a stale file", () => {
    const printed = run(["dist/cli.js", "types", "-cd", "conf", "-cn", "config", "--out", GENERATED]);
    expect(printed.status).toBe(0);
    const stale = path.join(mkdtempSync(path.join(os.tmpdir(), "hydrant-types-")), "config.ts");
    copyFileSync(path.join(root, GENERATED), stale);
    writeFileSync(stale, readFileSync(stale, "utf8").replace("learning_rate: number;", "learning_rate: string;"));
    const r = run(["dist/cli.js", "types", "-cd", "conf", "-cn", "config", "--out", stale, "--check"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${stale} is out of date with the configs in conf: run \`hydrant types -cd conf -cn config --out ${stale}\``);
  });

  it("types main() so that a misspelt key does not compile", () => {
    const r = run(["node_modules/typescript/bin/tsc", "-p", "test/schemas/fixtures/typed-main/tsconfig.json"]);
    const errors = r.stdout.split("\n").filter((l) => l.includes("error TS"));
    expect(errors).toEqual([
      "test/schemas/fixtures/typed-main/main.ts(8,31): error TS2551: Property 'learning_rat' does not exist on type 'Optimizer'. Did you mean 'learning_rate'?",
    ]);
  });
});

describe("hydrant schema on conf/", { timeout: 120_000 }, () => {
  it("prints a JSON Schema that conf/'s experiment files satisfy and a wrong override does not", () => {
    const r = run(["dist/cli.js", "schema", "-cd", "conf", "-cn", "config", "--for", "experiment"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const validate = new Ajv().compile(JSON.parse(r.stdout));
    const lrAblation = parse(readFileSync(path.join(root, "conf/experiment/lr_ablation.yaml"), "utf8"));
    expect(validate(lrAblation)).toBe(true);
    expect(validate({ ...lrAblation, defaults: [{ "override /optimizer": "adamw" }] })).toBe(false);
  });

  it("includes the experiment spec format (--for experiment-spec)", () => {
    const r = run(["dist/cli.js", "schema", "-cd", "conf", "-cn", "config", "--for", "experiment-spec"]);
    expect(r.status).toBe(0);
    const validate = new Ajv({ allowUnionTypes: true }).compile(JSON.parse(r.stdout));
    expect(validate(parse(readFileSync(path.join(root, "examples/specs/lr_sweep.yaml"), "utf8")))).toBe(true);
    expect(validate({ name: "lr", sweeps: {} })).toBe(false);
  });

  it("names the kinds of files when --for names none", () => {
    const r = run(["dist/cli.js", "schema", "-cd", "conf", "-cn", "config", "--for", "nope"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("No config files of kind 'nope': choose one of config, model, optimizer, dataset, training, experiment, experiment-spec");
  });
});
