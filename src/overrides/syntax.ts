/**
 * Recursive-descent parser for Hydra 1.3's OverrideParser.g4, over the tokens of lexer.ts. It builds a
 * small syntax tree and evaluates nothing: as with ANTLR, a syntax error anywhere in the override is
 * reported before any function is called (parser.ts evaluates the tree, the second step).
 *
 *   override : key EQUAL value? | TILDE key (EQUAL value?)? | PLUS PLUS? key EQUAL value?
 *   key      : packageOrGroup (AT package)?
 *   packageOrGroup : package | ID (SLASH ID)+ ;   package : ( | ID | KEY_SPECIAL | DOT_PATH)
 *   value    : element | element (COMMA element)+
 *   element  : primitive | listContainer | dictContainer | function
 *   function : ID POPEN (argName? element (COMMA argName? element)*)? PCLOSE ;  argName : ID EQUAL
 */
import { keyId } from "../config/dict-key.js";
import { lex, type LexError, type Token, type TokenType } from "./lexer.js";
import { pyFloat, type PyScalar } from "./pyvalues.js";
import { QuotedString, type OverrideType } from "./types.js";

export type Node =
  | { kind: "scalar"; value: PyScalar | QuotedString; start: number }
  | { kind: "list"; items: Node[]; start: number }
  | { kind: "dict"; entries: DictEntryNode[]; start: number }
  | { kind: "call"; name: string; args: Node[]; kwargs: [string, Node][]; start: number; end: number; positionalAfterKeyword: boolean }
  | { kind: "sweep"; items: Node[]; start: number };

export interface DictEntryNode {
  key: PyScalar;
  /** The key as the string the public dict uses. */
  id: string;
  value: Node;
}

export interface OverrideSyntax {
  type: OverrideType;
  keyOrGroup: string;
  pkg: string | undefined;
  /** undefined for `~key`; an empty-string scalar for `key=`. */
  value: Node | undefined;
}

/** A syntax error: where (0-based offset) and ANTLR-style text; `inKey` adds a hint on override forms. */
export class SyntaxFailure {
  constructor(
    readonly offset: number,
    readonly detail: string,
    readonly inKey: boolean,
    readonly note?: string,
  ) {}
}

const MAX_DEPTH = 256;
const PRIMITIVE: ReadonlySet<TokenType> = new Set<TokenType>([
  "ID", "NULL", "INT", "FLOAT", "BOOL", "INTERPOLATION", "UNQUOTED_CHAR", "COLON", "ESC", "WS",
]);
const DICT_KEY: ReadonlySet<TokenType> = new Set<TokenType>(["ID", "NULL", "INT", "FLOAT", "BOOL", "UNQUOTED_CHAR", "ESC", "WS"]);
const PACKAGE: ReadonlySet<TokenType> = new Set<TokenType>(["ID", "KEY_SPECIAL", "DOT_PATH"]);

const DISPLAY: Partial<Record<TokenType, string>> = {
  EQUAL: "'='", COMMA: "','", COLON: "':'", BRACKET_CLOSE: "']'", BRACE_CLOSE: "'}'", PCLOSE: "')'", ID: "ID",
};

export function parseSyntax(text: string): OverrideSyntax {
  return new SyntaxParser(text).parseOverride();
}

class SyntaxParser {
  private readonly tokens: Token[];
  private readonly lexError: LexError | undefined;
  private pos = 0;
  private depth = 0;
  private inKey = true;

  constructor(private readonly text: string) {
    const lexed = lex(text);
    this.tokens = lexed.tokens;
    this.lexError = lexed.error;
  }

  parseOverride(): OverrideSyntax {
    let type: OverrideType = "change";
    if (this.at("TILDE")) {
      type = "delete";
      this.pos++;
    } else if (this.at("PLUS")) {
      type = "add";
      this.pos++;
      if (this.at("PLUS")) {
        type = "force_add";
        this.pos++;
      }
    }
    const { keyOrGroup, pkg } = this.parseKey();
    if (type === "delete" && this.at("EOF")) {
      this.expectEnd("{'=', <EOF>}");
      return { type, keyOrGroup, pkg, value: undefined };
    }
    this.expectEqual(pkg !== undefined);
    this.inKey = false;
    if (this.at("EOF")) {
      this.expectEnd("<EOF>");
      return { type, keyOrGroup, pkg, value: { kind: "scalar", value: "", start: this.cur.start } };
    }
    const value = this.parseValue();
    return { type, keyOrGroup, pkg, value };
  }

  // ---- key ------------------------------------------------------------------------------------------

  private parseKey(): { keyOrGroup: string; pkg: string | undefined } {
    if (!PACKAGE.has(this.cur.type) && !this.at("AT") && !this.at("EQUAL") && !this.at("EOF")) {
      throw this.fail(`mismatched input ${this.show(this.cur)} expecting a key`);
    }
    let keyOrGroup = "";
    if (this.at("ID") && this.peek(1).type === "SLASH") {
      keyOrGroup = this.next().text;
      while (this.at("SLASH")) {
        this.pos++;
        keyOrGroup += `/${this.expect("ID").text}`;
      }
    } else if (PACKAGE.has(this.cur.type)) {
      keyOrGroup = this.next().text;
    }
    let pkg: string | undefined;
    if (this.at("AT")) {
      this.pos++;
      pkg = PACKAGE.has(this.cur.type) ? this.next().text : "";
    }
    return { keyOrGroup, pkg };
  }

  private expectEqual(hasPackage: boolean): void {
    if (this.at("EQUAL")) {
      this.pos++;
      return;
    }
    const note =
      hasPackage && this.at("COLON")
        ? "Package renames (group@pkg1:pkg2=option) are not supported since Hydra 1.1; use group@pkg2=option"
        : undefined;
    const detail = this.at("EOF") ? "missing '=' at '<EOF>'" : `mismatched input ${this.show(this.cur)} expecting '='`;
    throw this.fail(detail, { note });
  }

  // ---- value ----------------------------------------------------------------------------------------

  private parseValue(): Node {
    const first = this.parseElement();
    if (!this.at("COMMA")) {
      this.expectEnd("<EOF>");
      return first;
    }
    const items = [first];
    while (this.at("COMMA")) {
      this.pos++;
      items.push(this.parseElement());
    }
    this.expectEnd("{<EOF>, ','}");
    return { kind: "sweep", items, start: first.start };
  }

  private parseElement(): Node {
    if (++this.depth > MAX_DEPTH) throw this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    try {
      const tok = this.cur;
      if (tok.type === "BRACKET_OPEN") return this.parseList();
      if (tok.type === "BRACE_OPEN") return this.parseDict();
      if (tok.type === "QUOTED_VALUE") {
        this.pos++;
        return { kind: "scalar", value: unquote(tok.text), start: tok.start };
      }
      if (tok.type === "ID" && this.peek(1).type === "POPEN") return this.parseCall();
      if (PRIMITIVE.has(tok.type)) return { kind: "scalar", value: this.parsePrimitive(PRIMITIVE), start: tok.start };
      throw this.fail(`mismatched input ${this.show(tok)} expecting a value`);
    } finally {
      this.depth--;
    }
  }

  /** A run of primitive tokens: one typed token (`10`, `true`, `null`), or the text of several. */
  private parsePrimitive(allowed: ReadonlySet<TokenType>): PyScalar {
    const run: Token[] = [];
    while (allowed.has(this.cur.type)) run.push(this.next());
    let first = 0;
    let last = run.length;
    if (run[0]?.type === "WS") {
      if (run.length === 1) throw this.fail("Trying to parse a primitive that is all whitespaces", { at: run[0] });
      first = 1;
    }
    if (run[run.length - 1]?.type === "WS") last--;
    if (last - first === 1) return typedToken(run[first] as Token);
    return run
      .slice(first, last)
      .map((t) => (t.type === "ESC" ? unescapeEsc(t.text) : t.text))
      .join("");
  }

  private parseList(): Node {
    const start = this.next().start;
    const items: Node[] = [];
    if (this.at("EOF")) throw this.fail("missing ']' at '<EOF>'");
    if (this.at("BRACKET_CLOSE")) {
      this.pos++;
      return { kind: "list", items, start };
    }
    for (;;) {
      items.push(this.parseElement());
      if (this.closeOrComma("BRACKET_CLOSE")) return { kind: "list", items, start };
    }
  }

  private parseDict(): Node {
    const start = this.next().start;
    const entries: DictEntryNode[] = [];
    if (this.at("EOF")) throw this.fail("missing '}' at '<EOF>'");
    if (this.at("BRACE_CLOSE")) {
      this.pos++;
      return { kind: "dict", entries, start };
    }
    for (;;) {
      if (!DICT_KEY.has(this.cur.type)) throw this.fail(`mismatched input ${this.show(this.cur)} expecting a dict key`);
      const key = this.parsePrimitive(DICT_KEY);
      this.expect("COLON");
      entries.push({ key, id: dictKeyId(key), value: this.parseElement() });
      if (this.closeOrComma("BRACE_CLOSE")) return { kind: "dict", entries, start };
    }
  }

  private parseCall(): Node {
    const nameTok = this.next();
    this.pos++; // POPEN
    const args: Node[] = [];
    const kwargs: [string, Node][] = [];
    let positionalAfterKeyword = false;
    if (this.at("EOF")) throw this.fail("missing ')' at '<EOF>'");
    if (!this.at("PCLOSE")) {
      do {
        if (this.at("ID") && this.peek(1).type === "EQUAL") {
          const name = this.next().text;
          this.pos++;
          kwargs.push([name, this.parseElement()]);
        } else {
          if (kwargs.length > 0) positionalAfterKeyword = true;
          args.push(this.parseElement());
        }
      } while (!this.closeOrComma("PCLOSE"));
    } else this.pos++;
    const end = this.tokens[this.pos - 1]?.end ?? this.text.length;
    return { kind: "call", name: nameTok.text, args, kwargs, start: nameTok.start, end, positionalAfterKeyword };
  }

  /** After an item: true at the closing token (consumed), false at a comma (consumed), else an error. */
  private closeOrComma(close: TokenType): boolean {
    if (this.at(close)) {
      this.pos++;
      return true;
    }
    if (this.at("COMMA")) {
      this.pos++;
      return false;
    }
    const closing = DISPLAY[close] ?? close;
    if (this.at("EOF")) throw this.fail(`missing ${closing} at '<EOF>'`);
    throw this.fail(`mismatched input ${this.show(this.cur)} expecting {',', ${closing}}`);
  }

  // ---- tokens ---------------------------------------------------------------------------------------

  private get cur(): Token {
    return this.tokens[this.pos] as Token;
  }
  private peek(n: number): Token {
    return this.tokens[Math.min(this.pos + n, this.tokens.length - 1)] as Token;
  }
  private at(type: TokenType): boolean {
    return this.cur.type === type;
  }
  private next(): Token {
    const t = this.cur;
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  private expect(type: TokenType): Token {
    if (this.at(type)) return this.next();
    const want = DISPLAY[type] ?? type;
    throw this.fail(this.at("EOF") ? `missing ${want} at '<EOF>'` : `mismatched input ${this.show(this.cur)} expecting ${want}`);
  }

  private expectEnd(expected: string): void {
    if (this.at("EOF")) {
      if (this.lexError) throw this.fail("");
      return;
    }
    const kind = this.peek(1).type === "EOF" && !this.lexError ? "extraneous" : "mismatched";
    throw this.fail(`${kind} input ${this.show(this.cur)} expecting ${expected}`);
  }

  private show(t: Token): string {
    if (t.type === "EOF") return "'<EOF>'";
    return `'${t.text.replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}'`;
  }

  /**
   * The failure at token `at` (default: the current one), for the caller to throw (`throw this.fail(...)`,
   * as in config/interpolation/grammar.ts); if the lexer stopped there, its error is the cause.
   */
  private fail(detail: string, opts: { at?: Token; note?: string } = {}): SyntaxFailure {
    const tok = opts.at ?? this.cur;
    // ANTLR's error recovery peeks one token further, so a lexer error right after `tok` wins.
    const following = this.tokens[this.tokens.indexOf(tok) + 1];
    if (this.lexError && (tok.type === "EOF" || following?.type === "EOF")) {
      return new SyntaxFailure(this.lexError.start, this.lexError.message, this.inKey);
    }
    return new SyntaxFailure(tok.start, detail, this.inKey, opts.note);
  }
}

/** One primitive token's typed value, as Hydra's visitor converts it. */
function typedToken(t: Token): PyScalar {
  switch (t.type) {
    case "INT":
      return Number(t.text.replace(/_/g, "")) + 0; // + 0 turns -0 into 0, as Python ints have no -0
    case "FLOAT":
      return pyFloat(t.text);
    case "NULL":
      return null;
    case "BOOL":
      return t.text.toLowerCase() === "true";
    case "ESC":
      return unescapeEsc(t.text);
    default:
      return t.text;
  }
}

/** `\,` → `,`, `\\` → `\` ...: the ESC token is pairs of backslash + character. */
function unescapeEsc(text: string): string {
  let out = "";
  for (let i = 1; i < text.length; i += 2) out += text[i];
  return out;
}

/**
 * A QUOTED_VALUE token's text: in a run of backslashes followed by the quote character (or by the end),
 * each pair stands for one backslash and an odd one out escapes the quote; other backslashes are literal.
 */
function unquote(token: string): QuotedString {
  const q = token[0] as "'" | '"';
  const body = token.slice(1, -1);
  let out = "";
  let run = 0;
  for (const ch of body) {
    if (ch === "\\") {
      run++;
      continue;
    }
    out += ch === q ? "\\".repeat((run - 1) / 2) + q : "\\".repeat(run) + ch;
    run = 0;
  }
  out += "\\".repeat(run / 2);
  return new QuotedString(out, q);
}

/** A typed dict key's id (src/config/dict-key.ts): `{1: a}`, `{1e3: a}`, `{true: a}` keep their key type. */
function dictKeyId(key: PyScalar): string {
  return keyId(key);
}
