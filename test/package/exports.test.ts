// The package's entry points, as a user imports them (node resolving "hydrant/…" through package.json
// "exports" to the built dist/): the root keeps composition, running and errors; Spearmint, experiment
// specs and the BullMQ worker have their own subpaths, sharing one set of classes with the root.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function inNode(code: string): unknown {
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(out);
}

describe("package exports", { timeout: 60_000 }, () => {
  it("splits the API into the root and the hydrant/spearmint, hydrant/experiment, hydrant/bullmq subpaths", () => {
    const names = inNode(`
      const entries = ["hydrant", "hydrant/spearmint", "hydrant/experiment", "hydrant/bullmq"];
      const mods = await Promise.all(entries.map((e) => import(e)));
      console.log(JSON.stringify(Object.fromEntries(entries.map((e, i) => [e, Object.keys(mods[i])]))));
    `) as Record<string, string[]>;
    expect(names.hydrant).toEqual(expect.arrayContaining(["composeConfig", "main", "runApp", "HydrantError", "UsageError", "registerLauncher", "ExperimentSpecError", "SpearmintError", "DynamicValueError"]));
    expect(names.hydrant).not.toContain("Spearmint");
    expect(names.hydrant).not.toContain("runExperiment");
    expect(names.hydrant).not.toContain("runWorker");
    expect(names["hydrant/spearmint"]).toEqual(expect.arrayContaining(["Spearmint", "DynamicValue", "range", "ConfigValidationError", "SpearmintError", "DynamicValueError"]));
    expect(names["hydrant/spearmint"]).not.toContain("ExperimentSpecError");
    expect(names["hydrant/experiment"]).toEqual(expect.arrayContaining(["loadSpec", "runExperiment", "formatExperimentTable", "ExperimentSpecError"]));
    expect(names["hydrant/bullmq"]).toEqual(expect.arrayContaining(["runWorker", "queueStatus", "formatQueueStatus"]));
  });

  it("lists in package.json one entry per library entry the build makes, each for import and require", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { exports: Record<string, unknown>; typesVersions: { "*": Record<string, string[]> } };
    const build = readFileSync(path.join(ROOT, "scripts/build.mjs"), "utf8");
    const library = /const LIBRARY = \{([^}]*)\}/.exec(build)?.[1] ?? "";
    const names = [...library.matchAll(/(\w+):/g)].map((m) => m[1]);
    const subpaths = Object.keys(pkg.exports).filter((k) => !k.endsWith(".json"));
    expect(subpaths.sort()).toEqual(names.map((n) => (n === "index" ? "." : `./${n}`)).sort());
    for (const name of names) {
      const sub = name === "index" ? "." : `./${name}`;
      expect(pkg.exports[sub]).toEqual({
        import: { types: `./dist/${name}.d.mts`, default: `./dist/${name}.mjs` },
        require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
      });
      // TypeScript's node10 resolution knows no "exports": typesVersions points it at the subpaths' types.
      if (name !== "index") expect(pkg.typesVersions["*"][name]).toEqual([`./dist/${name}.d.cts`]);
      for (const ext of ["mjs", "cjs", "d.mts", "d.cts"]) expect(existsSync(path.join(ROOT, `dist/${name}.${ext}`))).toBe(true);
    }
  });

  it("gives require the same entries as import", () => {
    const out = execFileSync(process.execPath, ["-e", `
      const entries = ["hydrant", "hydrant/spearmint", "hydrant/experiment", "hydrant/bullmq"];
      console.log(JSON.stringify(Object.fromEntries(entries.map((e) => [e, Object.keys(require(e)).sort()]))));
    `], { cwd: ROOT, encoding: "utf8" });
    const imported = inNode(`
      const entries = ["hydrant", "hydrant/spearmint", "hydrant/experiment", "hydrant/bullmq"];
      const mods = await Promise.all(entries.map((e) => import(e)));
      console.log(JSON.stringify(Object.fromEntries(entries.map((e, i) => [e, Object.keys(mods[i]).filter((k) => k !== "default").sort()]))));
    `);
    expect(JSON.parse(out)).toEqual(imported);
  });

  it("has one HydrantError class whichever entry an error comes through", () => {
    expect(inNode(`
      const { HydrantError } = await import("hydrant");
      const { ConfigValidationError } = await import("hydrant/spearmint");
      console.log(JSON.stringify(new ConfigValidationError("x", { configId: "c", issues: [] }) instanceof HydrantError));
    `)).toBe(true);
  });
});
