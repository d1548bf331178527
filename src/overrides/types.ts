/**
 * The override AST, mirroring Hydra 1.3's `hydra.core.override_parser.types`. This file is the contract
 * between the grammar (parser.ts), composition (src/compose) and the sweepers (src/sweep).
 */
import type { Scalar } from "../config/node.js";

/** `key=v` change, `+key=v` add, `++key=v` force add, `~key[=v]` delete. */
export type OverrideType = "change" | "add" | "force_add" | "delete";

/** What kind of value an override carries: one element, or one of the sweep forms. */
export type ValueType =
  | "element" // a single value: scalar, quoted string, list, dict, or a cast of one
  | "choice_sweep" // choice(a,b) or sort/shuffle of one
  | "simple_choice_sweep" // a,b,c
  | "glob_choice_sweep" // glob(*, exclude=x)
  | "range_sweep" // range(start, stop, step)
  | "interval_sweep" // interval(a, b)
  | "list_edit"; // extend_list(…), prepend_list(…), insert_list(…), remove_list(…), pop_list(…): hydrant's own

export type QuoteChar = "'" | '"';

/** A quoted string value; kept distinct so it can be re-quoted when written back into a dir name. */
export class QuotedString {
  constructor(
    readonly text: string,
    readonly quote: QuoteChar,
  ) {}
  /**
   * The string as written on the command line, quotes included. Like Hydra's `with_quotes`, it escapes
   * the quote character and doubles only the backslashes that precede a quote or end the string (the
   * others are literal for the lexer), so `'c:\dir'` prints back as typed.
   */
  withQuotes(): string {
    const q = this.quote;
    let out = "";
    let run = 0; // pending backslashes
    for (const ch of this.text) {
      if (ch === "\\") {
        run++;
        continue;
      }
      out += "\\".repeat(ch === q ? run * 2 + 1 : run) + ch;
      run = 0;
    }
    return q + out + "\\".repeat(run * 2) + q;
  }
}

/**
 * A parsed value. Dicts are Maps so key order survives numeric-looking keys. Numbers are JS numbers;
 * which of them were Python floats (`1.0`) is recorded beside them (floats.ts), so that printing them
 * back (job overrides, dir names) keeps Python's spelling.
 */
export type ParsedElement = Scalar | QuotedString | ParsedElement[] | ParsedDict;
export type ParsedDict = Map<string, ParsedElement>;

export interface SweepBase {
  tags: Set<string>;
}

/** A sweep that can move in lockstep with others (hydrant's `zip()`). */
export interface ZippableSweep extends SweepBase {
  /** The zip group's name ("" for the unnamed one); absent for an ordinary (crossed) dimension. */
  zip?: string;
}

export interface ChoiceSweep extends ZippableSweep {
  kind: "choice";
  list: ParsedElement[];
  /** true for `a,b,c`, false for `choice(a,b,c)` */
  simpleForm: boolean;
  shuffle: boolean;
}

export interface RangeSweep extends ZippableSweep {
  kind: "range";
  start: number;
  stop: number;
  step: number;
  /** true when any bound or the step is a float: values are floats (printed `1.0`). */
  isFloat: boolean;
  shuffle: boolean;
}

export interface IntervalSweep extends SweepBase {
  kind: "interval";
  start: number;
  end: number;
}

export interface Glob {
  kind: "glob";
  include: string[];
  exclude: string[];
}

/** What a list function does to the list at the override's key. */
export type ListEditOp = "extend" | "prepend" | "insert" | "remove" | "pop";

/**
 * An edit of an existing list (`key=extend_list(4,5)`). `extend_list` is from Hydra's main branch (not in
 * 1.3); the others are hydrant's. `index` is where `insert` inserts and which item `pop` removes.
 */
export interface ListEdit {
  kind: "list_edit";
  op: ListEditOp;
  values: ParsedElement[];
  index?: number;
}

/** A sweep over values: `choice(…)`/`a,b,c`, `range(…)` or `interval(…)`. */
export type Sweep = ChoiceSweep | RangeSweep | IntervalSweep;
export type OverrideValue = ParsedElement | Sweep | Glob | ListEdit;

/** One parsed command-line override (`key=value`, `+key=v`, `~key`, `group=a,b`), as Hydra's override parser gives it. */
export interface Override {
  type: OverrideType;
  /** `db`, `a.b.c`, `group1/group2`: the part before `@pkg`. */
  keyOrGroup: string;
  /** The package after `@` (may be ""), or undefined when there is none. */
  pkg: string | undefined;
  valueType: ValueType | undefined; // undefined only for `~key` with no value
  value: OverrideValue | undefined;
  /** The override exactly as the user typed it. */
  inputLine: string;
}
