/**
 * The fuzz suite: random and mutated overrides, YAML files and experiment specs thrown at the library
 * and at the CLI. Every input either succeeds or fails with one of hydrant's own errors (HydrantError;
 * on the command line: exit 1, a message, no stack trace); the CLI runs each input with a time limit
 * and a heap limit, so a hang or a blow-up is counted, never waited out. Bounded in count and time.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeConfig } from "../src/compose/compose.js";
import { parseYaml } from "../src/config/yaml.js";
import { HydrantError } from "../src/errors.js";
import { validateSpec } from "../src/experiment/definition/load-spec.js";
import { parseOverride } from "../src/overrides/index.js";
import { isSweep, sweepStrings } from "../src/overrides/sweep.js";

const CLI = path.resolve(import.meta.dirname, "../dist/cli.js");
const CONF = path.resolve(import.meta.dirname, "fixtures/run/conf");

interface Tally {
  tried: number;
  ok: number;
  clean: number;
  crashes: string[];
  hangs: string[];
}
const tally = (): Tally => ({ tried: 0, ok: 0, clean: 0, crashes: [], hangs: [] });

/** Runs `f`; a HydrantError is a clean failure, anything else a crash (with the input, for the report). */
function attempt(t: Tally, input: string, f: () => unknown): void {
  t.tried++;
  try {
    f();
    t.ok++;
  } catch (e) {
    if (e instanceof HydrantError) t.clean++;
    else t.crashes.push(`${JSON.stringify(input).slice(0, 200)}: ${(e as Error)?.name}: ${(e as Error)?.message?.slice(0, 200)}`);
  }
}

/** Pieces hostile inputs are made of. */
const atoms = ["${", "}", "[", "]", "{", "}", "(", ")", ",", "=", "+", "~", "'", '"', "\\", ":", ".", "/", "..", "\0", "\n", "$IFS", "|", ";",
  "range(", "shuffle(", "choice(", "interval(", "glob(", "sort(", "tag(", "int(", "float(", "str(", "1e300", "1e-300", "-0", "nan", "inf",
  "oc.env:HOME", "oc.decode:", "hydra:job.num", "x", "db", "a", "b", "null", "true", "???", "&a", "*a", "<<", "!!python/object", "%", "@"];
const hostile = fc.array(fc.constantFrom(...atoms), { maxLength: 24 }).map((p) => p.join(""));
const mutate = (base: string) =>
  fc.tuple(fc.nat(base.length), fc.nat(8), hostile).map(([at, cut, ins]) => base.slice(0, at) + ins + base.slice(Math.min(base.length, at + cut)));
const deep = fc.tuple(fc.constantFrom("[", "{a:", "${x", "(", "- "), fc.integer({ min: 100, max: 5000 })).map(([open, n]) => open.repeat(n));

const SEED_OVERRIDES = ["x=1", "db=b", "+y=[1,2,{a:3}]", "x=range(0,5)", "x=choice(1,2)", "db=glob(*)", "w=${x}", "+z='${oc.env:HOME}'", "~log", "x=shuffle(range(0,3))", "x=interval(0,1)", "x=str(1)"];
const overrideText = fc.oneof(hostile, deep, fc.constantFrom(...SEED_OVERRIDES).chain(mutate), fc.string({ maxLength: 40 }));

const SEED_YAML = ["a: 1\nb: [1, 2]\nc: {d: ${a}}\n", "defaults:\n  - db: a\n  - _self_\nx: 1\n", "a: &x {k: 1}\nb: *x\nc:\n  <<: *x\n", "- 1\n- 2\n", "k: |\n  text\n"];
const yamlText = fc.oneof(fc.constantFrom(...SEED_YAML).chain(mutate), deep.map((d) => `a: ${d}`), hostile, fc.string({ maxLength: 80 }));

const SEED_SPEC = `name: fz\nbase_config: ${path.resolve(import.meta.dirname, "fixtures/experiment/base.yaml")}\nsweep:\n  model.lr: [0.1, 0.2]\ncommand: [node, x.mjs, "{config}"]\n`;

const RUNS = 150;

describe("fuzz: the library", () => {
  it("overrides: parsed, enumerated, composed; clean errors only", { timeout: 120_000 }, () => {
    const t = tally();
    fc.assert(
      fc.property(overrideText, (text) => {
        attempt(t, text, () => {
          const o = parseOverride(text);
          if (isSweep(o)) {
            let n = 0;
            for (const _ of sweepStrings(o)) if (++n >= 5) break;
          }
        });
        attempt(t, text, () => composeConfig({ configDir: CONF, configName: "config", overrides: [text] }));
      }),
      { numRuns: RUNS, seed: 12, interruptAfterTimeLimit: 60_000 },
    );
    console.log(`fuzz overrides: ${t.tried} tried, ${t.ok} ok, ${t.clean} clean errors, ${t.crashes.length} crashes`);
    expect(t.crashes).toEqual([]);
  });

  it("YAML: parsed; clean errors only", { timeout: 120_000 }, () => {
    const t = tally();
    fc.assert(fc.property(yamlText, (text) => attempt(t, text, () => parseYaml(text, "fuzz.yaml"))), { numRuns: RUNS * 2, seed: 13, interruptAfterTimeLimit: 60_000 });
    console.log(`fuzz YAML: ${t.tried} tried, ${t.ok} ok, ${t.clean} clean errors, ${t.crashes.length} crashes`);
    expect(t.crashes).toEqual([]);
  });

  it("experiment specs: validated; clean errors only", { timeout: 120_000 }, () => {
    const t = tally();
    const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-fuzz-"));
    fc.assert(fc.property(mutate(SEED_SPEC), (text) => attempt(t, text, () => validateSpec(text, path.join(dir, "spec.yaml")))), { numRuns: RUNS, seed: 14, interruptAfterTimeLimit: 60_000 });
    console.log(`fuzz specs: ${t.tried} tried, ${t.ok} ok, ${t.clean} clean errors, ${t.crashes.length} crashes`);
    expect(t.crashes).toEqual([]);
  });
});

describe("fuzz: the command line", () => {
  it("overrides, config files and specs through the bin: exit 0 or a clean error, never a hang or a stack", { timeout: 300_000 }, () => {
    const t = tally();
    const cwd = mkdtempSync(path.join(os.tmpdir(), "hydrant-fuzz-cli-"));
    mkdirSync(path.join(cwd, "conf"));
    const run = (input: string, args: string[]) => {
      t.tried++;
      // A heap limit and a time limit: a blow-up or a hang is counted, not waited out.
      // argv cannot carry NUL bytes (the OS ends a string there): those reach hydrant through files only.
      const r = spawnSync(process.execPath, ["--max-old-space-size=256", CLI, ...args.map((a) => a.replaceAll("\0", ""))], { cwd, encoding: "utf8", timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
      if (r.error && (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT") return void t.hangs.push(input);
      const stack = /\n\s+at \S+ \(|TypeError|RangeError|ReferenceError|heap out of memory/.test(r.stderr);
      if (r.status === 0 && !stack) t.ok++;
      else if (r.status === 1 && !stack && r.stderr.startsWith("Error: ")) t.clean++;
      else t.crashes.push(`${JSON.stringify(input).slice(0, 200)} -> status ${r.status} ${r.signal ?? ""}: ${r.stderr.slice(0, 300)}`);
    };
    const samples = fc.sample(fc.tuple(overrideText, yamlText, mutate(SEED_SPEC)), { numRuns: 12, seed: 15 });
    for (const [override, yaml, spec] of samples) {
      run(override, ["-cd", CONF, "-cn", "config", override, "--cfg", "job", "--resolve"]);
      run(override, ["-cd", CONF, "-cn", "config", "-m", override, "--limit", "3"]);
      writeFileSync(path.join(cwd, "conf/fuzz.yaml"), yaml);
      run(yaml, ["-cd", "conf", "-cn", "fuzz", "--cfg", "job"]);
      writeFileSync(path.join(cwd, "spec.yaml"), spec);
      run(spec, ["experiment", "run", "spec.yaml", "--limit", "0", "--root", "exps"]);
    }
    // The named attacks, each once.
    const lol = "l0: &l0 [x,x,x,x,x,x,x,x,x]\n" + Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(",")}]\n`).join("");
    for (const [name, text] of [["billion laughs", lol], ["deep flow", `a: ${"[".repeat(100_000)}`], ["NUL", "a: 1\0\n"]] as const) {
      writeFileSync(path.join(cwd, "conf/fuzz.yaml"), text);
      run(name, ["-cd", "conf", "-cn", "fuzz", "--cfg", "job"]);
    }
    for (const o of ["+x=range(0,1,1e-300)", "+x=shuffle(range(0,1000000000000))", `+x=${"[".repeat(50_000)}`, `+x=\${${"a.".repeat(50_000)}a}`]) run(o, ["-cd", CONF, "-cn", "config", "-m", o, "--limit", "1"]);
    console.log(`fuzz CLI: ${t.tried} tried, ${t.ok} ok, ${t.clean} clean errors, ${t.crashes.length} crashes, ${t.hangs.length} hangs`);
    expect(t.hangs).toEqual([]);
    expect(t.crashes).toEqual([]);
  });
});
