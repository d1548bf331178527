/**
 * Runs the recorded Hydra compose cases in-process: composeConfig → job config (resolved when asked)
 * → toYaml, compared byte for byte with the text Hydra printed (`expect.stdout`); sweep jobs, which
 * record only the config, are compared as plain data including key order. Error cases only need a
 * HydrantError. `HYDRANT_CASES=substring` narrows the run.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { composeConfig, jobConfig, resolveJobConfig } from "../../src/compose/index.js";
import { toPlainUnresolved } from "../../src/config/node.js";
import { toYaml } from "../../src/config/yaml.js";
import { HydrantError } from "../../src/errors.js";

// The vendored copy of the recorded corpus (npm run conformance:sync refreshes it).
const CONFORMANCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../conformance/hydra");
const CASES_FILE = path.join(CONFORMANCE, "cases.jsonl");
function knownFailures(): { cases: Record<string, string>; inProcess: Record<string, string> } {
  return JSON.parse(readFileSync(path.join(CONFORMANCE, "../known-failures.json"), "utf8"));
}
// Cases whose rule is not implemented yet: they must still fail here (the list only shrinks).
const KNOWN = new Set(Object.keys(knownFailures().cases));
// Cases only the in-process harness cannot reproduce (the CLI passes them): either outcome is accepted.
const HARNESS_ONLY = new Set(Object.keys(knownFailures().inProcess));

/**
 * Holds one case's outcome (`why`, "" when it passed) against the lists: a known failure must still
 * fail (the list only shrinks), a harness-only case may do either, every other case must pass.
 */
function expectOutcome(id: string, why: string): void {
  if (HARNESS_ONLY.has(id)) return;
  if (KNOWN.has(id)) expect(why, "passes now: remove it from test/conformance/known-failures.json").not.toBe("");
  else expect(why).toBe("");
}

interface Case {
  id: string;
  kind: "compose" | "sweep";
  tree: string;
  config_name: string | null;
  overrides: string[];
  resolve: boolean;
  env?: Record<string, string>;
  expect: { config?: unknown; stdout?: string; error?: { type: string; message: string }; jobs?: { overrides: string[]; config: unknown }[] };
}

/** Python's json writes bare Infinity/NaN; turn them into strings JSON can read, then back. */
function parseCase(line: string): Case {
  const fixed = line.replace(/(?<=[:\[,]\s*)(-?Infinity|NaN)(?=\s*[,\]}])/g, '"__$1__"');
  return JSON.parse(fixed, (_k, v: unknown) =>
    v === "__Infinity__" ? Infinity : v === "__-Infinity__" ? -Infinity : v === "__NaN__" ? NaN : v,
  ) as Case;
}

function loadCases(): Case[] {
  // A missing corpus is a failure (it is part of the repository), never a skip.
  const text = readFileSync(CASES_FILE, "utf8");
  const filter = process.env.HYDRANT_CASES ?? "";
  return text
    .split("\n")
    .filter((l) => l.trim())
    .map(parseCase)
    .filter((c) => c.id.includes(filter));
}

/** First difference (values and key order), or "" when equal. */
function diff(expected: unknown, actual: unknown, where = "<root>"): string {
  if (typeof expected === "number" && typeof actual === "number") {
    return Object.is(expected, actual) || expected === actual ? "" : `${where}: expected ${expected}, got ${actual}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const d = diff(expected[i], actual[i], `${where}[${i}]`);
      if (d) return d;
    }
    return "";
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return `${where}: expected a mapping, got ${JSON.stringify(actual)}`;
    const ek = Object.keys(expected);
    const ak = Object.keys(actual);
    if (ek.join("\0") !== ak.join("\0")) return `${where}: keys [${ek}] vs [${ak}]`;
    for (const k of ek) {
      const d = diff((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], `${where}.${k}`);
      if (d) return d;
    }
    return "";
  }
  return expected === actual ? "" : `${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** Hydra's messages embed the recording machine's paths; compare up to the search path listing. */
function sameMessage(hydra: string, ours: string): boolean {
  const cut = (m: string) => m.split("\nConfig search path:")[0]!.trim();
  return cut(hydra) === cut(ours);
}

/** Runs `fn` with the case's environment variables set. */
function withEnv<T>(env: Record<string, string> | undefined, fn: () => T): T {
  const saved = Object.entries(env ?? {}).map(([k]) => [k, process.env[k]] as const);
  Object.assign(process.env, env ?? {});
  try {
    return fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function runCase(c: Case): string {
  const configDir = path.join(CONFORMANCE, c.tree);
  let yamlText: string;
  let plain: unknown;
  try {
    withEnv(c.env, () => {
      const result = composeConfig({ configDir, configName: c.config_name, overrides: c.overrides, runMode: "RUN" });
      const config = c.resolve ? resolveJobConfig(result) : jobConfig(result);
      yamlText = toYaml(config);
      plain = toPlainUnresolved(config);
    });
  } catch (e) {
    if (c.expect.error) {
      if (!(e instanceof HydrantError)) return `expected a HydrantError, got ${String(e)}`;
      // HYDRANT_CASES_MESSAGES=1 also reports messages that differ from Hydra's (informational).
      if (process.env.HYDRANT_CASES_MESSAGES && !sameMessage(c.expect.error.message, e.message)) {
        return `message differs:\n  hydra:   ${JSON.stringify(c.expect.error.message)}\n  hydrant: ${JSON.stringify(e.message)}`;
      }
      return "";
    }
    return `threw ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e)}`;
  }
  if (c.expect.error) return `expected error ${c.expect.error.type}: ${c.expect.error.message.split("\n")[0]}`;
  if (typeof c.expect.stdout === "string") {
    return yamlText! === c.expect.stdout ? "" : `text differs:\n  hydra:   ${JSON.stringify(c.expect.stdout)}\n  hydrant: ${JSON.stringify(yamlText!)}`;
  }
  return diff(c.expect.config, plain);
}

/** A sweep case: the master composes in MULTIRUN mode, and each job composes alone with its overrides. */
function runSweepCase(c: Case): string {
  const configDir = path.join(CONFORMANCE, c.tree);
  try {
    composeConfig({ configDir, configName: c.config_name, overrides: c.overrides, runMode: "MULTIRUN" });
  } catch (e) {
    return c.expect.error ? "" : `master compose threw ${(e as Error).message}`;
  }
  for (const [i, j] of (c.expect.jobs ?? []).entries()) {
    const why = runCase({ ...c, kind: "compose", overrides: j.overrides, expect: { config: j.config } });
    if (why) return `job ${i} (${j.overrides.join(" ")}): ${why}`;
  }
  return "";
}

const all = loadCases();
const cases = all.filter((c) => c.kind === "compose");
const sweeps = all.filter((c) => c.kind === "sweep");

describe("Hydra compose conformance (in-process)", () => {
  it("has the recorded compose and sweep cases", () => {
    expect(cases.length).toBeGreaterThan(process.env.HYDRANT_CASES ? 0 : 500);
    expect(sweeps.length).toBeGreaterThan(process.env.HYDRANT_CASES ? 0 : 20);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (id, c) => expectOutcome(id, runCase(c)));
});

describe("Hydra sweep cases, job by job (in-process)", () => {
  it.each(sweeps.map((c) => [c.id, c] as const))("%s", (id, c) => expectOutcome(id, runSweepCase(c)));
});
