/**
 * `parseOverride`: Hydra 1.3's override grammar. Two steps, as in Hydra: the text is parsed whole
 * (syntax.ts), then the tree is evaluated, calling grammar functions innermost first, and the result is
 * turned into the public AST of types.ts (floats stay `ConfigFloat` boxes, dict keys typed key ids).
 *
 * Every failure is an OverrideParseError whose `column` is 1-based in the override text and whose
 * message follows Hydra's ("Error parsing override '...'\n...\nSee https://hydra.cc/...").
 */
import { ConfigFloat } from "../config/float.js";
import { OverrideParseError } from "../errors.js";
import { sameKeyId } from "../config/dict-key.js";
import { createFunctions, type Functions } from "./functions.js";
import { HYDRANT_FUNCTIONS } from "./extensions.js";
import {
  PyChoice,
  PyDict,
  PyError,
  PyGlob,
  PyInterval,
  PyListEdit,
  PyRange,
  isSweep,
  numValue,
  typeName,
  type PyEntry,
  type PyVal,
} from "./pyvalues.js";
import { SyntaxFailure, parseSyntax, type Node } from "./syntax.js";
import {
  type ChoiceSweep,
  type ListEdit,
  type Override,
  type OverrideValue,
  type ParsedDict,
  type ParsedElement,
  type RangeSweep,
  type ValueType,
} from "./types.js";

const GRAMMAR_URL = "See https://hydra.cc/docs/1.2/advanced/override_grammar/basic for details";
const FORMS_HINT =
  "Overrides look like key=value, +key=value, ++key=value, ~key, ~key=value, group=option or group@package=option";

const defaultFunctions = createFunctions();
for (const fn of HYDRANT_FUNCTIONS) defaultFunctions.register(fn, { extension: true });

export interface ParseOptions {
  /** The grammar functions; defaults to Hydra's (int, float, str, bool, json_str, choice, range, ...) and hydrant's (zip, extend_list, ...). */
  functions?: Functions;
}

/** Parses one command-line override. Throws OverrideParseError, and nothing else. */
export function parseOverride(text: string, options: ParseOptions = {}): Override {
  try {
    const syntax = parseSyntax(text);
    const evaluator = new Evaluator(options.functions ?? defaultFunctions, text);
    const value = syntax.value === undefined ? undefined : evaluator.top(syntax.value);
    const override: Override = {
      type: syntax.type,
      keyOrGroup: syntax.keyOrGroup,
      pkg: syntax.pkg,
      valueType: undefined,
      value: undefined,
      inputLine: text,
    };
    if (value !== undefined) {
      const exported = exportValue(value, override, syntax.value?.start ?? 0);
      override.value = exported.value;
      override.valueType = exported.valueType;
    }
    return override;
  } catch (e) {
    throw toParseError(text, e);
  }
}

/** Parses each override in order; the first failure is thrown. */
export function parseOverrides(texts: readonly string[], options: ParseOptions = {}): Override[] {
  return texts.map((t) => parseOverride(t, options));
}

// ---- evaluation ---------------------------------------------------------------------------------------

/** A failure while evaluating (a function raised, or a value is not allowed where it is). */
class EvalFailure {
  constructor(
    readonly offset: number,
    readonly detail: string,
  ) {}
}

class Evaluator {
  constructor(
    private readonly functions: Functions,
    private readonly text: string,
  ) {}

  top(node: Node): PyVal {
    if (node.kind !== "sweep") return this.value(node);
    const items = node.items.map((item) => this.element(item, "as an option of a sweep"));
    return new PyChoice(items, true);
  }

  /** Anything: a plain element, a sweep or a glob (top level and function arguments). */
  private value(node: Node): PyVal {
    switch (node.kind) {
      case "scalar":
        return node.value;
      case "list":
        return node.items.map((item) => this.element(item, "inside a list"));
      case "dict": {
        // Python's dict: equal keys (`true`, `1`, `1.0`) are one key; the first spelling stays, the last value wins.
        const entries = new Map<string, PyEntry>();
        for (const e of node.entries) {
          const id = sameKeyId(e.id, entries);
          const value = this.element(e.value, "inside a dict");
          entries.set(id, { key: entries.get(id)?.key ?? e.key, value });
        }
        return new PyDict(entries);
      }
      case "call":
        return this.call(node);
      case "sweep":
        return this.top(node);
    }
  }

  /** A value that must be a plain element (Hydra would accept a sweep here and fail later). */
  private element(node: Node, where: string): PyVal {
    const v = this.value(node);
    if (isSweep(v) || v instanceof PyGlob || v instanceof PyListEdit) {
      throw new EvalFailure(node.start, `${typeName(v)} cannot be used ${where}`);
    }
    return v;
  }

  private call(node: Extract<Node, { kind: "call" }>): PyVal {
    const args = node.args.map((a) => this.value(a));
    const kwargs = new Map(node.kwargs.map(([k, v]) => [k, this.value(v)] as const));
    if (node.positionalAfterKeyword) throw new EvalFailure(node.start, "positional argument follows keyword argument");
    try {
      return this.functions.eval(node.name, args, kwargs);
    } catch (e) {
      // A custom function may throw a plain Error: report it the same way, under its JS name.
      const type = e instanceof PyError ? e.type : e instanceof Error ? e.name : "Error";
      const message = e instanceof Error ? e.message : String(e);
      const source = this.text.slice(node.start, node.end);
      throw new EvalFailure(node.start, `${type} while evaluating '${source}': ${message}`);
    }
  }
}

// ---- the public AST -----------------------------------------------------------------------------------

function exportValue(v: PyVal, override: Override, start: number): { value: OverrideValue; valueType: ValueType } {
  if (v instanceof PyChoice) {
    const list = v.list.map((item) => exportElement(item, start));
    const sweep: ChoiceSweep = { kind: "choice", list, simpleForm: v.simpleForm, shuffle: v.shuffle, tags: v.tags };
    if (v.zip !== undefined) sweep.zip = v.zip;
    return { value: sweep, valueType: v.simpleForm ? "simple_choice_sweep" : "choice_sweep" };
  }
  if (v instanceof PyRange) {
    const isFloat = [v.start, v.stop, v.step].some((x) => x instanceof ConfigFloat);
    const [begin, stop, step] = [v.start, v.stop, v.step].map(numValue) as [number, number, number];
    const value: RangeSweep = { kind: "range", start: begin, stop, step, isFloat, shuffle: v.shuffle, tags: v.tags };
    if (v.zip !== undefined) value.zip = v.zip;
    return { value, valueType: "range_sweep" };
  }
  if (v instanceof PyInterval) {
    return { value: { kind: "interval", start: numValue(v.start), end: numValue(v.end), tags: v.tags }, valueType: "interval_sweep" };
  }
  if (v instanceof PyGlob) {
    return { value: { kind: "glob", include: v.include, exclude: v.exclude }, valueType: "glob_choice_sweep" };
  }
  if (v instanceof PyListEdit) {
    const edit: ListEdit = { kind: "list_edit", op: v.op, values: v.values.map((x) => exportElement(x, start)) };
    if (v.index !== undefined) edit.index = v.index;
    return { value: edit, valueType: "list_edit" };
  }
  return { value: exportElement(v, start), valueType: "element" };
}

/** A value as a ParsedElement: floats stay boxed, dicts keep their typed key ids. */
function exportElement(v: PyVal, start: number): ParsedElement {
  if (Array.isArray(v)) return v.map((item) => exportElement(item, start));
  if (v instanceof PyDict) {
    const dict: ParsedDict = new Map();
    for (const [id, entry] of v.entries) dict.set(id, exportElement(entry.value, start));
    return dict;
  }
  if (isSweep(v) || v instanceof PyGlob || v instanceof PyListEdit) throw new EvalFailure(start, `${typeName(v)} cannot be nested in a value`);
  return v;
}

// ---- errors -------------------------------------------------------------------------------------------

function toParseError(text: string, e: unknown): OverrideParseError {
  if (e instanceof OverrideParseError) return e;
  const header = `Error parsing override '${text}'`;
  if (e instanceof SyntaxFailure) {
    const column = columnOf(text, e.offset);
    const lines = [header, `${e.detail} (column ${column})`, `  ${text}`, `  ${caretPad(text, e.offset)}^`];
    if (e.note) lines.push(e.note);
    if (e.inKey) lines.push(FORMS_HINT);
    lines.push(GRAMMAR_URL);
    return new OverrideParseError(lines.join("\n"), { override: text, column });
  }
  if (e instanceof EvalFailure) {
    return new OverrideParseError(`${header}\n${e.detail}\n${GRAMMAR_URL}`, {
      override: text,
      column: columnOf(text, e.offset),
    });
  }
  // Not expected: still report it as a parse error of this override, never as another exception type.
  const message = e instanceof Error ? e.message : String(e);
  return new OverrideParseError(`${header}\n${message}\n${GRAMMAR_URL}`, { override: text, column: 1, cause: e });
}

/** 1-based column in characters (code points), for a 0-based UTF-16 offset. */
function columnOf(text: string, offset: number): number {
  return Array.from(text.slice(0, offset)).length + 1;
}

/** Spaces under the text up to `offset` (tabs kept, so the caret lines up in a terminal). */
function caretPad(text: string, offset: number): string {
  return Array.from(text.slice(0, offset), (ch) => (ch === "\t" ? "\t" : " ")).join("");
}
