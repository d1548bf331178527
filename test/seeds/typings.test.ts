/** The seed examples are TypeScript as a user writes it: they must compile under `strict` against the built types. */
import { describe, expect, it } from "vitest";
import { REPO, run } from "./helpers.js";

describe("seed examples compile under strict", () => {
  it("tsc -p test/seeds reports nothing", () => {
    const r = run(REPO, process.execPath, ["node_modules/typescript/bin/tsc", "-p", "test/seeds/tsconfig.json"]);
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 180_000);
});
