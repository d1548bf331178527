// The experiment commands' argv, parsed by yargs as the bin's other subcommands are: each command takes
// its own flags only, one meaning per flag name across the bin, the same usage and exit codes as before.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXPERIMENT_USAGE } from "../../src/cli/experiment-command.js";
import { BASE, hydrant, manifestOf, onlyExperiment, RECORD_COMMAND, tmpDir, writeSpec } from "../experiment/helpers.js";

describe("experiment command line", { timeout: 60_000 }, () => {
  it("prints the usage: exit 0 when asked for, 1 without a command; unknown commands and flags are errors", async () => {
    expect(await hydrant(["--help"])).toEqual({ code: 0, out: EXPERIMENT_USAGE, err: "" });
    expect(await hydrant(["show", "--help"])).toEqual({ code: 0, out: EXPERIMENT_USAGE, err: "" });
    expect(await hydrant([])).toMatchObject({ code: 1, out: EXPERIMENT_USAGE });
    expect(await hydrant(["frobnicate"])).toMatchObject({ code: 1, err: `Unknown experiment command 'frobnicate'.\n\n${EXPERIMENT_USAGE}` });
    expect(await hydrant(["run", "x.yaml", "--bogus", "-z"])).toMatchObject({ code: 1, err: `Unknown options '--bogus', '-z'\n\n${EXPERIMENT_USAGE}` });
    expect((await hydrant(["run", "x.yaml", "--limit"])).err).toMatch(/^Not enough arguments following: limit\n/);
  });

  it("a flag belongs to the commands that use it: list takes no --limit, show no simulation flag, only run forwards arguments", async () => {
    const root = path.join(tmpDir(), "experiments");
    expect(await hydrant(["list", "--root", root, "--limit", "3"])).toMatchObject({ code: 1, err: expect.stringContaining("Unknown option '--limit'") });
    expect(await hydrant(["show", "d", "--show"])).toMatchObject({ code: 1, err: expect.stringContaining("Unknown option '--show'") });
    expect(await hydrant(["list", "--", "x"])).toMatchObject({ code: 1, err: expect.stringContaining("experiment list takes no program arguments") });
    expect(await hydrant(["list", "--root", root])).toEqual({ code: 0, out: "No experiments.\n", err: "" });
  });

  it("show spells --sort-by/--sort, --desc and --output/--out/-o as results and types do", async () => {
    const dir = tmpDir();
    const spec = writeSpec(dir, "spec.yaml", `name: flags\nbase_config: ${BASE}\nsweep:\n  score: [2, 1]\n${RECORD_COMMAND}\n`);
    const root = path.join(dir, "experiments");
    expect((await hydrant(["run", spec, "--root", root, "-y"])).code).toBe(0);
    const exp = onlyExperiment(root);
    expect(manifestOf(exp).status).toBe("completed");
    const csv = path.join(dir, "out.csv");
    expect(await hydrant(["show", exp, "--sort", "score", "--desc", "--out", csv])).toEqual({ code: 0, out: `Wrote ${csv}\n`, err: "" });
    const json = JSON.parse((await hydrant(["show", exp, "--sort-by", "score", "--format", "json"])).out) as { run: number }[];
    expect(json.map((r) => r.run)).toEqual([1, 0]);
  });
});
