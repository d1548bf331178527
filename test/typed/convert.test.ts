// OmegaConf's conversions into typed fields (nodes.py): what each field type takes and what it refuses.
import { describe, expect, it } from "vitest";
import { ConfigDict, ConfigFloat, ConfigList } from "../../src/config/node.js";
import { toBool, toFloat, toInt, toStr, type Conversion } from "../../src/typed/convert.js";

const value = (c: Conversion) => (c.ok ? c.value : c.message);

describe("OmegaConf's conversions", () => {
  it("int: ints and the text Python's int() reads; never bools or floats", () => {
    expect(value(toInt(3))).toBe(3);
    expect(value(toInt("10"))).toBe(10);
    expect(value(toInt(" -1_000 "))).toBe(-1000);
    expect(value(toInt("007"))).toBe(7);
    expect(value(toInt("1.5"))).toBe("Value '1.5' of type 'str' could not be converted to Integer");
    expect(value(toInt(true))).toBe("Value 'True' of type 'bool' could not be converted to Integer");
    expect(value(toInt(new ConfigFloat(2)))).toBe("Value '2.0' of type 'float' could not be converted to Integer");
  });

  it("float: ints, floats, and the text Python's float() reads", () => {
    expect(String(value(toFloat(2)))).toBe("2.0");
    expect(String(value(toFloat("1e-3")))).toBe("0.001");
    expect(String(value(toFloat(".5")))).toBe("0.5");
    expect(String(value(toFloat("-Infinity")))).toBe("-inf");
    expect(String(value(toFloat("nan")))).toBe("nan");
    expect(value(toFloat("1.2.3"))).toBe("Value '1.2.3' of type 'str' could not be converted to Float");
    expect(value(toFloat(false))).toBe("Value 'False' of type 'bool' could not be converted to Float");
  });

  it("bool: bools, ints (non-zero is true), yes/y/on/true and no/n/off/false in any case, an int's text", () => {
    for (const t of ["yes", "Y", "on", "TRUE", "1", "-2"]) expect(value(toBool(t))).toBe(true);
    for (const f of ["no", "n", "Off", "false", "0"]) expect(value(toBool(f))).toBe(false);
    expect(value(toBool(5))).toBe(true);
    expect(value(toBool("maybe"))).toBe("Value 'maybe' is not a valid bool (type str)");
    expect(value(toBool(new ConfigFloat(1)))).toBe("Value '1.0' is not a valid bool (type float)");
  });

  it("str: any scalar as Python's str() writes it; never a container", () => {
    expect(value(toStr(10))).toBe("10");
    expect(value(toStr(new ConfigFloat(0.5)))).toBe("0.5");
    expect(value(toStr(true))).toBe("True");
    expect(value(toStr(new ConfigDict([["a", 1]])))).toBe("Cannot convert 'dict' to string: '{'a': 1}'");
    expect(value(toStr(new ConfigList(["x"])))).toBe("Cannot convert 'list' to string: '['x']'");
  });
});
