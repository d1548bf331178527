import { describe, expect, it } from "vitest";
import { loadConfigText } from "../../src/config/load-config.js";
import { GrammarParseError } from "../../src/errors.js";
import { isDict, toPlainUnresolved } from "../../src/config/node.js";

const load = (text: string) => toPlainUnresolved(loadConfigText(text, "conf/x.yaml"));

describe("loadConfigText: a file's text as OmegaConf.load makes it", () => {
  it("reads an empty document as an empty mapping", () => {
    for (const text of ["", "# only a comment\n", "---\n"]) {
      const cfg = loadConfigText(text, "conf/x.yaml");
      expect(isDict(cfg)).toBe(true);
      expect(toPlainUnresolved(cfg)).toEqual({});
    }
  });

  it("reads a document that is one plain scalar as that scalar mapped to null", () => {
    expect(load("# @package _global_\nabc=cde\n")).toEqual({ "abc=cde": null });
    expect(load("just_a_word")).toEqual({ just_a_word: null });
  });

  it("reads a lone string as YAML once more, as OmegaConf.create(str) does", () => {
    expect(load("'a: 1'\n")).toEqual({ a: 1 });
    expect(load("'[1, 2]'\n")).toEqual([1, 2]);
    expect(load("'~'\n")).toEqual({});
  });

  it("returns mappings, lists and other scalars as they are", () => {
    expect(load("a: 1\n")).toEqual({ a: 1 });
    expect(load("- 1\n")).toEqual([1]);
    expect(load("123\n")).toBe(123);
  });

  it("checks interpolation syntax as it loads, naming the key and where it is written", () => {
    let error: unknown;
    try {
      loadConfigText("a: 1\nb:\n  c: [x, '${oops']\n", "conf/x.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GrammarParseError);
    const e = error as GrammarParseError;
    expect(e.message).toMatch(/^Invalid interpolation in 'b\.c\[1\]': Syntax error in '\$\{oops'/);
    expect([e.file, e.line, e.column, e.key]).toEqual(["conf/x.yaml", 3, 10, "b.c[1]"]);
    expect(load("a: '\\${literal'\nb: ${a}\n")).toEqual({ a: "\\${literal", b: "${a}" });
  });
});
