// Broken YAML is reported where the mistake is (PyYAML's place), not where the parser noticed it.
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/config/yaml.js";
import { ConfigParseError } from "../../src/errors.js";

function failure(text: string): ConfigParseError {
  try {
    parseYaml(text, "conf/x.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigParseError);
    return e as ConfigParseError;
  }
  throw new Error(`parsed: ${JSON.stringify(text)}`);
}

const at = (text: string) => {
  const e = failure(text);
  expect(e.message).toContain(`conf/x.yaml:${e.line}:${e.column}`);
  return [e.line, e.column];
};

describe("YAML syntax errors: line:column of the mistake", () => {
  it("an over-indented line: at its ':', not on the line above", () => {
    expect(at("a: 1\nb: 2\n c: 3\n")).toEqual([3, 3]);
    expect(at("a: 1\nb:\n  c: 2\n   d: 3\n")).toEqual([4, 5]);
    expect(at("a: 1\n\nb: 2\n\n\n  c: 3\n")).toEqual([6, 4]);
    expect(failure("a: 1\nb: 2\n c: 3\n").message).toMatch(/indentation/);
  });

  it("an under-indented line", () => {
    expect(at("a: 1\nb:\n  c: 2\n d: 3\n")).toEqual([4, 1]);
  });

  it("an unclosed quote: where it opens, in a value or a list", () => {
    expect(at('a: 1\nb: "unclosed\nc: 3\n')).toEqual([2, 4]);
    expect(at("a: 1\nb: 'x\n")).toEqual([2, 4]);
    expect(at('a:\n  - "x\n  - y\n')).toEqual([2, 5]);
    expect(failure('a: 1\nb: "unclosed\nc: 3\n').message).toMatch(/never closed/);
  });

  it("a tab as indentation", () => {
    expect(at("a: 1\nb:\n\tc: 2\n")).toEqual([3, 1]);
  });

  it("a duplicate key, at the second one", () => {
    expect(at("a: 1\nb: 2\na: 3\n")).toEqual([3, 1]);
    expect(at("a: 1\nb:\n  x: 1\n\n  x: 2\n")).toEqual([5, 3]);
  });

  it("a second ':' on a line, an unclosed flow list", () => {
    expect(at("a: 1\nb: c: d\n")).toEqual([2, 4]);
    expect(at("a: 1\nb: [1, 2\nc: 3\n")[0]).toBe(3);
  });
});
