import { ConfigFloat } from "../../src/config/float.js";
import { OverrideParseError } from "../../src/errors.js";
import { parseOverride, QuotedString, type OverrideValue, type ParsedElement } from "../../src/overrides/index.js";

/** The parsed value of `k=<text>`. */
export function val(text: string): OverrideValue | undefined {
  return parseOverride(`k=${text}`).value;
}

/** A Python float as the parser gives it. */
export const fl = (n: number): ConfigFloat => new ConfigFloat(n);
export const sq = (text: string): QuotedString => new QuotedString(text, "'");
export const dq = (text: string): QuotedString => new QuotedString(text, '"');
export const dict = (...entries: [string, ParsedElement][]): Map<string, ParsedElement> => new Map(entries);

/** The OverrideParseError thrown by parsing `text` (fails the test if it parses). */
export function parseError(text: string): OverrideParseError {
  try {
    parseOverride(text);
  } catch (e) {
    if (e instanceof OverrideParseError) return e;
    throw new Error(`expected OverrideParseError, got ${String(e)}`);
  }
  throw new Error(`expected '${text}' not to parse`);
}

/** Sweep fields without the tags set, for compact expectations. */
export function choice(list: ParsedElement[], extra: { simpleForm?: boolean; shuffle?: boolean; tags?: string[] } = {}) {
  return {
    kind: "choice",
    list,
    simpleForm: extra.simpleForm ?? false,
    shuffle: extra.shuffle ?? false,
    tags: new Set(extra.tags ?? []),
  };
}
