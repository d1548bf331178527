// The dependency rule of CONTRIBUTING.md: a folder of src/ imports only folders on a lower layer
// (or itself). Every import counts: static, `import type`, `export … from` and dynamic `import()`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../src");

/** Bottom to top. Folders on one layer may not import each other. Keep in step with CONTRIBUTING.md. */
const LAYERS: readonly string[][] = [
  ["errors", "table"],
  ["config"],
  ["overrides", "typed"],
  ["compose"],
  ["instantiate", "logging", "schemas"],
  ["core", "dynamic"],
  ["callbacks"],
  ["sweep", "job", "spearmint"],
  ["launch"],
  ["plugins"],
  ["runs"],
  ["app", "experiment", "dashboard"],
  ["cli"],
  ["index"],
];

const layerOf = new Map(LAYERS.flatMap((names, i) => names.map((n) => [n, i] as const)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith(".ts") ? [p] : [];
  });
}

/** `config` for src/config/**, `errors` for src/errors.ts. */
function areaOf(file: string): string {
  const [first, ...rest] = path.relative(SRC, file).split(path.sep);
  return rest.length === 0 ? first.replace(/\.ts$/, "") : first;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;

interface Arrow {
  from: string;
  to: string;
  file: string;
  target: string;
}

function arrows(): Arrow[] {
  return sourceFiles(SRC).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(IMPORT)].map((m) => {
      const target = path.resolve(path.dirname(file), m[1]).replace(/\.js$/, ".ts");
      return { from: areaOf(file), to: areaOf(target), file: path.relative(SRC, file), target: path.relative(SRC, target) };
    }),
  );
}

describe("layers of src/", () => {
  const all = arrows();

  it("finds the imports it checks", () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it("places every folder on a layer", () => {
    const unplaced = [...new Set(all.flatMap((a) => [a.from, a.to]))].filter((a) => !layerOf.has(a));
    expect(unplaced, "add these to LAYERS here and to the architecture table of CONTRIBUTING.md").toEqual([]);
  });

  it("has no import running back up, or sideways within a layer", () => {
    const bad = all
      .filter((a) => a.from !== a.to && (layerOf.get(a.to) ?? Infinity) >= (layerOf.get(a.from) ?? -Infinity))
      .map((a) => `${a.from} -> ${a.to}: ${a.file} imports ${a.target}`);
    expect(bad).toEqual([]);
  });

  it("matches the architecture table of CONTRIBUTING.md, folder by folder and layer by layer", () => {
    const text = readFileSync(path.resolve(SRC, "../CONTRIBUTING.md"), "utf8");
    const rows = [...text.matchAll(/^\| (\d+) \| `src\/([\w-]+)(?:\.ts)?` \|/gm)].map((m) => `${m[2]}@${m[1]}`);
    const expected = LAYERS.flatMap((names, i) => names.filter((n) => n !== "index").map((n) => `${n}@${i}`));
    expect(rows.sort()).toEqual(expected.sort());
  });
});

/** Names more than one file of src/ may have, because each means the same thing in its folder. */
const SHARED_NAMES: ReadonlySet<string> = new Set(["index.ts", "types.ts", "config.ts", "lexer.ts"]);

describe("file names of src/", () => {
  it("gives two files one name only where it means the same in each folder", () => {
    const byName = new Map<string, string[]>();
    for (const file of sourceFiles(SRC)) {
      const name = path.basename(file);
      byName.set(name, [...(byName.get(name) ?? []), path.relative(SRC, file)]);
    }
    const shared = [...byName].filter(([name, files]) => files.length > 1 && !SHARED_NAMES.has(name)).map(([, files]) => files.join(" "));
    expect(shared, "name each file for what it holds (CONTRIBUTING.md, Rules)").toEqual([]);
  });
});
