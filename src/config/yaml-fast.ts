/**
 * A fast reader for the YAML that config files actually use: block mappings and sequences, flow
 * `[..]`/`{..}` collections, plain and quoted scalars, comments and simple `|`/`>` block scalars in a
 * single document. It builds exactly what the `yaml`-package path of `parseYaml` builds (same
 * ConfigDict/ConfigList, scalar typing and positions) and gives up, returning undefined, on anything
 * else: anchors, aliases, tags, merge keys, complex keys, directives and document markers, tabs and
 * carriage returns, multi-line plain or quoted scalars, and every error. The caller then takes the
 * full (slower) path, so errors keep their messages and exotic YAML its meaning.
 */
import { ConfigDict, ConfigList, type ConfigValue, type NodeSource } from "./node.js";
import { MAX_YAML_DEPTH } from "./yaml-limits.js";
import { resolvePlainScalar, yamlKeyString } from "./yaml-scalar.js";

/** Thrown internally to abandon the fast path; never escapes this module. */
const GIVE_UP: unique symbol = Symbol("give up");

/** Characters whose handling differs between readers or that need the full scanner. */
const UNSUPPORTED_CHARS = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/** Longest implicit key the `yaml` package accepts (YAML 1.2 says 1024; stay below it). */
const MAX_KEY_LENGTH = 1000;

/** Character codes the reader compares. */
const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const BACKSLASH = 92;
const BRACE_CLOSE = 125;
const BRACE_OPEN = 123;
const BRACKET_CLOSE = 93;
const BRACKET_OPEN = 91;
const COMMA = 44;
const DOUBLE_QUOTE = 34;
const GREATER_THAN = 62;
const PIPE = 124;
const PLUS = 43;
const QUESTION_MARK = 63;
const SINGLE_QUOTE = 39;
/** Character codes below this are ASCII. */
const ASCII_END = 128;

/** The config tree of `text`, `null` for an empty document, or undefined when the full reader is needed. */
export function readYamlFast(text: string, file?: string): ConfigValue | undefined {
  try {
    return readYamlFastStrict(text, file);
  } catch {
    // A bug here must not break loading: the full reader decides instead.
    return undefined;
  }
}

/** readYamlFast, but unexpected exceptions propagate (for tests). */
export function readYamlFastStrict(text: string, file?: string): ConfigValue | undefined {
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    return new FastReader(text, file).document();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/** A plain scalar's value; `<<` and `=` are not values (the full reader explains why). */
function plainScalar(text: string): ConfigValue {
  const value = resolvePlainScalar(text);
  return value === undefined ? giveUp() : value;
}

function giveUp(): never {
  throw GIVE_UP;
}

/** Characters that cannot start a plain scalar (or that we leave to the full reader): !&*|>'"%@`,[]{}#?: */
const INDICATOR_START = new Uint8Array(ASCII_END);
for (const ch of "!&*|>'\"%@`,[]{}#?:") INDICATOR_START[ch.charCodeAt(0)] = 1;

function isIndicatorStart(c: number): boolean {
  return c < ASCII_END && INDICATOR_START[c] === 1;
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === BRACKET_OPEN || c === BRACKET_CLOSE || c === BRACE_OPEN || c === BRACE_CLOSE;
}

/**
 * The next occurrence of a string at or after a position, remembering the last answer: scanning
 * moves forward, so each search resumes where the previous one found nothing.
 */
class NextIndex {
  private from = 0;
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** Index of the next occurrence at or after `p`, or the text's length when there is none. */
  find(p: number): number {
    if (this.from <= p && p <= this.at) return this.at;
    const i = this.text.indexOf(this.needle, p);
    this.from = p;
    this.at = i === -1 ? this.text.length : i;
    return this.at;
  }
}

class FastReader {
  private pos = 0;
  /** 1-based line of `pos`, and the offset where that line starts. */
  private line = 1;
  private lineStart = 0;
  /** Indent of the content line `pos` stands on (after nextContent), -1 at the end of the text. */
  private ind = -1;
  private readonly n: number;
  private readonly newlines: NextIndex;
  private readonly colons: NextIndex;
  private readonly commentSpaces: NextIndex;

  constructor(
    private readonly text: string,
    private readonly file: string | undefined,
  ) {
    this.n = text.length;
    this.newlines = new NextIndex(text, "\n");
    this.colons = new NextIndex(text, ":");
    this.commentSpaces = new NextIndex(text, " #");
  }

  document(): ConfigValue {
    this.nextContent();
    if (this.ind === -1) return null;
    const value = this.blockNode(-1);
    if (this.ind !== -1) giveUp();
    return value;
  }

  // ---------------------------------------------------------------------------------------------
  // Lines

  private code(p: number): number {
    return p < this.n ? this.text.charCodeAt(p) : -1;
  }

  private skipSpaces(): void {
    while (this.code(this.pos) === SPACE) this.pos++;
  }

  /** After optional spaces: end of line, end of text, or a comment. */
  private restIsEmpty(): boolean {
    this.skipSpaces();
    const c = this.code(this.pos);
    if (c === -1 || c === NEWLINE) return true;
    return c === HASH && (this.pos === this.lineStart || this.code(this.pos - 1) === SPACE);
  }

  /** Moves to the start of the next line; the rest of this one must be empty. */
  private finishLine(): void {
    if (!this.restIsEmpty()) giveUp();
    const nl = this.text.indexOf("\n", this.pos);
    if (nl === -1) {
      this.pos = this.n;
      return;
    }
    this.pos = nl + 1;
    this.line++;
    this.lineStart = this.pos;
  }

  /** From a line start, skips blank and comment lines; stops on the first content character. */
  private nextContent(): void {
    for (;;) {
      if (this.pos >= this.n) {
        this.ind = -1;
        return;
      }
      this.skipSpaces();
      const c = this.code(this.pos);
      const indent = this.pos - this.lineStart;
      if (c !== -1 && c !== NEWLINE && c !== HASH) {
        if (indent === 0) this.rejectDocumentMarker();
        this.ind = indent;
        return;
      }
      if (c === -1) {
        this.ind = -1;
        return;
      }
      this.finishLine();
    }
  }

  private rejectDocumentMarker(): void {
    const t = this.text;
    const p = this.pos;
    if (t.startsWith("---", p) || t.startsWith("...", p)) {
      const after = this.code(p + 3);
      if (after === -1 || after === NEWLINE || after === SPACE) giveUp();
    }
  }

  private source(line: number, column: number): NodeSource {
    return { file: this.file, line, column, positions: new Map() };
  }

  // ---------------------------------------------------------------------------------------------
  // Block structure

  /** A node whose first character is at `pos` (a content line, or after `- `). */
  /** Deep documents go to the full reader, which says how deep is too deep. */
  private depth = 0;

  private blockNode(parentIndent: number): ConfigValue {
    if (++this.depth > MAX_YAML_DEPTH) giveUp();
    try {
      return this.blockNodeHere(parentIndent);
    } finally {
      this.depth--;
    }
  }

  private blockNodeHere(parentIndent: number): ConfigValue {
    const col = this.pos - this.lineStart;
    const c = this.code(this.pos);
    if (c === DASH && this.isSeqIndicator(this.pos)) return this.blockSeq(col);
    if (c === BRACKET_OPEN || c === BRACE_OPEN) {
      const value = this.flowCollection(parentIndent);
      this.afterInlineValue();
      return value;
    }
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      const start = this.pos;
      const value = this.quoted();
      this.skipSpaces();
      if (this.isMappingColon(this.pos)) {
        this.pos = start;
        return this.blockMap(col);
      }
      this.afterInlineValue();
      return value;
    }
    if (!this.canStartPlain(this.pos, false)) giveUp();
    const start = this.pos;
    const end = this.scanPlainBlock();
    if (this.isMappingColon(this.pos)) {
      this.pos = start;
      return this.blockMap(col);
    }
    const value = this.plainValue(start, end);
    this.afterInlineValue();
    return value;
  }

  /** `-` followed by a space, a line break or the end: a block sequence entry. */
  private isSeqIndicator(p: number): boolean {
    const next = this.code(p + 1);
    return next === SPACE || next === NEWLINE || next === -1;
  }

  /** `:` followed by a space, a line break or the end: the value indicator of a block mapping. */
  private isMappingColon(p: number): boolean {
    if (this.code(p) !== COLON) return false;
    const next = this.code(p + 1);
    return next === SPACE || next === NEWLINE || next === -1;
  }

  /** The end of a scalar or flow value in block context: nothing else on the line, then the next content. */
  private afterInlineValue(): void {
    this.finishLine();
    this.nextContent();
  }

  private blockMap(indent: number): ConfigDict {
    const source = this.source(this.line, indent + 1);
    const dict = new ConfigDict(undefined, source);
    const stringKeys = new Set<string>();
    for (;;) {
      const keyLine = this.line;
      const keyColumn = this.pos - this.lineStart + 1;
      const key = this.mappingKey(stringKeys, false);
      this.pos++; // the ':'
      const value = this.blockMapValue(indent);
      if (!dict.entries.has(key)) source.positions!.set(key, { line: keyLine, column: keyColumn });
      dict.entries.set(key, value);
      if (this.ind < indent) return dict;
      if (this.ind > indent) giveUp();
      if (this.code(this.pos) === DASH && this.isSeqIndicator(this.pos)) giveUp();
    }
  }

  /**
   * Reads a key up to its `:`; string keys must be unique (the full reader reports duplicates). In a
   * flow mapping (`{..}`) the key is on one line and its `:` is consumed here.
   */
  private mappingKey(stringKeys: Set<string>, flow: boolean): string {
    const c = this.code(this.pos);
    const keyStart = this.pos;
    let value: ConfigValue;
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      value = this.quoted();
      this.skipSpaces();
    } else {
      if (!flow && !this.canStartPlain(this.pos, false)) giveUp();
      const end = flow ? this.scanPlainFlow() : this.scanPlainBlock();
      if (end === keyStart) giveUp();
      value = plainScalar(this.text.slice(keyStart, end));
    }
    if (!this.isMappingColon(this.pos) || this.pos - keyStart > MAX_KEY_LENGTH) giveUp();
    if (flow) this.pos++;
    return this.uniqueKey(value, stringKeys);
  }

  private uniqueKey(value: ConfigValue, stringKeys: Set<string>): string {
    if (typeof value === "string") {
      if (stringKeys.has(value)) giveUp();
      stringKeys.add(value);
      return yamlKeyString(value);
    }
    if (value !== null && typeof value === "object") giveUp();
    return yamlKeyString(value);
  }

  /** After `key:`, the value: on the same line, on the following lines, or empty (null). */
  private blockMapValue(indent: number): ConfigValue {
    if (this.restIsEmpty()) {
      this.finishLine();
      this.nextContent();
      if (this.ind > indent) return this.blockNode(indent);
      if (this.ind === indent && this.code(this.pos) === DASH && this.isSeqIndicator(this.pos)) return this.blockSeq(indent);
      return null;
    }
    const c = this.code(this.pos);
    if (c === PIPE || c === GREATER_THAN) return this.blockScalar(indent);
    if (c === BRACKET_OPEN || c === BRACE_OPEN) {
      const value = this.flowCollection(indent);
      this.afterInlineValue();
      return value;
    }
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
      const value = this.quoted();
      this.afterInlineValue();
      return value;
    }
    if (!this.canStartPlain(this.pos, false)) giveUp();
    const start = this.pos;
    const end = this.scanPlainBlock();
    if (this.isMappingColon(this.pos)) giveUp();
    const value = this.plainValue(start, end);
    this.afterInlineValue();
    return value;
  }

  private blockSeq(indent: number): ConfigList {
    const source = this.source(this.line, indent + 1);
    const items: ConfigValue[] = [];
    for (;;) {
      this.pos++; // the '-'
      if (this.code(this.pos) !== SPACE) giveUp(); // an empty entry
      this.skipSpaces();
      if (this.restIsEmpty()) giveUp(); // entry content on the next lines
      const c = this.code(this.pos);
      if (c === PIPE || c === GREATER_THAN) giveUp();
      source.positions!.set(String(items.length), { line: this.line, column: this.pos - this.lineStart + 1 });
      items.push(this.blockNode(indent));
      if (this.ind < indent) break;
      if (this.ind > indent) giveUp();
      if (!(this.code(this.pos) === DASH && this.isSeqIndicator(this.pos))) break;
    }
    return new ConfigList(items, source);
  }

  /**
   * Plain scalar in block context, from `pos`: stops before ` #`, a line break, or a `:` that starts a
   * value. Returns the end of the text (trailing spaces excluded); `pos` is left at the stop.
   */
  private scanPlainBlock(): number {
    const t = this.text;
    const start = this.pos;
    const lineEnd = this.newlines.find(start);
    const commentSpace = this.commentSpaces.find(start);
    let stop = commentSpace < lineEnd ? commentSpace + 1 : lineEnd;
    for (let c = this.colons.find(start); c < stop; c = this.colons.find(c + 1)) {
      if (this.isMappingColon(c)) {
        stop = c;
        break;
      }
    }
    let end = stop;
    while (end > start && t.charCodeAt(end - 1) === SPACE) end--;
    this.pos = stop;
    return end;
  }

  private plainValue(start: number, end: number): ConfigValue {
    return plainScalar(this.text.slice(start, end));
  }

  /** Whether a plain scalar may start at `p`: not an indicator, but `???` and `-1` are fine. */
  private canStartPlain(p: number, inFlow: boolean): boolean {
    const c = this.code(p);
    if (c === QUESTION_MARK || c === DASH) {
      const next = this.code(p + 1);
      return !(next === SPACE || next === NEWLINE || next === -1 || (inFlow && isFlowIndicator(next)));
    }
    return c !== -1 && !isIndicatorStart(c);
  }

  // ---------------------------------------------------------------------------------------------
  // Block scalars: `|` and `>` with optional chomping, content lines at one indentation (`|` allows more).

  private blockScalar(parentIndent: number): string {
    const folded = this.code(this.pos) === GREATER_THAN;
    this.pos++;
    let chomp = "clip";
    const c = this.code(this.pos);
    if (c === DASH || c === PLUS) {
      chomp = c === DASH ? "strip" : "keep";
      this.pos++;
    }
    const after = this.code(this.pos);
    if (after !== SPACE && after !== NEWLINE && after !== -1) giveUp(); // indentation indicators and more
    this.finishLine();
    const lines = this.blockScalarLines(parentIndent, folded);
    let trailing = 0;
    while (lines.length > 0 && lines[lines.length - 1] === "") {
      lines.pop();
      trailing++;
    }
    const body = folded ? foldLines(lines) : lines.join("\n");
    this.nextContent();
    if (chomp === "strip") return body;
    return chomp === "keep" ? `${body}\n${"\n".repeat(trailing)}` : `${body}\n`;
  }

  /** Content lines (blank ones as ""), up to the first less indented non-blank line. */
  private blockScalarLines(parentIndent: number, folded: boolean): string[] {
    const t = this.text;
    const lines: string[] = [];
    let indent = -1;
    for (;;) {
      if (this.pos >= this.n) break;
      let p = this.pos;
      while (p < this.n && t.charCodeAt(p) === SPACE) p++;
      const spaces = p - this.pos;
      const c = p < this.n ? t.charCodeAt(p) : -1;
      const blank = c === NEWLINE || c === -1;
      if (indent === -1) {
        if (blank || spaces <= parentIndent) giveUp(); // leading blank lines or an empty scalar
        indent = spaces;
      }
      if (blank) {
        if (spaces > indent) giveUp();
        lines.push("");
      } else {
        if (spaces < indent) break;
        if (folded && spaces > indent) giveUp();
        const nl = t.indexOf("\n", p);
        if (nl === -1) giveUp(); // last line without a line break
        lines.push(t.slice(this.pos + indent, nl));
      }
      const nl = t.indexOf("\n", this.pos);
      if (nl === -1) giveUp();
      this.pos = nl + 1;
      this.line++;
      this.lineStart = this.pos;
    }
    if (indent === -1) giveUp(); // no content at all
    return lines;
  }

  // ---------------------------------------------------------------------------------------------
  // Flow collections

  private flowCollection(blockIndent: number): ConfigDict | ConfigList {
    if (++this.depth > MAX_YAML_DEPTH) giveUp();
    try {
      return this.code(this.pos) === BRACKET_OPEN ? this.flowSeq(blockIndent) : this.flowMap(blockIndent);
    } finally {
      this.depth--;
    }
  }

  /** Skips spaces, line breaks and comments inside a flow collection. */
  private skipFlowSpace(blockIndent: number): void {
    for (;;) {
      this.skipSpaces();
      const c = this.code(this.pos);
      if (c === HASH && this.code(this.pos - 1) === SPACE) {
        const nl = this.text.indexOf("\n", this.pos);
        this.pos = nl === -1 ? this.n : nl;
        continue;
      }
      if (c !== NEWLINE) return;
      this.pos++;
      this.line++;
      this.lineStart = this.pos;
      this.skipSpaces();
      const indent = this.pos - this.lineStart;
      // Continuation lines must stay inside the block that holds the collection.
      if (indent === 0 || indent <= blockIndent) giveUp();
    }
  }

  private flowSeq(blockIndent: number): ConfigList {
    const source = this.source(this.line, this.pos - this.lineStart + 1);
    const items: ConfigValue[] = [];
    this.pos++;
    this.skipFlowSpace(blockIndent);
    if (this.code(this.pos) === BRACKET_CLOSE) {
      this.pos++;
      return new ConfigList(items, source);
    }
    for (;;) {
      source.positions!.set(String(items.length), { line: this.line, column: this.pos - this.lineStart + 1 });
      items.push(this.flowValue(blockIndent));
      this.skipFlowSpace(blockIndent);
      const c = this.code(this.pos);
      this.pos++;
      if (c === BRACKET_CLOSE) return new ConfigList(items, source);
      if (c !== COMMA) giveUp();
      this.skipFlowSpace(blockIndent);
    }
  }

  private flowMap(blockIndent: number): ConfigDict {
    const source = this.source(this.line, this.pos - this.lineStart + 1);
    const dict = new ConfigDict(undefined, source);
    const stringKeys = new Set<string>();
    this.pos++;
    this.skipFlowSpace(blockIndent);
    if (this.code(this.pos) === BRACE_CLOSE) {
      this.pos++;
      return dict;
    }
    for (;;) {
      const keyLine = this.line;
      const keyColumn = this.pos - this.lineStart + 1;
      const key = this.mappingKey(stringKeys, true);
      this.skipFlowSpace(blockIndent);
      const value = this.flowValue(blockIndent);
      if (!dict.entries.has(key)) source.positions!.set(key, { line: keyLine, column: keyColumn });
      dict.entries.set(key, value);
      this.skipFlowSpace(blockIndent);
      const c = this.code(this.pos);
      this.pos++;
      if (c === BRACE_CLOSE) return dict;
      if (c !== COMMA) giveUp();
      this.skipFlowSpace(blockIndent);
    }
  }

  private flowValue(blockIndent: number): ConfigValue {
    const c = this.code(this.pos);
    if (c === BRACKET_OPEN || c === BRACE_OPEN) return this.flowCollection(blockIndent);
    if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) return this.quoted();
    const start = this.pos;
    const end = this.scanPlainFlow();
    if (end === start) giveUp();
    if (this.code(this.pos) === COLON) giveUp(); // a pair inside a sequence, or `a:b`
    return this.plainValue(start, end);
  }

  /**
   * Plain scalar inside a flow collection: one line, no flow indicators, no `:` at all (left to the
   * full reader), ends before ` #`. Returns the end of its text; `pos` is left at the stop.
   */
  private scanPlainFlow(): number {
    const t = this.text;
    let p = this.pos;
    if (!this.canStartPlain(p, true)) giveUp();
    let end = p;
    for (;;) {
      const c = p < this.n ? t.charCodeAt(p) : -1;
      if (c === -1 || c === NEWLINE || c === COLON || isFlowIndicator(c)) break;
      if (c === HASH && t.charCodeAt(p - 1) === SPACE) break;
      if (c !== SPACE) end = p + 1;
      p++;
    }
    this.pos = p;
    return end;
  }

  // ---------------------------------------------------------------------------------------------
  // Quoted scalars (one line only)

  private quoted(): string {
    return this.code(this.pos) === SINGLE_QUOTE ? this.singleQuoted() : this.doubleQuoted();
  }

  private singleQuoted(): string {
    const t = this.text;
    let out = "";
    let p = this.pos + 1;
    for (;;) {
      const q = t.indexOf("'", p);
      const nl = t.indexOf("\n", p);
      if (q === -1 || (nl !== -1 && nl < q)) giveUp();
      out += t.slice(p, q);
      if (t.charCodeAt(q + 1) === SINGLE_QUOTE) {
        out += "'";
        p = q + 2;
        continue;
      }
      this.pos = q + 1;
      return out;
    }
  }

  private doubleQuoted(): string {
    const t = this.text;
    let out = "";
    let p = this.pos + 1;
    let chunk = p;
    for (;;) {
      const c = p < this.n ? t.charCodeAt(p) : -1;
      if (c === -1 || c === NEWLINE) giveUp();
      if (c === DOUBLE_QUOTE) {
        out += t.slice(chunk, p);
        this.pos = p + 1;
        return out;
      }
      if (c === BACKSLASH) {
        out += t.slice(chunk, p);
        p = this.escape(p + 1, (s) => (out += s));
        chunk = p;
        continue;
      }
      p++;
    }
  }

  /** One escape after a backslash at `p - 1`; returns the offset after it. */
  private escape(p: number, emit: (s: string) => void): number {
    const e = this.text[p];
    const simple = e === undefined ? undefined : SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      emit(simple);
      return p + 1;
    }
    const digits = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
    if (digits === 0) giveUp();
    const hex = this.text.slice(p + 1, p + 1 + digits);
    if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) giveUp();
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) giveUp();
    emit(String.fromCodePoint(code));
    return p + 1 + digits;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\x85",
  _: "\xa0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
};

/** `>` folding for lines at one indentation: a single break becomes a space, n blank lines n breaks. */
function foldLines(lines: readonly string[]): string {
  let out = "";
  let blanks = 0;
  let first = true;
  for (const line of lines) {
    if (line === "") {
      blanks++;
      continue;
    }
    if (!first) out += blanks > 0 ? "\n".repeat(blanks) : " ";
    out += line;
    blanks = 0;
    first = false;
  }
  return out;
}
