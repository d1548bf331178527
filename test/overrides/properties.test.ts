// Properties of the grammar: total (parses or fails with OverrideParseError at a column inside the
// text), and printing a parsed element gives text that parses back to the same value.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OverrideParseError } from "../../src/errors.js";
import { QuotedString, parseOverride, pyFloatRepr, formatOverrideValue } from "../../src/overrides/index.js";

/** Characters the grammar gives a meaning to, plus a few it rejects. */
const GRAMMAR_CHARS = [..."abcxyz_019.-+=~@/:$%*?|\\,()[]{}'\" \t#!ש😀eEinfaluTF"];

function parsesOrFailsCleanly(text: string): void {
  try {
    parseOverride(text);
  } catch (e) {
    expect(e).toBeInstanceOf(OverrideParseError);
    const err = e as OverrideParseError;
    expect(Number.isInteger(err.column)).toBe(true);
    expect(err.column).toBeGreaterThanOrEqual(1);
    expect(err.column).toBeLessThanOrEqual(Array.from(text).length + 1);
    expect(err.override).toBe(text);
    expect(err.message.startsWith(`Error parsing override '${text}'`)).toBe(true);
  }
}

describe("parseOverride is total", () => {
  it("on strings over the grammar's alphabet", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...GRAMMAR_CHARS), maxLength: 40 }), parsesOrFailsCleanly),
      { numRuns: 3000 },
    );
  });

  it("on values after a valid key", () => {
    const value = fc.string({ unit: fc.constantFrom(...GRAMMAR_CHARS), maxLength: 40 });
    fc.assert(
      fc.property(fc.constantFrom("k=", "+a.b=", "~g@p=", "++x/y="), value, (key, v) => parsesOrFailsCleanly(key + v)),
      { numRuns: 3000 },
    );
  });

  it("on arbitrary unicode", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), parsesOrFailsCleanly), { numRuns: 1000 });
  });
});

// ---- round trip -----------------------------------------------------------------------------------------

const ident = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_-]{0,5}$/);
const int = fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String);
const float = fc.double({ noDefaultInfinity: false }).map(pyFloatRepr);
const keyword = fc.constantFrom("true", "False", "NULL", "inf", "-inf", "nan", "1_000", "3.1_4", ".5", "5.", "1e3", "+7");
const escape = fc.constantFrom("\\,", "\\ ", "\\\\", "\\(", "\\)", "\\[", "\\]", "\\{", "\\}", "\\:", "\\=", "\\\t");
const unquotedChar = fc.constantFrom("/", "-", "+", ".", "$", "%", "*", "@", "?", "|", "\\x"); // a lone backslash before a special character would be an escape
const interpolation = ident.map((i) => `\${${i}}`);
const piece = fc.oneof(ident, int, float, keyword, escape, unquotedChar, interpolation, fc.constant(" "));
/** Unquoted text: one token (typed) or several (a string); never only blanks. */
const primitive = fc
  .array(piece, { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(""))
  .filter((s) => s.trim() !== "");
const quoted = fc
  .tuple(fc.string({ unit: fc.constantFrom(..."ab '\"\\,{}$ש"), maxLength: 8 }), fc.constantFrom<"'" | '"'>("'", '"'))
  .map(([text, q]) => new QuotedString(text, q).withQuotes());
const dictKey = fc.oneof(ident, int, escape.map((e) => `k${e}`));

const { element } = fc.letrec<{ element: string }>((tie) => ({
  element: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    primitive,
    quoted,
    fc.array(tie("element"), { maxLength: 3 }).map((items) => `[${items.join(",")}]`),
    fc.array(fc.tuple(dictKey, tie("element")), { maxLength: 3 }).map((kv) => `{${kv.map(([k, v]) => `${k}:${v}`).join(", ")}}`),
  ),
}));

describe("formatElement round trip", () => {
  it("prints a parsed element as text that parses to the same value", () => {
    fc.assert(
      fc.property(element, (text) => {
        const first = parseOverride(`k=${text}`);
        expect(first.valueType).toBe("element");
        const printed = formatOverrideValue(first);
        const second = parseOverride(`k=${printed}`);
        expect(second.value).toEqual(first.value);
        expect(formatOverrideValue(second)).toBe(printed);
      }),
      { numRuns: 2000 },
    );
  });
});
