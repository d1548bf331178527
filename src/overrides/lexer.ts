/**
 * Tokenizer for Hydra 1.3's override grammar (hydra/grammar/OverrideLexer.g4), hand-written.
 *
 * Like the ANTLR lexer it has two modes: the key (before the first `=`) and the value. At each position
 * every rule of the mode is tried and the longest match wins; ties go to the rule listed first in the
 * .g4 file (so `true` is BOOL, not ID, and `inf` is FLOAT). Every matcher is a forward scan, so lexing
 * is linear in practice and never backtracks.
 *
 * As in Hydra, an unquoted `${...}` ends at the first `}`: `${a.${b}}` and `${r:{k: 1}}` need quotes.
 */
export type TokenType =
  | "EOF"
  | "EQUAL"
  | "TILDE"
  | "PLUS"
  | "AT"
  | "COLON"
  | "SLASH"
  | "ID"
  | "KEY_SPECIAL"
  | "DOT_PATH"
  | "POPEN"
  | "COMMA"
  | "PCLOSE"
  | "BRACKET_OPEN"
  | "BRACKET_CLOSE"
  | "BRACE_OPEN"
  | "BRACE_CLOSE"
  | "FLOAT"
  | "INT"
  | "BOOL"
  | "NULL"
  | "UNQUOTED_CHAR"
  | "ESC"
  | "WS"
  | "QUOTED_VALUE"
  | "INTERPOLATION";

export interface Token {
  type: TokenType;
  text: string;
  /** 0-based offsets into the override text. */
  start: number;
  end: number;
}

export interface LexError {
  /** 0-based offset of the text that no rule matches. */
  start: number;
  /** What ANTLR reports: "token recognition error at: '...'" */
  message: string;
}

export interface LexResult {
  /** Tokens up to the first error; always ends with an EOF token (placed at the error, if any). */
  tokens: Token[];
  error?: LexError;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isAlpha = (c: string | undefined): boolean =>
  c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z"));
const isWs = (c: string | undefined): boolean => c === " " || c === "\t";
const UNQUOTED_CHARS = new Set(["/", "-", "\\", "+", ".", "$", "%", "*", "@", "?", "|"]);
const KEY_SINGLE: Partial<Record<string, TokenType>> = { "~": "TILDE", "+": "PLUS", "@": "AT", ":": "COLON", "/": "SLASH" };
const ESCAPABLE = new Set(["\\", "(", ")", "[", "]", "{", "}", ":", "=", ",", " ", "\t"]);

export function lex(text: string): LexResult {
  return new Lexer(text).run();
}

class Lexer {
  private readonly tokens: Token[] = [];
  /** The first `}` at or after the last place asked about (-1: none left), see closeFrom. */
  private nextClose: number;

  constructor(private readonly s: string) {
    this.nextClose = s.indexOf("}");
  }

  run(): LexResult {
    let i = 0;
    let valueMode = false;
    while (i < this.s.length) {
      const m = valueMode ? this.valueToken(i) : this.keyToken(i);
      if (!m) return this.fail(i);
      this.tokens.push({ type: m.type, text: this.s.slice(i, m.end), start: i, end: m.end });
      if (m.type === "EQUAL") valueMode = true;
      i = m.end;
    }
    this.tokens.push({ type: "EOF", text: "<EOF>", start: i, end: i });
    return { tokens: this.tokens };
  }

  private fail(i: number): LexResult {
    const quote = this.s[i] === "'" || this.s[i] === '"';
    // ANTLR shows the text it consumed before giving up: a whole unterminated quote, else one char.
    const bad = quote ? this.s.slice(i) : Array.from(this.s.slice(i, i + 2))[0] ?? "";
    this.tokens.push({ type: "EOF", text: "<EOF>", start: i, end: i });
    return { tokens: this.tokens, error: { start: i, message: `token recognition error at: '${bad}'` } };
  }

  // ---- key mode -------------------------------------------------------------------------------------

  private keyToken(i: number): { type: TokenType; end: number } | undefined {
    const c = this.s[i];
    if (c === "=") return { type: "EQUAL", end: this.skipWs(i + 1) };
    const single = c === undefined ? undefined : KEY_SINGLE[c];
    if (single) return { type: single, end: i + 1 };
    let best: { type: TokenType; end: number } | undefined;
    const consider = (type: TokenType, end: number): void => {
      if (end > i && (!best || end > best.end)) best = { type, end };
    };
    consider("ID", this.matchId(i));
    consider("KEY_SPECIAL", this.matchKeySpecial(i));
    consider("DOT_PATH", this.matchDotPath(i));
    return best;
  }

  /** ID: (CHAR|'_') (CHAR|DIGIT|'_'|'-')* ; returns the end offset, or i for no match. */
  private matchId(i: number): number {
    const s = this.s;
    if (!(isAlpha(s[i]) || s[i] === "_")) return i;
    let j = i + 1;
    while (isAlpha(s[j]) || isDigit(s[j]) || s[j] === "_" || s[j] === "-") j++;
    return j;
  }

  /** KEY_SPECIAL: (CHAR|'_'|'$') (CHAR|DIGIT|'_'|'-'|'$')* */
  private matchKeySpecial(i: number): number {
    const s = this.s;
    if (!(isAlpha(s[i]) || s[i] === "_" || s[i] === "$")) return i;
    let j = i + 1;
    while (isAlpha(s[j]) || isDigit(s[j]) || s[j] === "_" || s[j] === "-" || s[j] === "$") j++;
    return j;
  }

  /** DOT_PATH: (KEY_SPECIAL | INT_UNSIGNED) ('.' (KEY_SPECIAL | INT_UNSIGNED))+ */
  private matchDotPath(i: number): number {
    const segment = (k: number): number => (isDigit(this.s[k]) ? this.matchIntUnsigned(k) : this.matchKeySpecial(k));
    let j = segment(i);
    if (j === i) return i;
    let segments = 1;
    let best = i;
    while (this.s[j] === ".") {
      const next = segment(j + 1);
      if (next === j + 1) break;
      j = next;
      segments++;
      if (segments >= 2) best = j;
    }
    return best;
  }

  // ---- value mode -----------------------------------------------------------------------------------

  /** Longest match among the value-mode rules; ties go to the earlier rule (order of the .g4 file). */
  private valueToken(i: number): { type: TokenType; end: number } | undefined {
    const s = this.s;
    let best: { type: TokenType; end: number } | undefined;
    const consider = (type: TokenType, end: number): void => {
      if (end > i && (!best || end > best.end)) best = { type, end };
    };
    const afterWs = this.skipWs(i);
    const next = s[afterWs];
    consider("POPEN", next === "(" ? this.skipWs(afterWs + 1) : i);
    consider("COMMA", next === "," ? this.skipWs(afterWs + 1) : i);
    consider("PCLOSE", next === ")" ? afterWs + 1 : i);
    consider("BRACKET_OPEN", s[i] === "[" ? this.skipWs(i + 1) : i);
    consider("BRACKET_CLOSE", next === "]" ? afterWs + 1 : i);
    consider("BRACE_OPEN", s[i] === "{" ? this.skipWs(i + 1) : i);
    consider("BRACE_CLOSE", next === "}" ? afterWs + 1 : i);
    consider("COLON", next === ":" ? this.skipWs(afterWs + 1) : i);
    consider("EQUAL", next === "=" ? this.skipWs(afterWs + 1) : i);
    if (afterWs > i) {
      consider("WS", afterWs);
      return best;
    }
    consider("FLOAT", this.matchFloat(i));
    consider("INT", this.matchInt(i));
    consider("BOOL", this.matchWord(i, "true") || this.matchWord(i, "false"));
    consider("NULL", this.matchWord(i, "null"));
    consider("UNQUOTED_CHAR", UNQUOTED_CHARS.has(s[i] ?? "") ? i + 1 : i);
    consider("ID", this.matchId(i));
    consider("ESC", this.matchEsc(i));
    consider("QUOTED_VALUE", this.matchQuoted(i));
    consider("INTERPOLATION", this.matchInterpolation(i));
    return best;
  }

  private skipWs(i: number): number {
    while (isWs(this.s[i])) i++;
    return i;
  }

  /** Case-insensitive keyword; returns its end, or 0 (no match). */
  private matchWord(i: number, word: string): number {
    return this.s.slice(i, i + word.length).toLowerCase() === word ? i + word.length : 0;
  }

  /** INT_UNSIGNED: '0' | [1-9] ('_'? DIGIT)* */
  private matchIntUnsigned(i: number): number {
    const c = this.s[i];
    if (c === "0") return i + 1;
    if (!isDigit(c)) return i;
    return this.matchDigits(i);
  }

  /** DIGIT ('_'? DIGIT)* starting at a digit; returns the end. */
  private matchDigits(i: number): number {
    const s = this.s;
    if (!isDigit(s[i])) return i;
    let j = i + 1;
    for (;;) {
      if (isDigit(s[j])) j++;
      else if (s[j] === "_" && isDigit(s[j + 1])) j += 2;
      else return j;
    }
  }

  /** INT: [+-]? INT_UNSIGNED */
  private matchInt(i: number): number {
    const j = this.s[i] === "+" || this.s[i] === "-" ? i + 1 : i;
    const end = this.matchIntUnsigned(j);
    return end > j ? end : i;
  }

  /** FLOAT: [+-]? (POINT_FLOAT | EXPONENT_FLOAT | inf | nan), the longest of the alternatives. */
  private matchFloat(i: number): number {
    const s = this.s;
    const j = s[i] === "+" || s[i] === "-" ? i + 1 : i;
    let best = Math.max(this.matchWord(j, "inf"), this.matchWord(j, "nan"), i);
    const intEnd = this.matchIntUnsigned(j);
    const mantissaEnds: number[] = [];
    if (intEnd > j) {
      mantissaEnds.push(intEnd);
      if (s[intEnd] === ".") mantissaEnds.push(intEnd + 1); // INT_UNSIGNED '.'
    }
    const dot = intEnd > j ? intEnd : j; // INT_UNSIGNED? '.' DIGIT ('_'? DIGIT)*
    if (s[dot] === "." && isDigit(s[dot + 1])) mantissaEnds.push(this.matchDigits(dot + 1));
    for (const m of mantissaEnds) {
      const isPoint = m !== intEnd;
      if (isPoint) best = Math.max(best, m);
      if (s[m] === "e" || s[m] === "E") {
        const k = s[m + 1] === "+" || s[m + 1] === "-" ? m + 2 : m + 1;
        if (isDigit(s[k])) best = Math.max(best, this.matchDigits(k));
      }
    }
    return best;
  }

  /** ESC: ('\\' followed by one of \ ( ) [ ] { } : = , space tab)+ */
  private matchEsc(i: number): number {
    let j = i;
    while (this.s[j] === "\\" && ESCAPABLE.has(this.s[j + 1] ?? "")) j += 2;
    return j;
  }

  /**
   * QUOTED_VALUE: a quote, then anything up to the first matching quote that is preceded by an even
   * number of backslashes (so `\'` does not close, `\\'` does).
   */
  private matchQuoted(i: number): number {
    const s = this.s;
    const q = s[i];
    if (q !== "'" && q !== '"') return i;
    let backslashes = 0;
    for (let j = i + 1; j < s.length; j++) {
      const c = s[j];
      if (c === q && backslashes % 2 === 0) return j + 1;
      backslashes = c === "\\" ? backslashes + 1 : 0;
    }
    return i;
  }

  /** INTERPOLATION: '${' ~'}'+ '}' (up to the first `}`, at least one character between). */
  private matchInterpolation(i: number): number {
    if (this.s[i] !== "$" || this.s[i + 1] !== "{") return i;
    const close = this.closeFrom(i + 2);
    return close > i + 2 ? close + 1 : i;
  }

  /** Offset of the first `}` at or after `from`, or -1. The lexer only moves forward: one scan in all. */
  private closeFrom(from: number): number {
    if (this.nextClose !== -1 && this.nextClose < from) this.nextClose = this.s.indexOf("}", from);
    return this.nextClose;
  }
}
