// main() and compose() take the config's type from a schema: a misspelt key does not compile.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("config types inferred from a schema", { timeout: 120_000 }, () => {
  it("types cfg from a zod schema, compose() from valibot's; misspelt keys are errors", () => {
    const r = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "test/typed/fixtures/typed-schema/tsconfig.json"], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
    });
    const errors = r.stdout.split("\n").filter((l) => l.includes("error TS"));
    expect(errors).toEqual([
      "test/typed/fixtures/typed-schema/main.ts(13,38): error TS2339: Property 'prot' does not exist on type '{ host: string; port: number; }'.",
      "test/typed/fixtures/typed-schema/main.ts(19,30): error TS2551: Property 'epoch' does not exist on type '{ name: string; epochs: number; }'. Did you mean 'epochs'?",
    ]);
  });
});
