import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONF } from "./helpers.js";

const CLI = path.resolve(import.meta.dirname, "../../dist/cli.js");

describe("a dry run (-m without a command)", () => {
  it("shows only the first --limit N jobs, even of a huge sweep", () => {
    const r = spawnSync(process.execPath, [CLI, "-cd", CONF, "-cn", "config", "-m", "x=range(0,1000000000000)", "--limit", "2"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("---\n")).toHaveLength(2);
  }, 60_000);
});
