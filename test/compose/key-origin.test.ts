// Errors found after merging (an interpolation that does not resolve) name the file and line that set the key.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { composeConfig, jobConfig, resolveJobConfig } from "../../src/compose/index.js";
import { withKeyOrigin } from "../../src/compose/key-origin.js";
import { resolveValue } from "../../src/config/interpolation/index.js";
import { InterpolationError } from "../../src/errors.js";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/compose/origin");

function resolveError(overrides: string[]): InterpolationError {
  const result = composeConfig({ configDir: dir, configName: "config", overrides });
  try {
    resolveJobConfig(result);
  } catch (e) {
    expect(e).toBeInstanceOf(InterpolationError);
    return e as InterpolationError;
  }
  throw new Error("expected an interpolation error");
}

describe("where a key was set", () => {
  it("names the primary config's line for one of its keys", () => {
    const e = resolveError(["db.url=ok"]);
    expect(e.key).toBe("port");
    expect(e.location).toBe(`${path.join(dir, "config.yaml")}:6:1`);
    expect(e.message).toContain("Interpolation key 'missing.key' not found");
  });

  it("names the group option's file for a key under its package", () => {
    const e = resolveError(["port=1"]);
    expect(e.key).toBe("db.url");
    expect(e.location).toBe(`${path.join(dir, "db/mysql.yaml")}:3:1`);
  });

  it("names the config merged last when several set the key", () => {
    const result = composeConfig({ configDir: dir, configName: "config", overrides: ["db.url=ok"] });
    expect(result.keyOrigin("db.host")).toEqual({ file: path.join(dir, "db/mysql.yaml"), line: 1, column: 1 });
    expect(result.keyOrigin("db")).toBeUndefined();
    expect(result.keyOrigin("nowhere.at_all")).toBeUndefined();
  });

  it("names no file for a key set on the command line", () => {
    const e = resolveError(["port=${nope}", "db.url=ok"]);
    expect(e.key).toBe("port");
    expect(e.file).toBeUndefined();
  });

  it("names the file of a `???` read through an interpolation", () => {
    const result = composeConfig({ configDir: dir, configName: "config", overrides: ["port=1", "db.url=ok"] });
    let error: unknown;
    try {
      withKeyOrigin(result.keyOrigin, () => resolveValue(jobConfig(result), ["uses_needs"]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InterpolationError);
    expect((error as InterpolationError).message).toMatch(/needs/);
    expect((error as InterpolationError).file).toBe(path.join(dir, "config.yaml"));
    // Resolving the whole job config leaves it `???`, as OmegaConf.resolve does.
    expect(resolveJobConfig(result).get("uses_needs")).toBe("???");
  });
});
