/**
 * Bash completion: the bin's subcommands and their flags, Hydra's overrides as before, and a
 * `main()` app's script registered under its own command. Run through a real bash where it matters.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP, CONF, TSX } from "../app/helpers.js";
import { SUBCOMMANDS } from "../../src/cli/routing.js";
import { COMPLETED_SUBCOMMANDS } from "../../src/cli/subcommand-completion.js";

const CLI = path.resolve(import.meta.dirname, "../../dist/cli.js");

/** What `hydrant -sc query=bash` offers for the line (the cursor at its end). */
function query(line: string, cwd = process.cwd()): string[] {
  const r = spawnSync(process.execPath, [CLI, "-sc", "query=bash"], { cwd, encoding: "utf8", env: { ...process.env, COMP_LINE: line, COMP_POINT: String(line.length) } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split("\n").filter(Boolean);
}

/** COMPREPLY of the installed bash function for `line`, with `hydrant` on PATH. */
function bashComplete(line: string): string[] {
  const bin = mkdtempSync(path.join(os.tmpdir(), "hydrant-bin-"));
  writeFileSync(path.join(bin, "hydrant"), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(path.join(bin, "hydrant"), 0o755);
  const words = line.split(/\s+/);
  const script = `eval "$(hydrant -sc install=bash)"
COMP_LINE=${JSON.stringify(line)}; COMP_POINT=\${#COMP_LINE}; COMP_CWORD=${words.length - 1}
_hydrant_completion; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync("bash", ["-c", script], { encoding: "utf8", env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split("\n").filter(Boolean);
}

describe("bash completion", { timeout: 90_000 }, () => {
  it("offers the subcommands for the first word: hydrant res<Tab> is results", () => {
    expect(bashComplete("hydrant res")).toEqual(["results"]);
    expect(query("hydrant ")).toEqual(expect.arrayContaining(["results", "experiment", "worker", "ui", "completion"]));
  });

  it("offers a subcommand's flags, and its fixed words", () => {
    expect(bashComplete("hydrant results --so")).toEqual(["--sort", "--sort-by"]);
    expect(query("hydrant worker --")).toEqual(expect.arrayContaining(["--redis", "--queue", "--concurrency", "--lock-duration", "--stalled-interval"]));
    expect(query("hydrant experiment r")).toEqual(["run"]);
    expect(query("hydrant experiment show --so")).toEqual(["--sort-by"]);
    expect(query("hydrant completion ")).toEqual(["bash", "fish", "zsh"]);
    // A sweep dir is a path: the shell's file completion takes over.
    expect(query("hydrant results ")).toEqual([]);
  });

  it("knows every subcommand the bin routes", () => {
    expect([...COMPLETED_SUBCOMMANDS].sort()).toEqual([...SUBCOMMANDS].sort());
    expect(query("hydrant schema --f")).toEqual(["--for"]);
  });

  it("offers both the subcommands and Hydra's words for an empty first word", () => {
    const conf = path.relative(process.cwd(), CONF);
    expect(query("hydrant ")).toEqual(expect.arrayContaining(["results", "hydra/launcher="]));
    expect(query(`hydrant -cd ${conf} -cn config `)).toEqual(expect.arrayContaining(["db="]));
  });

  it("keeps Hydra's completion of overrides and flags", () => {
    const conf = path.relative(process.cwd(), CONF);
    expect(query(`hydrant -cd ${conf} -cn config db=`)).toEqual(expect.arrayContaining(["db=a"]));
    expect(query(`hydrant -cd ${conf} -cn config --cf`)).toEqual(["--cfg"]);
  });

  it("a main() app's script registers its own command, and completes its config", () => {
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ["--import", TSX, APP, ...args], { encoding: "utf8", env: { ...process.env, HYDRANT_WORKER: "", ...env } });
    const install = run(["-sc", "install=bash"]);
    expect(install.status, install.stderr).toBe(0);
    expect(install.stdout).toMatch(/complete -o nospace -o default -F _app_ts_completion app\.ts node\n/);
    expect(install.stdout).not.toMatch(/ hydrant\n/);
    const line = `node ${APP} db=`;
    const offered = run(["-sc", "query=bash"], { COMP_LINE: line, COMP_POINT: String(line.length) });
    expect(offered.stdout.split("\n")).toEqual(expect.arrayContaining(["db=a"]));
    expect(offered.stdout).not.toMatch(/^results$/m);
  });
});
