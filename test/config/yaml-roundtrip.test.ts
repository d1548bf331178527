import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigDict, toPlainUnresolved, type PlainValue } from "../../src/config/node.js";
import { parseYaml, toYaml } from "../../src/config/yaml.js";

const NASTY = [
  "yes", "no", "on", "off", "y", "n", "Y", "true", "False", "null", "Null", "~", "", " ", "  lead", "trail ", "1e3", "1e-5",
  "1E3", "e5", ".5", "-.5", "1.", ".", "1_000", "0x1F", "0o17", "017", "08", "1:30", "1:30.5", "2020-01-01", "2020-1-1",
  ".inf", "-.inf", ".nan", "inf", "nan", "NaN", "#", "a #b", "a#b", ": ", "a: b", "a:b", ":", "-", "- x", "-x", "?", "? x",
  "'", "\"", "''", "it's", "\"q\"", "\n", "a\nb", "a\n\nb", "a\n b", "a \nb", "\na", "a\n", "\t", "tab\tin", "${a}",
  "${a.b}: c", "${oc.env:HOME,/tmp}", "\\${esc}", "???", "=", "<<", "---", "...", "--- x", "[a]", "{a: 1}", "a, b", "*a",
  "&a", "!a", "%a", "@a", "`a", "|", ">", "é", "日本語", "😀", "\u00a0", "\u2028", "a\u0085b", "\ufeff", "\u0000", "\r\n",
  "x".repeat(90), `${"word ".repeat(30)}end`, `${"a\n".repeat(3)}  indented`,
];

const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...NASTY), { maxLength: 4 }).map((a) => a.join(" ")) },
);
const number = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: false }).filter((d) => !Number.isInteger(d) || !Number.isFinite(d)),
);
const scalar = fc.oneof(nastyString, number, fc.boolean(), fc.constant(null));

const { tree } = fc.letrec<{ tree: PlainValue; dict: PlainValue; list: PlainValue }>((tie) => ({
  tree: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("dict"), tie("list")),
  dict: fc.dictionary(nastyString, tie("tree"), { maxKeys: 5 }),
  list: fc.array(tie("tree"), { maxLength: 4 }),
}));
const root = fc.oneof(fc.dictionary(nastyString, tree, { maxKeys: 6 }), fc.array(tree, { maxLength: 4 }));

/** Deep equality that also checks key order and treats NaN as equal to itself. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b) || a === b;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && typeof a === "object") {
    if (!b || typeof b !== "object" || Array.isArray(b)) return false;
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.join("\0") === kb.join("\0") && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

describe("toYaml -> read back", () => {
  it("parseYaml reads back exactly what toYaml printed", () => {
    // NEL, LS and PS are line breaks to PyYAML (which hydrant's output follows byte for byte) but not to
    // the YAML 1.2 tokenizer hydrant reads with, so text holding them is left to the PyYAML oracle below.
    const yaml11Breaks = /[\x85\u2028\u2029]/;
    // `._`, `._1`: PyYAML's dumper (whose float pattern needs a digit after the dot) prints them plain, and
    // OmegaConf's loader (whose pattern does not) reads them as floats that Python's float() refuses.
    // Hydra cannot read back what it printed there either; hydrant prints what Hydra prints.
    const pyyamlOmegaConfMismatch = /^\._[0-9_]*(?:[eE][-+][0-9]+)?$/;
    const unreadable = (s: string): boolean => yaml11Breaks.test(s) || pyyamlOmegaConfMismatch.test(s);
    const readable = (v: PlainValue): boolean =>
      typeof v === "string" ? !unreadable(v)
      : Array.isArray(v) ? v.every(readable)
      : v !== null && typeof v === "object" ? Object.entries(v).every(([k, x]) => !unreadable(k) && readable(x))
      : true;
    fc.assert(
      fc.property(root.filter(readable), (value) => {
        const text = toYaml(value);
        const back = toPlainUnresolved(parseYaml(text, "dump.yaml") ?? new ConfigDict());
        expect(same(back, value), `${JSON.stringify(value)}\n---\n${text}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// Differential tests against OmegaConf's loader/dumper rebuilt on PyYAML, when Python has PyYAML.
const oracle = fileURLToPath(new URL("../fixtures/config/pyyaml_oracle.py", import.meta.url));
const hasPyYaml = spawnSync("python3", ["-c", "import yaml"], { encoding: "utf8" }).status === 0;

function askOracle(mode: "load" | "dump", items: unknown[]): unknown[] {
  const input = JSON.stringify(items, (_k, v: unknown) =>
    typeof v === "number" && !Number.isFinite(v) ? { $f: Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf" } : v,
  );
  const r = spawnSync("python3", [oracle, mode], { input, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as unknown[];
}

function fromOracle(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromOracle);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Object.keys(o).length === 1 && typeof o.$f === "string") {
      return o.$f === "nan" ? NaN : o.$f === "inf" ? Infinity : o.$f === "-inf" ? -Infinity : Number(o.$f);
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, fromOracle(x)]));
  }
  return v;
}

describe.skipIf(!hasPyYaml)("agreement with PyYAML + OmegaConf's loader and dumper", { timeout: 60_000 }, () => {
  it("prints the same text as OmegaConf.to_yaml", () => {
    const samples = fc.sample(root, { numRuns: 400, seed: 42 });
    const expected = askOracle("dump", samples);
    const mismatches = samples.filter((value, i) => toYaml(value) !== expected[i]);
    expect(mismatches.slice(0, 3).map((v) => [JSON.stringify(v), toYaml(v), expected[samples.indexOf(v)]])).toEqual([]);
  });

  it("reads YAML text to the same values", () => {
    // Known YAML 1.1 vs 1.2 differences are left out: PyYAML takes NEL/LS/PS as line breaks, treats a
    // lone NBSP as blank, and rejects some tabs the yaml package accepts as separation.
    const yaml11Only = /[\t\r\0\ufeff\u00a0\x85\u2028\u2029]/;
    const texts = [
      ...NASTY.filter((s) => !yaml11Only.test(s) && !s.includes("\n")).map((s) => `k: ${s}\n`),
      ...NASTY.filter((s) => !yaml11Only.test(s)).map((s) => `k: '${s.replace(/'/g, "''").replace(/\n/g, "\n\n  ")}'\n`),
      "a: 1\nb: [1, 2]\nc: {d: e}\n", "1: a\n1: b\n", "a: &x {b: 1}\nc:\n  <<: *x\n  d: 2\n", "k: 0b_1\nj: +0x_f\n",
      "k: 1:2:3\nj: -1:30.5\n", "k: 1__0\nj: 0_\n", "yes: 1\nnull: 2\n1.5: 3\n",
    ];
    const expected = askOracle("load", texts) as { ok?: unknown; error?: string }[];
    const mismatches: string[] = [];
    texts.forEach((text, i) => {
      const want = expected[i]!;
      let got: { ok?: unknown; error?: string };
      try {
        got = { ok: toPlainUnresolved(parseYaml(text)) };
      } catch (e) {
        got = { error: (e as Error).message };
      }
      const agree = want.error !== undefined ? got.error !== undefined : got.ok !== undefined && same(got.ok, fromOracle(want.ok));
      if (!agree) mismatches.push(`${JSON.stringify(text)}: hydrant ${JSON.stringify(got)}, PyYAML ${JSON.stringify(want)}`);
    });
    expect(mismatches).toEqual([]);
  });
});
