/**
 * The fast YAML reader against the `yaml`-package path: whenever the fast reader answers, its tree
 * (values, key order, every source position) is the one the full reader builds; where the full reader
 * fails, the fast reader must give up so that the error comes from the full reader.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigDict, ConfigList, type ConfigValue } from "../../src/config/node.js";
import { readYamlFastStrict } from "../../src/config/yaml-fast.js";
import { parseYaml, parseYamlFull, toYaml } from "../../src/config/yaml.js";
import * as builtinConfigs from "../../src/compose/hydra-conf/hydra-config.js";
import { HYDRA_CONF_FILES } from "../../src/compose/hydra-conf/files.js";
import { treeText } from "./yaml-fast-helpers.js";

const FILE = "conf/x.yaml";

function fullText(text: string): string {
  try {
    return treeText(parseYamlFull(text, FILE));
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

/** Fast answer (or undefined) and whether it agrees with the full reader. */
function compare(text: string): { handled: boolean; fast?: string; full: string } {
  const fast = readYamlFastStrict(text, FILE);
  const full = fullText(text);
  return fast === undefined ? { handled: false, full } : { handled: true, fast: treeText(fast), full };
}

function expectAgreement(text: string): boolean {
  const r = compare(text);
  if (r.handled) expect(r.fast, JSON.stringify(text)).toBe(r.full);
  return r.handled;
}

// ---------------------------------------------------------------------------------------------
// Random config trees

const keyArb = fc.oneof(
  fc.constantFrom("a", "b", "db", "model", "lr", "_target_", "key with space", "x.y", "g@pkg", "1", "true", "null", "1.5"),
  fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/),
  fc.string({ unit: fc.constantFrom("a", "b", " ", ":", "#", "-", "'", '"', "?", "{", "}", "[", "]", ",", "$", "é", "\\"), maxLength: 6 }),
);

const scalarArb: fc.Arbitrary<ConfigValue> = fc.oneof(
  fc.constantFrom<ConfigValue>(null, true, false, 0, 1, -7, 3.14, 1e-5, 1e20, "???", "${a.b}", "${oc.env:HOME,/tmp}", "", "yes", "on", "2020-01-01", "1:30", "0x1F", "~"),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.stringMatching(/^[a-z][a-z0-9_./-]{0,12}$/),
  fc.string({ unit: fc.constantFrom("a", "z", "0", "1", " ", ":", "#", "-", "'", '"', "?", "{", "}", "[", "]", ",", "$", "!", "&", "*", "|", ">", "%", "@", "é", "\\", "\n", "."), maxLength: 10 }),
);

const treeArb: fc.Arbitrary<ConfigValue> = fc.letrec<{ value: ConfigValue; dict: ConfigDict; list: ConfigList }>((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalarArb, tie("dict"), tie("list")),
  dict: fc.uniqueArray(fc.tuple(keyArb, tie("value")), { maxLength: 5, selector: ([k]) => k }).map((entries) => new ConfigDict(entries)),
  list: fc.array(tie("value"), { maxLength: 4 }).map((items) => new ConfigList(items)),
})).value;

// ---------------------------------------------------------------------------------------------
// Hand-written YAML: the same trees in many styles (flow, quotes, comments, odd spacing)

interface Style {
  rnd: () => number;
}

const pick = <T>(s: Style, xs: readonly T[]): T => xs[Math.floor(s.rnd() * xs.length)]!;
const spaces = (s: Style, min: number, max: number): string => " ".repeat(min + Math.floor(s.rnd() * (max - min + 1)));
const comment = (s: Style): string => (s.rnd() < 0.2 ? `${spaces(s, 1, 3)}# note: a, b` : "");

function scalarText(s: Style, v: ConfigValue): string {
  if (v === null) return pick(s, ["null", "~", "Null"]);
  if (typeof v === "boolean") return pick(s, v ? ["true", "True", "yes", "on"] : ["false", "no", "Off"]);
  if (typeof v === "number") return String(v);
  const str = String(v);
  const style = s.rnd();
  if (style < 0.5 && /^[a-z$?][^\n#:'"]*$/i.test(str) && !/\s$/.test(str)) return str;
  if (style < 0.75) return `'${str.replace(/'/g, "''")}'`;
  return JSON.stringify(str).replace(/\\u00([0-9a-f]{2})/g, "\\x$1");
}

function flowText(s: Style, v: ConfigValue, nl: string): string {
  if (v instanceof ConfigDict) {
    const parts = [...v.entries].map(([k, x]) => `${scalarText(s, k)}:${spaces(s, 1, 2)}${flowText(s, x, nl)}`);
    return `{${spaces(s, 0, 1)}${parts.join(`,${s.rnd() < 0.2 ? nl : spaces(s, 0, 2)}`)}${spaces(s, 0, 1)}}`;
  }
  if (v instanceof ConfigList) {
    const parts = v.items.map((x) => flowText(s, x, nl));
    return `[${spaces(s, 0, 1)}${parts.join(`,${s.rnd() < 0.2 ? nl : spaces(s, 0, 2)}`)}${spaces(s, 0, 1)}]`;
  }
  return scalarText(s, v);
}

function isBlockable(v: ConfigValue): v is ConfigDict | ConfigList {
  return (v instanceof ConfigDict && v.size > 0) || (v instanceof ConfigList && v.length > 0);
}

function blockScalar(s: Style, v: string, indent: number): string | undefined {
  if (!/^[a-z][a-z .]*(\n[a-z][a-z .]*)*$/.test(v)) return undefined;
  const pad = " ".repeat(indent);
  return `${pick(s, ["|", "|-", ">", ">-"])}\n${v.split("\n").map((l) => pad + l).join("\n")}`;
}

/** Lines of a block node at `indent`; the first line's indentation is left to the caller. */
function blockText(s: Style, v: ConfigDict | ConfigList, indent: number): string {
  const pad = " ".repeat(indent);
  const lines: string[] = [];
  const filler = (): void => {
    if (s.rnd() < 0.1) lines.push("");
    if (s.rnd() < 0.1) lines.push(`${spaces(s, 0, 6)}# comment: [x]`);
  };
  if (v instanceof ConfigDict) {
    for (const [k, x] of v.entries) {
      filler();
      const key = `${pad}${scalarText(s, k)}${spaces(s, 0, 1)}:`;
      if (isBlockable(x) && s.rnd() < 0.7) {
        const sameIndentList = x instanceof ConfigList && s.rnd() < 0.4;
        const child = sameIndentList ? indent : indent + 1 + Math.floor(s.rnd() * 4);
        lines.push(`${key}${comment(s)}`, " ".repeat(child) + blockText(s, x, child));
      } else if (typeof x === "string" && s.rnd() < 0.3 && blockScalar(s, x, indent + 2)) {
        lines.push(`${key} ${blockScalar(s, x, indent + 2)}`);
      } else {
        lines.push(`${key}${spaces(s, 1, 3)}${flowText(s, x, `\n${pad}  `)}${comment(s)}`);
      }
    }
  } else {
    for (const x of v.items) {
      filler();
      const gap = spaces(s, 1, 3);
      const col = indent + 1 + gap.length;
      if (isBlockable(x) && s.rnd() < 0.7) lines.push(`${pad}-${gap}${blockText(s, x, col)}`);
      else lines.push(`${pad}-${gap}${flowText(s, x, `\n${pad}  `)}${comment(s)}`);
    }
  }
  return lines.join("\n").slice(indent);
}

function handWritten(tree: ConfigValue, seed: number): string {
  let state = seed >>> 0 || 1;
  const s: Style = { rnd: () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32) };
  const head = s.rnd() < 0.3 ? "# @package _global_\n\n" : "";
  const body = isBlockable(tree) && s.rnd() < 0.85 ? blockText(s, tree, 0) : flowText(s, tree, "\n  ");
  return `${head}${body}${s.rnd() < 0.8 ? "\n" : ""}`;
}

// ---------------------------------------------------------------------------------------------

describe("readYamlFast agrees with the yaml package", { timeout: 60_000 }, () => {
  it("on every config file of the conformance trees, the bench trees and conf/", () => {
    const roots = ["../conformance/hydra/trees", "../../bench/trees", "../../conf", "../fixtures"].map((r) => fileURLToPath(new URL(r, import.meta.url)));
    for (const r of roots) expect(existsSync(r), r).toBe(true);
    const files = execFileSync("find", [...roots, "-name", "*.yaml"], { encoding: "utf8" }).trim().split("\n");
    let handled = 0;
    for (const f of files) if (expectAgreement(readFileSync(f, "utf8"))) handled++;
    expect(files.length).toBeGreaterThan(100);
    // Config files are what the fast reader is for: it must not leave them to the slow path.
    expect(handled).toBe(files.length);
  }, 120_000);

  it("on hydrant's built-in hydra configs", () => {
    const texts = [...Object.values(builtinConfigs), ...[...HYDRA_CONF_FILES].map(([, node]) => node)].filter(
      (t): t is string => typeof t === "string",
    );
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) expect(expectAgreement(text)).toBe(true);
  });

  it("on random trees written by toYaml", () => {
    let handled = 0;
    let total = 0;
    fc.assert(
      fc.property(treeArb, (tree) => {
        total++;
        if (expectAgreement(toYaml(tree))) handled++;
      }),
      { numRuns: 400 },
    );
    // Strings with line breaks become multi-line quoted scalars, which are left to the full reader.
    expect(handled / total).toBeGreaterThan(0.6);
  });

  it("on hand-written YAML with flow collections, comments, quotes and odd spacing", () => {
    let handled = 0;
    let total = 0;
    fc.assert(
      fc.property(treeArb, fc.integer(), (tree, seed) => {
        total++;
        if (expectAgreement(handWritten(tree, seed))) handled++;
      }),
      { numRuns: 600 },
    );
    expect(handled / total).toBeGreaterThan(0.5);
  });

  it("on damaged YAML: gives up wherever the full reader fails", () => {
    const damage = fc.constantFrom(" ", "  ", "\n", ":", ": ", "-", "- ", "#", " #", "'", '"', "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "? ", "|", ">", "---\n", "\\", "<<: ");
    fc.assert(
      fc.property(treeArb, fc.integer(), fc.array(fc.tuple(fc.nat(), fc.nat(3), damage), { minLength: 1, maxLength: 3 }), (tree, seed, edits) => {
        let text = handWritten(tree, seed);
        for (const [at, del, ins] of edits) {
          const i = text.length === 0 ? 0 : at % text.length;
          text = text.slice(0, i) + ins + text.slice(i + del);
        }
        expectAgreement(text);
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it("on chosen edge cases", () => {
    const cases = [
      "", "# only a comment\n", "a: 1", "a:\n", "a:\nb: 2\n", "a: ???\nb: ~\n", "- a\n- b\n", "[1, 2]\n", "{a: 1}\n",
      "key:\n- a\n- b\nnext: 1\n", "a:\n  - x: 1\n    y: 2\n  - z\n", "- - a\n  - b\n- c\n", "a: 'it''s'\n", 'a: "tab\\tnew\\nline \\u00e9 \\x41"\n',
      "a: |\n  line 1\n  line 2\nb: 1\n", "a: |-\n  x\n\n  y\n\n\nb: 1\n", "a: |+\n  x\n\n\nb: 1\n", "a: >\n  folded\n  text\n\n  para\n",
      "a: >-\n  x\n  y\n", "a: |\n    more\n  less\n", "a: |\n  x\n   y\n", "a: b # c\n", "a: b#c\n", "a: http://x:8080/p\n", "a: [x, {y: z}] # c\n",
      "a: [1,\n  2]\n", "a: {x: 1,\n    y: [2, 3]}\n", "'a': 1\n\"b\": 2\n", "1: one\n1: uno\n", "a: 1\na: 2\n", "a: &x 1\nb: *x\n", "<<: {a: 1}\n",
      "a: !!int '3'\n", "? a\n: b\n", "---\na: 1\n", "a: 1\n...\n", "a: b\n  c\n", "a: 'x\n  y'\n", "a:\tb\n", "a: 1\r\nb: 2\r\n", "a: =\n",
      "  a: 1\n  b: 2\n", "a:\n    b: 1\n  c: 2\n", "- a\nb: 1\n", "a: - b\n", "a: b: c\n", "[a, b,]\n", "{a: 1, a: 2}\n", "{'a': 1, b: }\n",
      "a: ''\nb: \"\"\n", "a: -1\nb: -x\nc: - \n", "k: [a b, 'c d', \"e\"]\n", "a: 1\n# trailing\n\n", "a:\n  # lonely comment\nb: 1\n",
      "true: 1\nnull: 2\n1.5: 3\n~: 4\n0x10: 5\n", "- a: 1\n  b: [x]\n- c: {d: e}\n", "x: ${a:b, c}\n", "x: '${a: b}'\n", "a: 1 #c\n  #d\nb: 2\n",
    ];
    const long = "k".repeat(1100);
    cases.push(`${long}: 1\n`, `'${long}': 1\n`, `{"${long}": 1}\n`, `- ${long}\n`);
    for (const text of cases) expectAgreement(text);
    expect(compare("a: 1\na: 2\n").handled).toBe(false);
    expect(compare("a: &x 1\n").handled).toBe(false);
  });

  it("parseYaml keeps the full reader's errors with file:line:column", () => {
    expect(() => parseYaml("a: 1\na: 2\n", FILE)).toThrow(/duplicate key 'a' at conf\/x.yaml:2:1/);
    expect(() => parseYaml("a: b: c\n", FILE)).toThrow(/conf\/x.yaml:1:/);
  });
});
