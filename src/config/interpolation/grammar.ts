/**
 * Parser for OmegaConf 2.2's interpolation grammar (OmegaConfGrammarParser.g4): `configValue` for
 * config strings and `singleElement` for `oc.decode`. Hand-written recursive descent over the
 * modal token stream of lexer.ts, producing the small tree of ast.ts with escapes already applied.
 */
import { ConfigFloat } from "../float.js";
import type { Scalar } from "../node.js";
import type { DictKey, Element, Interpolation, Piece, Text } from "./ast.js";
import { GrammarParseError } from "../../errors.js";
import { LexError, tokenize, type Token, type TokenType } from "./lexer.js";

/** Nesting beyond this is refused rather than risking the JS stack on hostile input. */
const MAX_NESTING = 200;
/** Parsed strings kept in the cache; the cache is simply emptied when it grows past this. */
const MAX_CACHE_ENTRIES = 10_000;

const TEXT_TOKENS: ReadonlySet<TokenType> = new Set(["ANY_STR", "ESC", "ESC_INTER", "TOP_ESC", "QUOTED_ESC", "INTER_OPEN"]);
const DICT_KEY_TOKENS: ReadonlySet<TokenType> = new Set(["ID", "NULL", "INT", "FLOAT", "BOOL", "UNQUOTED_CHAR", "ESC", "WS"]);
const PRIMITIVE_TOKENS: ReadonlySet<TokenType> = new Set([...DICT_KEY_TOKENS, "COLON", "INTER_OPEN"]);

/** An empty sequence item (`${f:a,,b}`): OmegaConf reads it as the empty string. */
const EMPTY_ELEMENT: Element = { kind: "quoted", text: undefined };

class ParseFailure extends Error {
  constructor(
    readonly detail: string,
    readonly offset: number,
  ) {
    super(detail);
  }
}

type RawChild = Token | Interpolation;

function isToken(child: RawChild): child is Token {
  return "type" in child;
}

/** Python's `s[1::2]`: drops the escaping backslash of each two-character escape. */
function everyOtherFromSecond(s: string): string {
  let out = "";
  for (let i = 1; i < s.length; i += 2) out += s[i];
  return out;
}

/** Literal text of one token inside a `text` rule, applying OmegaConf's context-dependent unescaping. */
function unescapeTextToken(token: Token, next: RawChild | undefined): string {
  const beforeInterpolation = next !== undefined && !isToken(next);
  switch (token.type) {
    case "ESC_INTER":
      // `\\...\${`: keep the last half of the backslashes plus `${`.
      return token.text.slice(token.text.length - (Math.floor(token.text.length / 2) + 1));
    case "ESC":
      return everyOtherFromSecond(token.text);
    case "TOP_ESC":
      return beforeInterpolation ? everyOtherFromSecond(token.text) : token.text;
    case "QUOTED_ESC":
      return beforeInterpolation || next === undefined ? everyOtherFromSecond(token.text) : token.text;
    default:
      return token.text;
  }
}

function toPieces(children: RawChild[], unescape: (token: Token, next: RawChild | undefined) => string): Piece[] {
  const pieces: Piece[] = [];
  children.forEach((child, i) => {
    if (!isToken(child)) {
      pieces.push(child);
      return;
    }
    const text = unescape(child, children[i + 1]);
    const last = pieces[pieces.length - 1];
    if (typeof last === "string") pieces[pieces.length - 1] = last + text;
    else pieces.push(text);
  });
  return pieces;
}

function primitiveValue(token: Token): Scalar {
  switch (token.type) {
    case "NULL":
      return null;
    case "BOOL":
      return token.text.toLowerCase() === "true";
    case "INT":
      return Number(token.text.replace(/_/g, "")) + 0; // `+ 0` turns -0 into 0 like Python's int
    case "FLOAT":
      return new ConfigFloat(parseFloatToken(token.text));
    case "ESC":
      return everyOtherFromSecond(token.text);
    default:
      return token.text;
  }
}

function parseFloatToken(text: string): number {
  const clean = text.replace(/_/g, "").toLowerCase();
  const sign = clean.startsWith("-") ? -1 : 1;
  const unsigned = clean.replace(/^[+-]/, "");
  if (unsigned === "inf") return sign * Infinity;
  if (unsigned === "nan") return NaN;
  return Number(clean);
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parseConfigValue(): Text {
    const text = this.parseText();
    if (!text) throw this.fail("text or '${'");
    this.expect("EOF", "end of text");
    return text;
  }

  parseSingleElement(): Element {
    const element = this.parseElement();
    this.expect("EOF", "end of text");
    return element;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private advance(): Token {
    const token = this.tokens[this.pos];
    if (token.type !== "EOF") this.pos++;
    return token;
  }

  private lastEnd(): number {
    return this.pos === 0 ? 0 : this.tokens[this.pos - 1].end;
  }

  private expect(type: TokenType, what: string): Token {
    if (this.peek().type !== type) throw this.fail(what);
    return this.advance();
  }

  /** The failure at the current token, for the caller to throw (`throw this.fail(...)`, as in overrides/syntax.ts). */
  private fail(expected: string): ParseFailure {
    const token = this.peek();
    const found = token.type === "EOF" ? "end of text" : `'${token.text}'`;
    return new ParseFailure(`unexpected ${found}, expected ${expected}`, token.start);
  }

  private nest<T>(parse: () => T): T {
    if (++this.depth > MAX_NESTING) {
      throw new ParseFailure(`nesting deeper than ${MAX_NESTING} levels`, this.peek().start);
    }
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  /** `text: (interpolation | ANY_STR | ESC | ESC_INTER | TOP_ESC | QUOTED_ESC)+`; undefined if empty. */
  private parseText(): Text | undefined {
    const children: RawChild[] = [];
    while (TEXT_TOKENS.has(this.peek().type)) {
      children.push(this.peek().type === "INTER_OPEN" ? this.parseInterpolation() : this.advance());
    }
    if (children.length === 0) return undefined;
    const only = children.length === 1 ? children[0] : undefined;
    const single = only && !isToken(only) ? only : undefined;
    return { pieces: toPieces(children, unescapeTextToken), ...(single ? { single } : {}) };
  }

  /** `interpolationNode | interpolationResolver`, told apart by what follows the key/name. */
  private parseInterpolation(): Interpolation {
    return this.nest(() => {
      const open = this.expect("INTER_OPEN", "'${'");
      const key: Piece[] = [];
      let canBeResolverName = true;
      while (this.peek().type === "DOT") {
        this.advance();
        key.push(".");
        canBeResolverName = false;
      }
      if (!this.parseKeyComponent(key, true)) canBeResolverName = false;
      for (;;) {
        const type = this.peek().type;
        if (type === "DOT") {
          this.advance();
          key.push(".");
          if (!this.parseConfigKey(key)) canBeResolverName = false;
        } else if (type === "BRACKET_OPEN") {
          this.parseKeyComponent(key, false);
          canBeResolverName = false;
        } else break;
      }
      if (canBeResolverName && this.peek().type === "COLON") return this.parseResolverRest(open, key);
      const close = this.expect("INTER_CLOSE", canBeResolverName ? "'}' or ':'" : "'}'");
      return { kind: "node", key, text: this.source.slice(open.start, close.end) };
    });
  }

  /** `configKey | BRACKET_OPEN configKey BRACKET_CLOSE`; returns whether it was a plain ID/interpolation. */
  private parseKeyComponent(key: Piece[], first: boolean): boolean {
    if (this.peek().type !== "BRACKET_OPEN") {
      if (first) return this.parseConfigKey(key);
      throw this.fail("'.' or '['");
    }
    this.advance();
    key.push("[");
    this.parseConfigKey(key);
    this.expect("BRACKET_CLOSE", "']'");
    key.push("]");
    return false;
  }

  /** `configKey: interpolation | ID | INTER_KEY`; returns false for INTER_KEY (not valid in a resolver name). */
  private parseConfigKey(key: Piece[]): boolean {
    const token = this.peek();
    if (token.type === "INTER_OPEN") {
      key.push(this.parseInterpolation());
      return true;
    }
    if (token.type !== "ID" && token.type !== "INTER_KEY") throw this.fail("a key");
    this.advance();
    key.push(token.text);
    return token.type === "ID";
  }

  /** After `${name`: `COLON sequence? BRACE_CLOSE`. */
  private parseResolverRest(open: Token, name: Piece[]): Interpolation {
    this.expect("COLON", "':'");
    const { items, texts } =
      this.peek().type === "BRACE_CLOSE" ? { items: [], texts: [] } : this.parseSequence("BRACE_CLOSE");
    const close = this.expect("BRACE_CLOSE", "',' or '}'");
    return { kind: "resolver", name, args: items, argTexts: texts, text: this.source.slice(open.start, close.end) };
  }

  /** `sequence: (element (COMMA element?)*) | (COMMA element?)+`; missing elements are "". */
  private parseSequence(terminator: TokenType): { items: Element[]; texts: string[] } {
    const items: Element[] = [];
    const texts: string[] = [];
    let afterComma = true;
    let sawComma = false;
    for (;;) {
      const token = this.peek();
      if (token.type === "COMMA") {
        if (afterComma) {
          items.push(EMPTY_ELEMENT);
          texts.push("");
        }
        this.advance();
        afterComma = true;
        sawComma = true;
        continue;
      }
      if (token.type === terminator) break;
      if (!afterComma) throw this.fail(terminator === "BRACE_CLOSE" ? "',' or '}'" : "',' or ']'");
      items.push(this.parseElement());
      texts.push(this.source.slice(token.start, this.lastEnd()));
      afterComma = false;
    }
    if (afterComma && sawComma) {
      items.push(EMPTY_ELEMENT);
      texts.push("");
    }
    return { items, texts };
  }

  /** `element: primitive | quotedValue | listContainer | dictContainer`. */
  private parseElement(): Element {
    const type = this.peek().type;
    if (type === "QUOTE_OPEN_SINGLE" || type === "QUOTE_OPEN_DOUBLE") return this.parseQuoted();
    if (type === "BRACKET_OPEN") return this.nest(() => this.parseList());
    if (type === "BRACE_OPEN") return this.nest(() => this.parseDict());
    if (PRIMITIVE_TOKENS.has(type)) return this.parsePrimitive();
    throw this.fail("a value");
  }

  private parseQuoted(): Element {
    this.advance();
    const text = this.parseText();
    this.expect("MATCHING_QUOTE_CLOSE", "a closing quote");
    return { kind: "quoted", text };
  }

  private parseList(): Element {
    this.advance();
    const items = this.peek().type === "BRACKET_CLOSE" ? [] : this.parseSequence("BRACKET_CLOSE").items;
    this.expect("BRACKET_CLOSE", "',' or ']'");
    return { kind: "list", items };
  }

  private parseDict(): Element {
    this.advance();
    const entries: Array<[DictKey, Element]> = [];
    if (this.peek().type !== "BRACE_CLOSE") {
      for (;;) {
        const key = this.parseDictKey();
        this.expect("COLON", "':'");
        entries.push([key, this.parseElement()]);
        if (this.peek().type !== "COMMA") break;
        this.advance();
      }
    }
    this.expect("BRACE_CLOSE", "',' or '}'");
    return { kind: "dict", entries };
  }

  private parseDictKey(): DictKey {
    const tokens: Token[] = [];
    while (DICT_KEY_TOKENS.has(this.peek().type)) tokens.push(this.advance());
    if (tokens.length === 0) throw this.fail("a dictionary key");
    if (tokens.length === 1) return primitiveValue(tokens[0]);
    return tokens.map((t) => (t.type === "ESC" ? everyOtherFromSecond(t.text) : t.text)).join("");
  }

  /** `primitive`: one token keeps its type (int, float, bool, null); several form a string. */
  private parsePrimitive(): Element {
    const children: RawChild[] = [];
    while (PRIMITIVE_TOKENS.has(this.peek().type)) {
      children.push(this.peek().type === "INTER_OPEN" ? this.parseInterpolation() : this.advance());
    }
    if (children.length === 1) {
      const only = children[0];
      return isToken(only) ? { kind: "value", value: primitiveValue(only) } : { kind: "interpolation", interpolation: only };
    }
    const pieces = toPieces(children, (t) => (t.type === "ESC" ? everyOtherFromSecond(t.text) : t.text));
    return { kind: "concat", pieces };
  }
}

function syntaxError(source: string, failure: LexError | ParseFailure): GrammarParseError {
  const column = failure.offset + 1;
  return new GrammarParseError(`Syntax error in '${source}' at column ${column}: ${failure.detail}`, { column });
}

function runParser<T>(source: string, mode: "DEFAULT" | "VALUE", parse: (p: Parser) => T): T {
  try {
    return parse(new Parser(source, tokenize(source, mode)));
  } catch (e) {
    if (e instanceof LexError || e instanceof ParseFailure) throw syntaxError(source, e);
    throw e;
  }
}

const cache = new Map<string, Text | GrammarParseError>();

/**
 * Parses a config string (OmegaConf's `configValue` rule). Results, including failures, are cached
 * by string since the same values are resolved many times. Throws GrammarParseError with the
 * 1-based column of the offending text.
 */
export function parseConfigValue(source: string): Text {
  let entry = cache.get(source);
  if (entry === undefined) {
    try {
      entry = runParser(source, "DEFAULT", (p) => p.parseConfigValue());
    } catch (e) {
      if (!(e instanceof GrammarParseError)) throw e;
      entry = e;
    }
    if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
    cache.set(source, entry);
  }
  if (entry instanceof GrammarParseError) {
    throw new GrammarParseError(entry.message, { column: entry.column });
  }
  return entry;
}

/** Parses one value as `oc.decode` does (OmegaConf's `singleElement` rule, starting in value mode). */
export function parseSingleElement(source: string): Element {
  return runParser(source, "VALUE", (p) => p.parseSingleElement());
}

/** Whether OmegaConf would treat `value` as an interpolation to resolve (any `${`, even escaped). */
export function needsResolution(value: unknown): value is string {
  return typeof value === "string" && value.includes("${");
}
