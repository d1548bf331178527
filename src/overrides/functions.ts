/**
 * The functions of the override grammar (`choice`, `range`, casts, ...), as a small registry like
 * Hydra's `Functions` (hydra/_internal/grammar/functions.py): each function declares Python-style
 * parameters (positional, `*args`, keyword-only) with a type check, the registry binds the call's
 * arguments the way `inspect.Signature.bind` does and checks their types, so errors read like Hydra's
 * ("TypeError while evaluating 'range(a)': mismatch type argument start: str is incompatible with ...").
 */
import { ConfigFloat } from "../config/float.js";
import { QuotedString } from "./types.js";
import {
  PyChoice,
  PyDict,
  PyError,
  PyGlob,
  PyInterval,
  PyRange,
  isPyNumber,
  isSweep,
  typeError,
  typeName,
  type PyVal,
} from "./pyvalues.js";
import { castBool, castFloat, castInt, castJsonStr, castStr } from "./casts.js";
import { sortFn, shuffleFn } from "./ordering.js";

export interface TypeSpec {
  /** Python's spelling of the annotation, for messages. */
  display: string;
  test(v: PyVal): boolean;
}

export interface ParamSpec {
  name: string;
  /** "positional" = positional-or-keyword; "varargs" = *args; "keyword" = keyword-only. */
  kind: "positional" | "varargs" | "keyword";
  type: TypeSpec;
  /** Absent means required. */
  default?: PyVal;
}

export interface BoundArgs {
  /** Named parameters, defaults applied. */
  named: Map<string, PyVal>;
  /** The `*args` values. */
  rest: PyVal[];
}

export interface GrammarFunction {
  name: string;
  params: ParamSpec[];
  call(args: BoundArgs): PyVal;
}

export class Functions {
  private readonly defs = new Map<string, GrammarFunction>();
  private readonly extensions = new Set<string>();

  /** Adds a function; `extension` marks one Hydra lacks, listed apart in the unknown-function error. */
  register(fn: GrammarFunction, options: { extension?: boolean } = {}): void {
    if (this.defs.has(fn.name)) throw new PyError("HydraException", `Function named '${fn.name}' is already registered`);
    this.defs.set(fn.name, fn);
    if (options.extension) this.extensions.add(fn.name);
  }

  /** The registered names, sorted; Hydra's own when `extensions` is false. */
  names(extensions = true): string[] {
    return [...this.defs.keys()].filter((n) => extensions || !this.extensions.has(n)).sort();
  }

  private unknownFunction(name: string): PyError {
    const own = [...this.extensions].sort();
    const more = own.length > 0 ? `hydrant adds: ${own.join(",")}\n` : "";
    return new PyError("HydraException", `Unknown function '${name}'\nAvailable: ${this.names(false).join(",")}\n${more}`);
  }

  /** Calls `name`; failures are PyErrors carrying the Python exception name Hydra would report. */
  eval(name: string, args: PyVal[], kwargs: Map<string, PyVal>): PyVal {
    const fn = this.defs.get(name);
    if (!fn) {
      throw this.unknownFunction(name);
    }
    // Hydra passes quoted strings to functions as plain strings (only at the top level of an argument).
    const unquote = (v: PyVal): PyVal => (v instanceof QuotedString ? v.text : v);
    const bound = bind(fn.params, args.map(unquote), new Map([...kwargs].map(([k, v]) => [k, unquote(v)])));
    return fn.call(bound);
  }
}

/** `inspect.Signature.bind` followed by Hydra's per-argument type check. */
function bind(params: ParamSpec[], args: PyVal[], kwargs: Map<string, PyVal>): BoundArgs {
  const named = new Map<string, PyVal>();
  const explicit = new Set<string>();
  let rest: PyVal[] = [];
  let next = 0;
  for (const p of params) {
    if (next >= args.length) break;
    if (p.kind === "varargs") {
      rest = args.slice(next);
      next = args.length;
    } else if (p.kind === "keyword") {
      break;
    } else {
      if (kwargs.has(p.name)) throw typeError(`multiple values for argument '${p.name}'`);
      named.set(p.name, args[next++] as PyVal);
      explicit.add(p.name);
    }
  }
  if (next < args.length) throw typeError("too many positional arguments");
  for (const p of params) {
    if (p.kind === "varargs" || explicit.has(p.name)) continue;
    if (kwargs.has(p.name)) {
      named.set(p.name, kwargs.get(p.name) as PyVal);
      explicit.add(p.name);
    } else if ("default" in p) {
      named.set(p.name, p.default as PyVal);
    } else {
      throw typeError(`missing a required argument: '${p.name}'`);
    }
  }
  for (const k of kwargs.keys()) {
    const p = params.find((q) => q.name === k && q.kind !== "varargs");
    if (!p) throw typeError(`got an unexpected keyword argument '${k}'`);
  }
  checkTypes(params, named, explicit, rest);
  return { named, rest };
}

function checkTypes(params: ParamSpec[], named: Map<string, PyVal>, explicit: Set<string>, rest: PyVal[]): void {
  for (const p of params) {
    if (p.kind === "varargs") {
      rest.forEach((v, i) => {
        if (!p.type.test(v)) throw mismatch(`${p.name}[${i}]`, v, p.type);
      });
    } else if (explicit.has(p.name)) {
      const v = named.get(p.name) as PyVal;
      if (!p.type.test(v)) throw mismatch(p.name, v, p.type);
    }
  }
}

function mismatch(name: string, v: PyVal, type: TypeSpec): PyError {
  return typeError(`mismatch type argument ${name}: ${typeName(v)} is incompatible with ${type.display}`);
}

// ---- type annotations ---------------------------------------------------------------------------------

const isStr = (v: PyVal): boolean => typeof v === "string";
const isNum = (v: PyVal): boolean => isPyNumber(v);
const isList = (v: PyVal): boolean => Array.isArray(v);
const isDict = (v: PyVal): boolean => v instanceof PyDict;
const isNone = (v: PyVal): boolean => v === null;

function union(display: string, ...tests: ((v: PyVal) => boolean)[]): TypeSpec {
  return { display, test: (v) => tests.some((t) => t(v)) };
}

const elementTests = [isStr, isNum, isList, isDict];
export const TYPES = {
  any: { display: "Any", test: () => true } satisfies TypeSpec,
  bool: { display: "bool", test: (v: PyVal) => typeof v === "boolean" } satisfies TypeSpec,
  number: union("Union[int, float]", isNum),
  optionalNumber: union("Optional[Union[int, float]]", isNum, isNone),
  choiceArg: union(
    "Union[str, int, float, bool, Dict[Any, Any], List[Any], ChoiceSweep]",
    ...elementTests,
    (v) => v instanceof PyChoice,
  ),
  orderable: union(
    "Union[str, int, bool, float, List[Any], Dict[str, Any], ChoiceSweep, RangeSweep]",
    ...elementTests,
    (v) => v instanceof PyChoice || v instanceof PyRange,
  ),
  optionalOrderableSweep: union(
    "Optional[Union[ChoiceSweep, RangeSweep]]",
    (v) => v instanceof PyChoice || v instanceof PyRange,
    isNone,
  ),
  optionalList: union("Optional[List[Any]]", isList, isNone),
  tagArg: union("Union[str, Sweep]", isStr, isSweep),
  optionalSweep: union("Optional[Sweep]", isSweep, isNone),
  castable: union(
    "Union[str, int, float, bool, List[Any], Dict[str, Any], QuotedString, NoneType, Sweep]",
    ...elementTests,
    isNone,
    (v) => v instanceof QuotedString || isSweep(v),
  ),
  globPatterns: union("Union[List[str], str]", isList, isStr),
  optionalGlobPatterns: union("Optional[Union[List[str], str]]", isList, isStr, isNone),
};

// ---- the functions ------------------------------------------------------------------------------------

const arg = (b: BoundArgs, name: string): PyVal => b.named.get(name) ?? null;

function castFunction(name: string, cast: (rest: PyVal[], value: PyVal) => PyVal, type: TypeSpec): GrammarFunction {
  return {
    name,
    params: [
      { name: "args", kind: "varargs", type },
      { name: "value", kind: "keyword", type: union(`Optional[${type.display}]`, type.test, isNone), default: null },
    ],
    call: (b) => cast(b.rest, arg(b, "value")),
  };
}

const choice: GrammarFunction = {
  name: "choice",
  params: [{ name: "args", kind: "varargs", type: TYPES.choiceArg }],
  call: ({ rest }) => {
    if (rest.length === 0) throw new PyError("ValueError", "empty choice is not legal");
    const first = rest[0];
    if (rest.length === 1 && first instanceof PyChoice) {
      if (!first.simpleForm) throw new PyError("ValueError", "nesting choices is not supported");
      first.simpleForm = false;
      return first;
    }
    // Hydra would build a choice holding a sweep and fail later; say so now.
    if (rest.some(isSweep)) throw new PyError("ValueError", "nesting choices is not supported");
    return new PyChoice(rest);
  },
};

const range: GrammarFunction = {
  name: "range",
  params: [
    { name: "start", kind: "positional", type: TYPES.number },
    { name: "stop", kind: "positional", type: TYPES.optionalNumber, default: null },
    { name: "step", kind: "positional", type: TYPES.number, default: 1 },
  ],
  call: (b) => {
    let start = arg(b, "start") as number | ConfigFloat | boolean;
    let stop = arg(b, "stop") as number | ConfigFloat | boolean | null;
    if (stop === null) {
      stop = start;
      start = 0;
    }
    return new PyRange(toNum(start), toNum(stop), toNum(arg(b, "step") as number | ConfigFloat | boolean));
  },
};

/** Python bools are ints; ranges keep them as ints. */
function toNum(v: number | ConfigFloat | boolean): number | ConfigFloat {
  return typeof v === "boolean" ? Number(v) : v;
}

const interval: GrammarFunction = {
  name: "interval",
  params: [
    { name: "start", kind: "positional", type: TYPES.number },
    { name: "end", kind: "positional", type: TYPES.number },
  ],
  call: (b) => {
    const f = (v: PyVal): ConfigFloat => new ConfigFloat(v instanceof ConfigFloat ? v.value : Number(v));
    return new PyInterval(f(arg(b, "start")), f(arg(b, "end")));
  },
};

const tag: GrammarFunction = {
  name: "tag",
  params: [
    { name: "args", kind: "varargs", type: TYPES.tagArg },
    { name: "sweep", kind: "keyword", type: TYPES.optionalSweep, default: null },
  ],
  call: (b) => applyTags(b.rest, arg(b, "sweep")),
};

function applyTags(args: PyVal[], sweep: PyVal): PyVal {
  if (args.length < 1) throw new PyError("ValueError", "Not enough arguments to tag, must take at least a sweep");
  if (sweep !== null) return applyTags([...args, sweep], null);
  const last = args[args.length - 1] as PyVal;
  if (!isSweep(last)) {
    throw new PyError("ValueError", "Last argument to tag() must be a choice(), range() or interval(), got NoneType");
  }
  const tags = new Set<string>();
  for (const t of args.slice(0, -1)) {
    if (typeof t !== "string") throw new PyError("ValueError", `tag arguments type must be string, got ${typeName(t)}`);
    tags.add(t);
  }
  last.tags = tags;
  return last;
}

const shuffle: GrammarFunction = {
  name: "shuffle",
  params: [
    { name: "args", kind: "varargs", type: TYPES.orderable },
    { name: "sweep", kind: "keyword", type: TYPES.optionalOrderableSweep, default: null },
    { name: "list", kind: "keyword", type: TYPES.optionalList, default: null },
  ],
  call: (b) => shuffleFn(b.rest, arg(b, "sweep"), arg(b, "list")),
};

const sort: GrammarFunction = {
  name: "sort",
  params: [
    { name: "args", kind: "varargs", type: TYPES.orderable },
    { name: "sweep", kind: "keyword", type: TYPES.optionalOrderableSweep, default: null },
    { name: "list", kind: "keyword", type: TYPES.optionalList, default: null },
    { name: "reverse", kind: "keyword", type: TYPES.bool, default: false },
  ],
  call: (b) => sortFn(b.rest, arg(b, "sweep"), arg(b, "list"), arg(b, "reverse") === true),
};

const glob: GrammarFunction = {
  name: "glob",
  params: [
    { name: "include", kind: "positional", type: TYPES.globPatterns },
    { name: "exclude", kind: "positional", type: TYPES.optionalGlobPatterns, default: null },
  ],
  call: (b) => new PyGlob(globPatterns(arg(b, "include")), globPatterns(arg(b, "exclude"))),
};

/** A pattern or list of patterns; list items are taken as text (Hydra leaves them as parsed). */
function globPatterns(v: PyVal): string[] {
  if (v === null) return [];
  const items = Array.isArray(v) ? v : [v];
  return items.map((item) => {
    if (typeof item === "string") return item;
    if (item instanceof QuotedString) return item.text;
    if (typeof item === "boolean" || isPyNumber(item)) return castStr([item], null) as string;
    throw new PyError("TypeError", `glob patterns must be strings, got ${typeName(item)}`);
  });
}

/** The functions Hydra 1.3 registers (`create_functions` in overrides_parser.py). */
export function createFunctions(): Functions {
  const functions = new Functions();
  functions.register(castFunction("int", castInt, TYPES.castable));
  functions.register(castFunction("str", castStr, TYPES.castable));
  functions.register(castFunction("bool", castBool, TYPES.castable));
  functions.register(castFunction("float", castFloat, TYPES.castable));
  functions.register(castFunction("json_str", castJsonStr, TYPES.any));
  for (const fn of [choice, range, interval, tag, sort, shuffle, glob]) functions.register(fn);
  return functions;
}
