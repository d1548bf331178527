/**
 * `OmegaConf.to_yaml`: PyYAML's block style (default_flow_style=False, allow_unicode=True,
 * sort_keys=False) with OmegaConf's string representer. Same layout, quoting and line folding at
 * 80 columns as PyYAML, so `.hydra/config.yaml` reads like Hydra's, byte for byte. A string is quoted
 * exactly when Hydra quotes it: OmegaConf's representer asks for single quotes when Python's `int()` or
 * `float()` accepts the text or it is a YAML 1.1 bool spelling; PyYAML's emitter quotes it when its own
 * resolvers read the plain text as something else (null, bool, int, float, timestamp, `<<`, `=`) or the
 * text cannot be a plain scalar (indicators, leading/trailing spaces, breaks). Numbers keep their type
 * (float.ts): ints print as digits, floats as PyYAML prints a float (`1.0`, `1.0e-05`, `.inf`); mapping
 * keys keep theirs (dict-key.ts): `123:`, `3.14:`, `true:`.
 */
import { isStringKeyId, keyId, keyOf } from "./dict-key.js";
import { ConfigFloat } from "./float.js";
import { ConfigDict, ConfigList, type ConfigValue, type PlainValue, type Scalar } from "./node.js";
import { formatYamlNumber, omegaConfQuotes, pyyamlReadsAsString } from "./yaml-scalar.js";

type Dumpable = ConfigValue | PlainValue;
type Style = "plain" | "single" | "double";

const BEST_WIDTH = 80;
/** PyYAML writes keys longer than this in the explicit `? key` form. */
const SIMPLE_KEY_LIMIT = 128;

/** A config tree or plain data as YAML, written as Hydra's `--cfg` prints it (PyYAML's style: quoting, key order, floats). */
export function toYaml(value: ConfigValue | PlainValue): string {
  if (isMapping(value)) return entriesOf(value).length === 0 ? "{}\n" : `${mapping(value, 0)}\n`;
  if (isSequence(value)) return itemsOf(value).length === 0 ? "[]\n" : `${sequence(value, 0)}\n`;
  return `${scalar(value as Scalar, 0, 2, false)}\n`;
}

function isMapping(v: Dumpable): v is ConfigDict | { [key: string]: PlainValue } {
  if (v instanceof ConfigDict) return true;
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof ConfigList) && !(v instanceof ConfigFloat);
}
function isSequence(v: Dumpable): v is ConfigList | PlainValue[] {
  return v instanceof ConfigList || Array.isArray(v);
}
function entriesOf(v: ConfigDict | { [key: string]: PlainValue }): [string, Dumpable][] {
  return v instanceof ConfigDict ? [...v.entries] : Object.entries(v);
}
function itemsOf(v: ConfigList | PlainValue[]): Dumpable[] {
  return v instanceof ConfigList ? v.items : v;
}
function isEmptyContainer(v: Dumpable): string | undefined {
  if (v instanceof ConfigDict) return v.size === 0 ? "{}" : undefined;
  if (isMapping(v)) return Object.keys(v).length === 0 ? "{}" : undefined;
  if (isSequence(v)) return itemsOf(v).length === 0 ? "[]" : undefined;
  return undefined;
}

/**
 * A non-empty mapping whose first key goes where the caller left the cursor (after indentation or
 * `- `); later keys start at column `indent`. No trailing newline.
 */
function mapping(v: ConfigDict | { [key: string]: PlainValue }, indent: number): string {
  const pad = " ".repeat(indent);
  let out = "";
  let first = true;
  const add = (key: string, value: Dumpable): void => {
    out += (first ? "" : `\n${pad}`) + mappingEntry(key, value, indent);
    first = false;
  };
  if (v instanceof ConfigDict) for (const [key, value] of v.entries) add(key, value);
  else for (const key of Object.keys(v)) add(keyId(key), v[key]!);
  return out;
}

function mappingEntry(id: string, value: Dumpable, indent: number): string {
  const typed = isStringKeyId(id) ? id : keyOf(id);
  if (typeof typed !== "string") {
    // A typed key (int, float, bool) prints as that scalar would.
    const k = scalar(typed, indent, indent + 2, true);
    return `${k}:${valueAfterIndicator(value, indent, indent + codePoints(k) + 1, false)}`;
  }
  const key = typed;
  if (isSimpleKey(key)) {
    const k = scalar(key, indent, indent + 2, true);
    return `${k}:${valueAfterIndicator(value, indent, indent + codePoints(k) + 1, false)}`;
  }
  // Empty, multi-line or very long keys: PyYAML's explicit form `? key` / `: value`.
  const k = scalar(key, indent + 2, indent + 2, false);
  return `? ${k}\n${" ".repeat(indent)}:${valueAfterIndicator(value, indent, indent + 1, true)}`;
}

/** Length in code points (what PyYAML counts for columns). */
function codePoints(s: string): number {
  return /[\ud800-\udfff]/.test(s) ? Array.from(s).length : s.length;
}

/** The text after `key:`; `compact` (explicit-key form) starts a nested collection on the same line. */
function valueAfterIndicator(value: Dumpable, indent: number, column: number, compact: boolean): string {
  const empty = isEmptyContainer(value);
  if (empty) return ` ${empty}`;
  if (isMapping(value)) {
    if (compact) return ` ${mapping(value, indent + 2)}`;
    return `\n${" ".repeat(indent + 2)}${mapping(value, indent + 2)}`;
  }
  if (isSequence(value)) {
    if (compact) return ` ${sequence(value, indent + 2)}`;
    // Sequences in a mapping are not indented: `key:\n- a`.
    return `\n${" ".repeat(indent)}${sequence(value, indent)}`;
  }
  return ` ${scalar(value as Scalar, column + 1, indent + 2, false)}`;
}

/** A non-empty sequence; the first `- ` goes at the cursor, later ones at column `indent`. */
function sequence(v: ConfigList | PlainValue[], indent: number): string {
  const pad = " ".repeat(indent);
  const items = itemsOf(v);
  let out = "";
  for (let i = 0; i < items.length; i++) out += `${i === 0 ? "" : `\n${pad}`}- ${sequenceItem(items[i]!, indent + 2)}`;
  return out;
}

function sequenceItem(item: Dumpable, indent: number): string {
  const empty = isEmptyContainer(item);
  if (empty) return empty;
  if (isMapping(item)) return mapping(item, indent);
  if (isSequence(item)) return sequence(item, indent);
  return scalar(item as Scalar, indent, indent, false);
}

function isSimpleKey(key: string): boolean {
  return key.length > 0 && key.length < SIMPLE_KEY_LIMIT && !hasLineBreak(key);
}

// ---------------------------------------------------------------------------------------------
// Scalars. `column` is where the scalar starts; `indent` is where folded continuation lines start.

function scalar(value: Scalar, column: number, indent: number, simpleKey: boolean): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number" || value instanceof ConfigFloat) return formatYamlNumber(value);
  const text = String(value);
  if (SIMPLE_TEXT_RE.test(text)) return simpleScalar(text);
  // The same strings (help texts, log formats, paths) are written at the same place in every job's
  // hydra.yaml; their analysis is the costly part of dumping it, and its result depends only on these.
  const key = `${simpleKey ? "k" : "v"}${column}:${indent}:${text}`;
  let out = styledScalars.get(key);
  if (out === undefined) {
    if (styledScalars.size >= STYLED_SCALARS_MAX) styledScalars.clear();
    out = styledScalar(text, column, indent, simpleKey);
    styledScalars.set(key, out);
  }
  return out;
}

const styledScalars = new Map<string, string>();
const STYLED_SCALARS_MAX = 1024;

function styledScalar(text: string, column: number, indent: number, simpleKey: boolean): string {
  switch (chooseStyle(text, simpleKey)) {
    case "plain":
      return writePlain(text, column, indent, !simpleKey);
    case "single":
      return writeSingleQuoted(text, column, indent, !simpleKey);
    default:
      return writeDoubleQuoted(text, column, indent, !simpleKey);
  }
}

/**
 * Text without spaces, breaks or indicators (most keys and values): PyYAML's analysis allows both the
 * plain and the single-quoted style, and neither can fold, so the full analysis is not needed.
 */
const SIMPLE_TEXT_RE = /^(?!---|\.\.\.)[A-Za-z0-9_$./=+~^;()<\\][\x21-\x7e]*$/;

/**
 * First characters of every spelling some reader takes for a non-string (numbers, `.inf`, `e5`, `nan`,
 * bools, nulls, `<<`, `=`, timestamps): text starting otherwise is a string to all of them.
 */
const NON_STRING_STARTS = " +-.0123456789~eEiInNyYtTfFoO<=";

function simpleScalar(text: string): string {
  if (text.charCodeAt(text.length - 1) === 58) return `'${text.replace(/'/g, "''")}'`; // a final ':' is an indicator
  if (!NON_STRING_STARTS.includes(text[0]!)) return text;
  if (!omegaConfQuotes(text) && pyyamlReadsAsString(text)) return text;
  return `'${text.replace(/'/g, "''")}'`;
}

interface Analysis {
  empty: boolean;
  multiline: boolean;
  allowPlain: boolean;
  allowSingle: boolean;
}

const BREAKS = "\n\x85\u2028\u2029";
const WHITESPACE = "\0 \t\r\n\x85\u2028\u2029";

function hasLineBreak(s: string): boolean {
  return /[\n\x85\u2028\u2029]/.test(s);
}

/** Printable as-is with allow_unicode: ASCII printable and most of Unicode, but not BOM or surrogates. */
function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  if (c === 0x0a || (c >= 0x20 && c <= 0x7e)) return true;
  if (c === 0xfeff) return false;
  return c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c < 0x10ffff);
}

/** PyYAML's analyze_scalar, block context only (hydrant never writes flow collections with content). */
function analyze(text: string): Analysis {
  if (text === "") return { empty: true, multiline: false, allowPlain: false, allowSingle: true };
  const chars = Array.from(text);
  let indicators = text.startsWith("---") || text.startsWith("...");
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
  let breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const followedByWhitespace = i + 1 >= chars.length || WHITESPACE.includes(chars[i + 1]!);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) indicators = true;
      if ((ch === "?" || ch === ":" || ch === "-") && followedByWhitespace) indicators = true;
    } else if ((ch === ":" && followedByWhitespace) || (ch === "#" && precededByWhitespace)) {
      indicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    if (!isPrintable(ch)) special = true;
    if (ch === " ") {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = previousBreak = false;
    }
    precededByWhitespace = WHITESPACE.includes(ch);
  }
  let allowPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || indicators);
  let allowSingle = true;
  if (breakSpace || spaceBreak || special) {
    allowPlain = false;
    allowSingle = false;
  }
  return { empty: false, multiline: lineBreaks, allowPlain, allowSingle };
}

function chooseStyle(text: string, simpleKey: boolean): Style {
  const a = analyze(text);
  const implicitString = !omegaConfQuotes(text) && pyyamlReadsAsString(text);
  if (implicitString && a.allowPlain && !(simpleKey && (a.empty || a.multiline))) return "plain";
  if (a.allowSingle && !(simpleKey && a.multiline)) return "single";
  return "double";
}

/** Writes text with PyYAML's folding: a single space past column 80 becomes a line break. */
class Writer {
  out = "";
  constructor(
    public column: number,
    private readonly indent: number,
  ) {}
  write(s: string): void {
    this.out += s;
    this.column += Array.from(s).length;
  }
  /** PyYAML writes a NEL, LS or PS break as itself, any other as "\n". */
  lineBreak(ch = "\n"): void {
    this.out += ch;
    this.column = 0;
  }
  /** Line break (unless at a fresh line already) then indentation. */
  toIndent(atFreshLine: boolean): void {
    if (!atFreshLine) this.lineBreak();
    this.out += " ".repeat(this.indent);
    this.column = this.indent;
  }
}

function writePlain(text: string, column: number, indent: number, split: boolean): string {
  const w = new Writer(column, indent);
  const chars = Array.from(text);
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    const prev = end > 0 ? chars[end - 1] : undefined;
    if (prev === " " && ch !== " ") {
      // End of a run of spaces: fold a lone space once the line is already too long.
      if (start + 1 === end && w.column > BEST_WIDTH && split) w.toIndent(false);
      else w.write(chars.slice(start, end).join(""));
      start = end;
    } else if (prev !== " " && (ch === undefined || ch === " ")) {
      w.write(chars.slice(start, end).join(""));
      start = end;
    }
  }
  return w.out;
}

function writeSingleQuoted(text: string, column: number, indent: number, split: boolean): string {
  const w = new Writer(column, indent);
  w.write("'");
  const chars = Array.from(text);
  let spaces = false, breaks = false;
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    if (spaces) {
      if (ch !== " ") {
        const lone = start + 1 === end && start !== 0 && end !== chars.length;
        if (lone && w.column > BEST_WIDTH && split) w.toIndent(false);
        else w.write(chars.slice(start, end).join(""));
        start = end;
      }
    } else if (breaks) {
      if (ch === undefined || !BREAKS.includes(ch)) {
        // A single break inside quotes folds to a space, so n newlines need n+1 line breaks.
        if (chars[start] === "\n") w.lineBreak();
        for (let i = start; i < end; i++) w.lineBreak(chars[i]);
        w.toIndent(true);
        start = end;
      }
    } else if (ch === undefined || ch === " " || ch === "'" || BREAKS.includes(ch)) {
      if (start < end) w.write(chars.slice(start, end).join(""));
      start = end;
    }
    if (ch === "'") {
      w.write("''");
      start = end + 1;
    }
    if (ch !== undefined) {
      spaces = ch === " ";
      breaks = BREAKS.includes(ch);
    }
  }
  w.write("'");
  return w.out;
}

const ESCAPES: Record<string, string> = {
  "\0": "0", "\x07": "a", "\x08": "b", "\x09": "t", "\x0A": "n", "\x0B": "v", "\x0C": "f",
  "\x0D": "r", "\x1B": "e", '"': '"', "\\": "\\", "\x85": "N", "\xA0": "_", "\u2028": "L", "\u2029": "P",
};

function escape(ch: string): string {
  if (ESCAPES[ch] !== undefined) return `\\${ESCAPES[ch]}`;
  const c = ch.codePointAt(0)!;
  if (c <= 0xff) return `\\x${c.toString(16).toUpperCase().padStart(2, "0")}`;
  if (c <= 0xffff) return `\\u${c.toString(16).toUpperCase().padStart(4, "0")}`;
  return `\\U${c.toString(16).toUpperCase().padStart(8, "0")}`;
}

function needsEscape(ch: string): boolean {
  if ('"\\\x85\u2028\u2029\uFEFF'.includes(ch)) return true;
  const c = ch.codePointAt(0)!;
  return !((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd));
}

function writeDoubleQuoted(text: string, column: number, indent: number, split: boolean): string {
  const w = new Writer(column, indent);
  w.write('"');
  const chars = Array.from(text);
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    if (ch === undefined || needsEscape(ch)) {
      if (start < end) w.write(chars.slice(start, end).join(""));
      start = end;
      if (ch !== undefined) {
        w.write(escape(ch));
        start = end + 1;
      }
    }
    const foldable = end > 0 && end < chars.length - 1 && (ch === " " || start >= end);
    if (foldable && w.column + (end - start) > BEST_WIDTH && split) {
      // An escaped line break joins the lines without a space; a leading space is kept escaped.
      w.write(`${chars.slice(start, end).join("")}\\`);
      if (start < end) start = end;
      w.toIndent(false);
      if (chars[start] === " ") w.write("\\");
    }
  }
  w.write('"');
  return w.out;
}
