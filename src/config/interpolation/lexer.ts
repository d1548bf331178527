/**
 * Tokenizer for OmegaConf 2.2's interpolation grammar (OmegaConfGrammarLexer.g4).
 *
 * Like the ANTLR lexer it is modal: top-level text, values (resolver arguments), interpolation keys,
 * and single/double quoted strings each have their own rules. At every position all rules of the
 * current mode are tried and the longest match wins, ties going to the rule listed first, which is
 * exactly ANTLR's disambiguation; rules that ANTLR expresses with one alternation but where JS
 * regex alternation is not "longest" (floats) are split into several rules of the same type.
 */

export type TokenType =
  | "ANY_STR"
  | "ESC_INTER"
  | "TOP_ESC"
  | "QUOTED_ESC"
  | "ESC"
  | "INTER_OPEN"
  | "INTER_CLOSE"
  | "BRACE_OPEN"
  | "BRACE_CLOSE"
  | "QUOTE_OPEN_SINGLE"
  | "QUOTE_OPEN_DOUBLE"
  | "MATCHING_QUOTE_CLOSE"
  | "COMMA"
  | "BRACKET_OPEN"
  | "BRACKET_CLOSE"
  | "COLON"
  | "FLOAT"
  | "INT"
  | "BOOL"
  | "NULL"
  | "UNQUOTED_CHAR"
  | "ID"
  | "WS"
  | "DOT"
  | "INTER_KEY"
  | "EOF";

export interface Token {
  type: TokenType;
  text: string;
  /** 0-based offsets into the source string, end exclusive. */
  start: number;
  end: number;
}

export type LexerMode = "DEFAULT" | "VALUE" | "INTERPOLATION" | "QUOTED_SINGLE" | "QUOTED_DOUBLE";

type ModeAction = { push: LexerMode } | { set: LexerMode } | "pop";

interface Rule {
  re: RegExp;
  type: TokenType;
  action?: ModeAction;
}

/** A tokenizing failure; `offset` is 0-based. The parser turns it into a user-facing error. */
export class LexError extends Error {
  constructor(
    readonly detail: string,
    readonly offset: number,
  ) {
    super(detail);
  }
}

const INT_UNSIGNED = "(?:0|[1-9](?:_?[0-9])*)";
const DIGITS_AFTER_POINT = "[0-9](?:_?[0-9])*";
const POINT_FLOAT_A = `${INT_UNSIGNED}?\\.${DIGITS_AFTER_POINT}`;
const POINT_FLOAT_B = `${INT_UNSIGNED}\\.`;
const EXPONENT = `[eE][+-]?${DIGITS_AFTER_POINT}`;
const ID = "[a-zA-Z_][a-zA-Z0-9_\\-]*";
const ESC_SEQ = "(?:\\\\\\\\|\\\\\\(|\\\\\\)|\\\\\\[|\\\\\\]|\\\\\\{|\\\\\\}|\\\\:|\\\\=|\\\\,|\\\\ |\\\\\\t)+";

function rule(source: string, type: TokenType, action?: ModeAction): Rule {
  return { re: new RegExp(source, "y"), type, action };
}

const INTER_OPEN = rule("\\$\\{[ \\t]*", "INTER_OPEN", { push: "INTERPOLATION" });
const ESC_INTER = rule("(?:\\\\\\\\)*\\\\\\$\\{", "ESC_INTER");

const FLOAT_RULES: Rule[] = [
  rule(`[+-]?(?:${POINT_FLOAT_A}|${POINT_FLOAT_B}|${INT_UNSIGNED})${EXPONENT}`, "FLOAT"),
  rule(`[+-]?${POINT_FLOAT_A}`, "FLOAT"),
  rule(`[+-]?${POINT_FLOAT_B}`, "FLOAT"),
  rule("[+-]?(?:[Ii][Nn][Ff]|[Nn][Aa][Nn])", "FLOAT"),
];

function quotedModeRules(quote: "'" | '"'): Rule[] {
  return [
    INTER_OPEN,
    rule(quote, "MATCHING_QUOTE_CLOSE", "pop"),
    rule(`[^${quote}$]*[^${quote}\\\\$]`, "ANY_STR"),
    ESC_INTER,
    rule(`(?:\\\\\\\\)*\\\\${quote}`, "ESC"),
    rule("(?:\\\\\\\\)+", "QUOTED_ESC"),
    rule("\\\\+", "ANY_STR"),
    rule("\\$", "ANY_STR"),
  ];
}

const MODES: Record<LexerMode, Rule[]> = {
  DEFAULT: [
    INTER_OPEN,
    rule("[^$]*[^\\\\$]", "ANY_STR"),
    ESC_INTER,
    rule("(?:\\\\\\\\)+", "TOP_ESC"),
    rule("\\\\+", "ANY_STR"),
    rule("\\$", "ANY_STR"),
  ],
  VALUE: [
    INTER_OPEN,
    rule("\\{[ \\t]*", "BRACE_OPEN", { push: "VALUE" }),
    rule("[ \\t]*\\}", "BRACE_CLOSE", "pop"),
    rule("'", "QUOTE_OPEN_SINGLE", { push: "QUOTED_SINGLE" }),
    rule('"', "QUOTE_OPEN_DOUBLE", { push: "QUOTED_DOUBLE" }),
    rule("[ \\t]*,[ \\t]*", "COMMA"),
    rule("\\[[ \\t]*", "BRACKET_OPEN"),
    rule("[ \\t]*\\]", "BRACKET_CLOSE"),
    rule("[ \\t]*:[ \\t]*", "COLON"),
    ...FLOAT_RULES,
    rule(`[+-]?${INT_UNSIGNED}`, "INT"),
    rule("(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])", "BOOL"),
    rule("[Nn][Uu][Ll][Ll]", "NULL"),
    rule("[/\\-\\\\+.$%*@?|]", "UNQUOTED_CHAR"),
    rule(ID, "ID"),
    rule(ESC_SEQ, "ESC"),
    rule("[ \\t]+", "WS"),
  ],
  INTERPOLATION: [
    INTER_OPEN,
    rule("[ \\t]*:[ \\t]*", "COLON", { set: "VALUE" }),
    rule("[ \\t]*\\}", "INTER_CLOSE", "pop"),
    rule("\\.", "DOT"),
    rule("\\[", "BRACKET_OPEN"),
    rule("\\]", "BRACKET_CLOSE"),
    rule(ID, "ID"),
    rule("[^\\\\{}()\\[\\]:. \\t'\"]+", "INTER_KEY"),
  ],
  QUOTED_SINGLE: quotedModeRules("'"),
  QUOTED_DOUBLE: quotedModeRules('"'),
};

function longestMatch(rules: Rule[], source: string, pos: number): { rule: Rule; length: number } | undefined {
  let best: { rule: Rule; length: number } | undefined;
  for (const r of rules) {
    r.re.lastIndex = pos;
    const m = r.re.exec(source);
    if (m && m[0].length > 0 && (!best || m[0].length > best.length)) best = { rule: r, length: m[0].length };
  }
  return best;
}

/** Tokenizes `source` starting in `mode`; the returned list always ends with an EOF token. */
export function tokenize(source: string, mode: LexerMode): Token[] {
  const tokens: Token[] = [];
  const stack: LexerMode[] = [];
  let current = mode;
  let pos = 0;
  while (pos < source.length) {
    const match = longestMatch(MODES[current], source, pos);
    if (!match) {
      throw new LexError(`unexpected character '${source[pos]}'`, pos);
    }
    const end = pos + match.length;
    tokens.push({ type: match.rule.type, text: source.slice(pos, end), start: pos, end });
    const action = match.rule.action;
    if (action === "pop") {
      const previous = stack.pop();
      // ANTLR raises "Empty Stack" here: a closing brace that closes nothing.
      if (previous === undefined) throw new LexError("unmatched '}'", pos);
      current = previous;
    } else if (action && "push" in action) {
      stack.push(current);
      current = action.push;
    } else if (action) {
      current = action.set;
    }
    pos = end;
  }
  tokens.push({ type: "EOF", text: "", start: pos, end: pos });
  return tokens;
}
