// List functions in overrides: Hydra main's extend_list, and hydrant's prepend/insert/remove/pop.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { composeConfig, jobConfig } from "../../src/compose/index.js";
import { toPlainUnresolved } from "../../src/config/node.js";
import { HydrantError } from "../../src/errors.js";
import { parseOverride, formatOverrideValue } from "../../src/overrides/index.js";

const CONF = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/zip/conf");
const layers = (...overrides: string[]) =>
  (toPlainUnresolved(jobConfig(composeConfig({ configDir: CONF, configName: "with_params", overrides }))) as { layers: unknown }).layers;
const error = (...overrides: string[]): HydrantError => {
  try {
    layers(...overrides);
  } catch (e) {
    if (e instanceof HydrantError) return e;
    throw e;
  }
  throw new Error("no error");
};

describe("list functions", () => {
  it("extends, prepends, inserts (Python's indexes), removes values and pops indexes", () => {
    expect(layers("layers=extend_list(3,4)")).toEqual([1, 2, 3, 4]);
    expect(layers("layers=prepend_list(0)")).toEqual([0, 1, 2]);
    expect(layers("layers=insert_list(1,9)")).toEqual([1, 9, 2]);
    expect(layers("layers=insert_list(-1,9)")).toEqual([1, 9, 2]);
    expect(layers("layers=insert_list(2,9)")).toEqual([1, 2, 9]);
    expect(layers("layers=remove_list(1)")).toEqual([2]);
    expect(layers("layers=pop_list()")).toEqual([1]);
    expect(layers("layers=pop_list(0)")).toEqual([2]);
    expect(layers("layers=extend_list([5,6],{a:1})")).toEqual([1, 2, [5, 6], { a: 1 }]);
  });

  it("applies edits in command-line order", () => {
    expect(layers("layers=extend_list(3)", "layers=pop_list(0)", "layers=prepend_list(7)")).toEqual([7, 2, 3]);
  });

  it("names the key and says why when the edit cannot apply", () => {
    const notList = error("lr=extend_list(1)");
    expect(notList.message).toMatch(/'lr' is the value "0.1", not a list/);
    expect(notList.key).toBe("lr");
    expect(notList.override).toBe("lr=extend_list(1)");
    expect(error("nope=extend_list(1)").message).toMatch(/there is no 'nope' in the config/);
    expect(error("layers=pop_list(2)").message).toMatch(/index 2 is out of range for a list of 2 items/);
    expect(error("layers=insert_list(3,0)").message).toMatch(/index 3 is out of range/);
    expect(error("layers=remove_list(7)").message).toMatch(/7 is not in the list/);
    expect(error("+layers=extend_list(1)").message).toMatch(/write it without '\+'/);
    expect(() => parseOverride("layers=[extend_list(1)]")).toThrow(/ListEdit cannot be used inside a list/);
    expect(() => parseOverride("layers=extend_list()")).toThrow(/extend_list\(\) needs at least one value/);
  });

  it("prints back as the function call (job overrides, override_dirname)", () => {
    expect(formatOverrideValue(parseOverride("layers=insert_list(0, 'a b', 1.0)"))).toBe("insert_list(0,a\\ b,1.0)");
    expect(formatOverrideValue(parseOverride("layers=pop_list()"), true)).toBe("pop_list(-1)");
  });

  it("is not a sweep: it needs no --multirun, and a zip() outside --multirun is refused like any sweep", () => {
    expect(layers("layers=extend_list(3)")).toEqual([1, 2, 3]);
    expect(error("lr=zip(1,2)").message).toMatch(/Sweep parameters 'lr=zip\(1,2\)' requires --multirun/);
  });
});
