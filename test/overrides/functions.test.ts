// Grammar functions: casts, choice/range/interval/tag/sort/shuffle/glob, argument binding and errors.
// The cast table is Hydra's test_cast_conversions; messages are Hydra's.
import { describe, expect, it } from "vitest";
import { ConfigFloat } from "../../src/config/float.js";
import {
  Functions,
  parseOverride,
  sweepStrings,
  formatOverrideValue,
  type GrammarFunction,
} from "../../src/overrides/index.js";
import { choice, dict, fl, parseError, val } from "./helpers.js";

class Err {
  constructor(readonly message: string) {}
}
const err = (m: string): Err => new Err(m);
type Casts = { int: unknown; float: unknown; bool: unknown; str: unknown; json_str: unknown };

const CASTS: [string, Casts][] = [
  ["10", { int: 10, float: fl(10), str: "10", bool: true, json_str: "10" }],
  ["0", { int: 0, float: fl(0), str: "0", bool: false, json_str: "0" }],
  ["10.0", { int: 10, float: fl(10), str: "10.0", bool: true, json_str: "10.0" }],
  ["0.0", { int: 0, float: fl(0), str: "0.0", bool: false, json_str: "0.0" }],
  [
    "inf",
    {
      int: err("OverflowError while evaluating 'int(inf)': cannot convert float infinity to integer"),
      float: fl(Infinity),
      str: "inf",
      bool: true,
      json_str: "Infinity",
    },
  ],
  [
    "nan",
    {
      int: err("ValueError while evaluating 'int(nan)': cannot convert float NaN to integer"),
      float: fl(NaN),
      str: "nan",
      bool: true,
      json_str: "NaN",
    },
  ],
  ["1e6", { int: 1000000, float: fl(1e6), str: "1000000.0", bool: true, json_str: "1000000.0" }],
  [
    "''",
    {
      int: err("ValueError while evaluating 'int('')': invalid literal for int() with base 10:"),
      float: err("ValueError while evaluating 'float('')': could not convert string to float:"),
      str: "",
      bool: err("ValueError while evaluating 'bool('')': Cannot cast '' to bool"),
      json_str: '""',
    },
  ],
  [
    "'10'",
    {
      int: 10,
      float: fl(10),
      str: "10",
      bool: err("ValueError while evaluating 'bool('10')': Cannot cast '10' to bool"),
      json_str: '"10"',
    },
  ],
  [
    "'10.0'",
    {
      int: err("ValueError while evaluating 'int('10.0')': invalid literal for int() with base 10: '10.0'"),
      float: fl(10),
      str: "10.0",
      bool: err("ValueError while evaluating 'bool('10.0')': Cannot cast '10.0' to bool"),
      json_str: '"10.0"',
    },
  ],
  [
    "'true'",
    {
      int: err("ValueError while evaluating 'int('true')': invalid literal for int() with base 10: 'true'"),
      float: err("ValueError while evaluating 'float('true')': could not convert string to float: 'true'"),
      str: "true",
      bool: true,
      json_str: '"true"',
    },
  ],
  [
    "'[1,2,3]'",
    {
      int: err("ValueError while evaluating 'int('[1,2,3]')': invalid literal for int() with base 10: '[1,2,3]'"),
      float: err("ValueError while evaluating 'float('[1,2,3]')': could not convert string to float: '[1,2,3]'"),
      str: "[1,2,3]",
      bool: err("ValueError while evaluating 'bool('[1,2,3]')': Cannot cast '[1,2,3]' to bool"),
      json_str: '"[1,2,3]"',
    },
  ],
  ["true", { int: 1, float: fl(1), str: "true", bool: true, json_str: "true" }],
  ["false", { int: 0, float: fl(0), str: "false", bool: false, json_str: "false" }],
  ["[]", { int: [], float: [], str: [], bool: [], json_str: "[]" }],
  ["[0,1,2]", { int: [0, 1, 2], float: [fl(0), fl(1), fl(2)], str: ["0", "1", "2"], bool: [false, true, true], json_str: "[0, 1, 2]" }],
  ["[1,[2]]", { int: [1, [2]], float: [fl(1), [fl(2)]], str: ["1", ["2"]], bool: [true, [true]], json_str: "[1, [2]]" }],
  [
    "[a,1]",
    {
      int: err("ValueError while evaluating 'int([a,1])': invalid literal for int() with base 10: 'a'"),
      float: err("ValueError while evaluating 'float([a,1])': could not convert string to float: 'a'"),
      str: ["a", "1"],
      bool: err("ValueError while evaluating 'bool([a,1])': Cannot cast 'a' to bool"),
      json_str: '["a", 1]',
    },
  ],
  ["{}", { int: dict(), float: dict(), str: dict(), bool: dict(), json_str: "{}" }],
  [
    "{a:10,b:xyz,c:{d:foo,f:[1,2,{g:0}]}}",
    {
      int: err("ValueError while evaluating 'int({a:10,b:xyz,c:{d:foo,f:[1,2,{g:0}]}})': invalid literal for int() with base 10: 'xyz'"),
      float: err("ValueError while evaluating 'float({a:10,b:xyz,c:{d:foo,f:[1,2,{g:0}]}})': could not convert string to float: 'xyz'"),
      str: dict(["a", "10"], ["b", "xyz"], ["c", dict(["d", "foo"], ["f", ["1", "2", dict(["g", "0"])]])]),
      bool: err("ValueError while evaluating 'bool({a:10,b:xyz,c:{d:foo,f:[1,2,{g:0}]}})': Cannot cast 'xyz' to bool"),
      json_str: '{"a": 10, "b": "xyz", "c": {"d": "foo", "f": [1, 2, {"g": 0}]}}',
    },
  ],
  [
    "choice(0,1)",
    {
      int: choice([0, 1]),
      float: choice([fl(0), fl(1)]),
      str: choice(["0", "1"]),
      bool: choice([false, true]),
      json_str: choice(["0", "1"]),
    },
  ],
  [
    "2,1,0",
    {
      int: choice([2, 1, 0], { simpleForm: true }),
      float: choice([fl(2), fl(1), fl(0)], { simpleForm: true }),
      str: choice(["2", "1", "0"], { simpleForm: true }),
      bool: choice([true, true, false], { simpleForm: true }),
      json_str: choice(["2", "1", "0"], { simpleForm: true }),
    },
  ],
  [
    "a,'b',1,1.0,true,[a,b],{a:10}",
    {
      int: err("ValueError while evaluating 'int(a,'b',1,1.0,true,[a,b],{a:10})': invalid literal for int() with base 10: 'a'"),
      float: err("ValueError while evaluating 'float(a,'b',1,1.0,true,[a,b],{a:10})': could not convert string to float: 'a'"),
      str: choice(["a", "b", "1", "1.0", "true", ["a", "b"], dict(["a", "10"])], { simpleForm: true }),
      bool: err("ValueError while evaluating 'bool(a,'b',1,1.0,true,[a,b],{a:10})': Cannot cast 'a' to bool"),
      json_str: choice(['"a"', '"b"', "1", "1.0", "true", '["a", "b"]', '{"a": 10}'], { simpleForm: true }),
    },
  ],
  [
    "interval(1.0, 2.0)",
    {
      int: { kind: "interval", start: 1, end: 2, tags: new Set() },
      float: { kind: "interval", start: 1, end: 2, tags: new Set() },
      str: err("ValueError while evaluating 'str(interval(1.0, 2.0))': Intervals cannot be cast to str"),
      bool: err("ValueError while evaluating 'bool(interval(1.0, 2.0))': Intervals cannot be cast to bool"),
      json_str: err("ValueError while evaluating 'json_str(interval(1.0, 2.0))': Intervals cannot be cast to json_str"),
    },
  ],
  [
    "range(1,10)",
    {
      int: { kind: "range", start: 1, stop: 10, step: 1, isFloat: false, shuffle: false, tags: new Set() },
      float: { kind: "range", start: 1, stop: 10, step: 1, isFloat: true, shuffle: false, tags: new Set() },
      str: err("ValueError while evaluating 'str(range(1,10))': Range can only be cast to int or float"),
      bool: err("ValueError while evaluating 'bool(range(1,10))': Range can only be cast to int or float"),
      json_str: err("ValueError while evaluating 'json_str(range(1,10))': Range can only be cast to int or float"),
    },
  ],
];

describe("casts", () => {
  for (const [input, results] of CASTS) {
    for (const fn of ["int", "float", "bool", "str", "json_str"] as const) {
      const expected = results[fn];
      it(`${fn}(${input})`, () => {
        const text = `k=${fn}(${input})`;
        if (expected instanceof Err) {
          const e = parseError(text);
          expect(e.message).toContain(expected.message);
          expect(e.column).toBe(3);
        } else if (expected instanceof ConfigFloat && Number.isNaN(expected.value)) {
          expect((val(`${fn}(${input})`) as ConfigFloat).value).toBeNaN();
        } else {
          expect(parseOverride(text).value).toMatchObject(expected as object);
          expect(parseOverride(text).value).toEqual(expected);
        }
      });
    }
  }

  it("keeps Python's int/float identity (printed back as 10 / 10.0)", () => {
    expect(formatOverrideValue(parseOverride("k=float(10)"))).toBe("10.0");
    expect(formatOverrideValue(parseOverride("k=int(10.7)"))).toBe("10");
    expect(formatOverrideValue(parseOverride("k=float([1,[2]])"))).toBe("[1.0,[2.0]]");
    expect([...sweepStrings(parseOverride("k=float(1,2)"))]).toEqual(["1.0", "2.0"]);
    expect([...sweepStrings(parseOverride("k=int(range(1.5,4.5))"))]).toEqual(["1", "2", "3"]);
  });

  it("matches the recorded Hydra cases", () => {
    expect(val("int(3.7)")).toBe(3);
    expect(formatOverrideValue(parseOverride("k=float(2)"))).toBe("2.0");
    expect(val("str(10)")).toBe("10");
    expect(val("bool(1)")).toBe(true);
    expect(val("str([1,2])")).toEqual(["1", "2"]);
  });

  it("takes value= instead of positional arguments", () => {
    expect(val("int(value=3.5)")).toBe(3);
    expect(parseError("k=int(1, value=2)").message).toContain("TypeError while evaluating 'int(1, value=2)': cannot use both position and named arguments");
    expect(parseError("k=int()").message).toContain("No positional args or value specified");
  });

  it("casts quoted strings as their text and null as Python does", () => {
    expect(val("int('5')")).toBe(5);
    expect(val("bool(null)")).toBe(false);
    expect(parseError("k=int(null)").message).toContain("AssertionError while evaluating 'int(null)': ");
  });

  it("keeps the tags and shuffle of a cast sweep", () => {
    const v = val("int(tag(meta,shuffle(choice(1.5,2.5,3.5))))");
    expect(v).toMatchObject({ kind: "choice", shuffle: true, tags: new Set(["meta"]) });
    expect(val("float(tag(meta,shuffle(range(1,4))))")).toMatchObject({ kind: "range", shuffle: true, isFloat: true, tags: new Set(["meta"]) });
  });
});

describe("choice, range, interval, tag", () => {
  it.each<[string, unknown]>([
    ["choice(a)", choice(["a"])],
    ["choice(a,b)", choice(["a", "b"])],
    ["choice (a,b)", choice(["a", "b"])],
    ["choice( 10 , 20 )", choice([10, 20])],
    ["choice(str(10))", choice(["10"])],
    ["choice(int(1,2))", choice([1, 2])],
    ["tag(choice(a,b))", choice(["a", "b"])],
    ["tag(tag1,tag2,choice(a,b))", choice(["a", "b"], { tags: ["tag1", "tag2"] })],
  ])("%s", (text, expected) => {
    expect(val(text)).toEqual(expected);
  });

  it.each<[string, [number, number, number, boolean]]>([
    ["range(10,11)", [10, 11, 1, false]],
    ["range (10,11)", [10, 11, 1, false]],
    ["range(1,10,2)", [1, 10, 2, false]],
    ["range(start=1,stop=10,step=2)", [1, 10, 2, false]],
    ["range(10,step=5,stop=20)", [10, 20, 5, false]],
    ["range(1.0, 3.14)", [1, 3.14, 1, true]],
    ["range(1.0, 3.14, 0.1)", [1, 3.14, 0.1, true]],
    ["range(10)", [0, 10, 1, false]],
    ["range(-10)", [0, -10, 1, false]],
    ["range(-10, step=-1)", [0, -10, -1, false]],
    ["range(5.5)", [0, 5.5, 1, true]],
    ["range(5.5, step=0.5)", [0, 5.5, 0.5, true]],
    ["tag(tag1,tag2,sweep=range(1,2))", [1, 2, 1, false]],
  ])("%s", (text, [start, stop, step, isFloat]) => {
    expect(val(text)).toMatchObject({ kind: "range", start, stop, step, isFloat });
  });

  it("tags a range given by keyword", () => {
    expect(val("tag(tag1,tag2,sweep=range(1,2))")).toMatchObject({ tags: new Set(["tag1", "tag2"]) });
  });

  it.each<[string, number, number]>([
    ["interval(10,11)", 10, 11],
    ["interval(2.72,3.14)", 2.72, 3.14],
    ["interval(start=2.72,end=3.14)", 2.72, 3.14],
    ["tag(interval(0,2))", 0, 2],
  ])("%s", (text, start, end) => {
    expect(val(text)).toEqual({ kind: "interval", start, end, tags: new Set() });
  });

  it.each<[string, string]>([
    ["+x=tag(t1,a,b)", "ValueError while evaluating 'tag(t1,a,b)': Last argument to tag() must be a choice(), range() or interval(), got NoneType"],
    ["x=tag()", "ValueError while evaluating 'tag()': Not enough arguments to tag, must take at least a sweep"],
    ["x=tag(1,choice(a))", "TypeError while evaluating 'tag(1,choice(a))': mismatch type argument args[0]: int is incompatible with Union[str, Sweep]"],
    ["x=choice()", "ValueError while evaluating 'choice()': empty choice is not legal"],
    ["x=choice(choice(a,b))", "ValueError while evaluating 'choice(choice(a,b))': nesting choices is not supported"],
    ["x=choice(null)", "TypeError while evaluating 'choice(null)': mismatch type argument args[0]: NoneType is incompatible with"],
    ["x=choice(list=[1,2])", "TypeError while evaluating 'choice(list=[1,2])': got an unexpected keyword argument 'list'"],
    ["x=range(a)", "TypeError while evaluating 'range(a)': mismatch type argument start: str is incompatible with Union[int, float]"],
    ["x=range(stop=3)", "TypeError while evaluating 'range(stop=3)': missing a required argument: 'start'"],
    ["x=range(1,2,3,4)", "TypeError while evaluating 'range(1,2,3,4)': too many positional arguments"],
    ["x=range(1,start=2)", "TypeError while evaluating 'range(1,start=2)': multiple values for argument 'start'"],
    ["x=range(1,foo=2)", "TypeError while evaluating 'range(1,foo=2)': got an unexpected keyword argument 'foo'"],
    ["x=range(start=10,20,1)", "positional argument follows keyword argument"],
    ["x=foo(1)", "HydraException while evaluating 'foo(1)': Unknown function 'foo'\nAvailable: bool,choice,float,glob,int,interval,json_str,range,shuffle,sort,str,tag\n"],
    ["x=sort(3,2,str(1))", "TypeError while evaluating 'sort(3,2,str(1))': '<' not supported between instances of 'str' and 'int'"],
    ["x=sort(1,2,reverse=1)", "TypeError while evaluating 'sort(1,2,reverse=1)': mismatch type argument reverse: int is incompatible with bool"],
    ["x=sort(reverse=true)", "ValueError while evaluating 'sort(reverse=true)': empty sort input"],
    ["x=sort(1,[2])", "TypeError while evaluating 'sort(1,[2])': Invalid arguments: (1, [2])"],
    ["x=str(interval(0,1))", "ValueError while evaluating 'str(interval(0,1))': Intervals cannot be cast to str"],
  ])("%s fails", (text, message) => {
    const e = parseError(text);
    expect(e.message).toContain(`Error parsing override '${text}'\n${message}`);
    expect(e.message).toContain("See https://hydra.cc/docs/1.2/advanced/override_grammar/basic for details");
    expect(e.override).toBe(text);
    expect(e.column).toBe(text.indexOf("=") + 2);
  });

  it("reports an inner function's failure at its own position", () => {
    const e = parseError("x=choice(a,int(b))");
    expect(e.message).toContain("ValueError while evaluating 'int(b)': invalid literal for int() with base 10: 'b'");
    expect(e.column).toBe(12);
  });

  it("reports syntax errors before evaluating any function", () => {
    expect(parseError("x=foo(1),[").message).toContain("missing ']' at '<EOF>'");
    expect(parseError("x=foo(1),[1,").message).toContain("mismatched input '<EOF>' expecting a value");
  });

  it("rejects sweeps nested in values", () => {
    expect(parseError("x=[choice(a,b)]").message).toContain("ChoiceSweep cannot be used inside a list");
    expect(parseError("x={a:range(3)}").message).toContain("RangeSweep cannot be used inside a dict");
    expect(parseError("x=a,choice(b)").message).toContain("ChoiceSweep cannot be used as an option of a sweep");
  });
});

describe("sort and shuffle", () => {
  it.each<[string, unknown]>([
    ["sort(1)", 1],
    ["sort({a:10})", dict(["a", 10])],
    ["sort([1])", [1]],
    ["sort([2,3,1])", [1, 2, 3]],
    ["sort([2,3,1],reverse=true)", [3, 2, 1]],
    ["sort(list=[1,2,3])", [1, 2, 3]],
    ["sort(list=[])", []],
    ["sort(list=[1,2,3], reverse=True)", [3, 2, 1]],
    ["sort([b,a,[c]])", "error"],
    ["sort(3,2,1)", choice([1, 2, 3], { simpleForm: true })],
    ["sort(a,c,b,reverse=true)", choice(["c", "b", "a"], { simpleForm: true })],
    ["sort(1,2,3,reverse=True)", choice([3, 2, 1], { simpleForm: true })],
    ["sort(choice(1,2,3))", choice([1, 2, 3])],
    ["sort(sweep=choice(1,2,3))", choice([1, 2, 3])],
    ["sort(choice(1,2,3), reverse=True)", choice([3, 2, 1])],
    ["sort(tag(a,b,choice(1,2,3)), reverse=True)", choice([3, 2, 1], { tags: ["a", "b"] })],
    ["float(sort(3,2,1))", choice([fl(1), fl(2), fl(3)], { simpleForm: true })],
    ["sort(float(3,2,1))", choice([fl(1), fl(2), fl(3)], { simpleForm: true })],
    ["sort([[2,1],[1,5],[1]])", [[1], [1, 5], [2, 1]]],
    ["sort([true, 0, 0.5])", [0, fl(0.5), true]],
    ["shuffle(1,2,3)", choice([1, 2, 3], { simpleForm: true, shuffle: true })],
    ["shuffle(choice(1,2,3))", choice([1, 2, 3], { shuffle: true })],
    ["shuffle(tag(a,b,choice(1,2,3)))", choice([1, 2, 3], { shuffle: true, tags: ["a", "b"] })],
    ["shuffle(7)", [7]],
  ])("%s", (text, expected) => {
    if (expected === "error") expect(parseError(`k=${text}`).message).toContain("'<' not supported between instances of 'list' and 'str'");
    else expect(val(text)).toEqual(expected);
  });

  it("sorts ranges by their actual values", () => {
    const values = (text: string): string[] => [...sweepStrings(parseOverride(`k=${text}`))];
    expect(values("sort(range(1, 10))")).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(values("sort(range(9,0,-1))")).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(values("sort(range(1,4),reverse=True)")).toEqual(["3", "2", "1"]);
    expect(values("sort(range(0,5,2),reverse=True)")).toEqual(["4", "2", "0"]);
    expect(values("sort(range(4,-1,-2))")).toEqual(["0", "2", "4"]);
    expect(values("sort(range(7,0,-3))")).toEqual(["1", "4", "7"]);
    expect(values("sort(range(0,2,0.5))")).toEqual(["0.0", "0.5", "1.0", "1.5"]);
    expect(values("sort(range(1.5,-0.5,-0.5))")).toEqual(["0.0", "0.5", "1.0", "1.5"]);
    expect(values("sort(range(0,2,0.5),reverse=true)")).toEqual(["1.5", "1.0", "0.5", "0.0"]);
    expect(values("sort(sort(range(1, 4),reverse=true))")).toEqual(["1", "2", "3"]);
  });

  it("shuffles a list into a permutation", () => {
    const v = val("shuffle([1,2,3,4,5])") as number[];
    expect([...v].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(val("shuffle(list=[1])")).toEqual([1]);
  });

  it("marks ranges to shuffle", () => {
    expect(val("shuffle(range(1,10))")).toMatchObject({ kind: "range", start: 1, stop: 10, shuffle: true });
    expect(val("shuffle(float(range(10,1)))")).toMatchObject({ start: 10, stop: 1, isFloat: true, shuffle: true });
  });
});

describe("glob", () => {
  it.each<[string, string[], string[]]>([
    ["glob(*)", ["*"], []],
    ["glob(include=*)", ["*"], []],
    ["glob(include=[*])", ["*"], []],
    ["glob(include=[a*, b*], exclude=c*)", ["a*", "b*"], ["c*"]],
    ["glob([a*,b*], exclude=[c*,'d e'])", ["a*", "b*"], ["c*", "d e"]],
    ["glob(*, exclude=x)", ["*"], ["x"]],
  ])("%s", (text, include, exclude) => {
    const o = parseOverride(`k=${text}`);
    expect(o.valueType).toBe("glob_choice_sweep");
    expect(o.value).toEqual({ kind: "glob", include, exclude });
  });
});

describe("a custom registry", () => {
  const functions = new Functions();
  const sum: GrammarFunction = {
    name: "sum",
    params: [{ name: "args", kind: "varargs", type: { display: "int", test: (v) => typeof v === "number" } }],
    call: ({ rest }) => (rest as number[]).reduce((a, b) => a + b, 0),
  };
  const empty: GrammarFunction = { name: "empty", params: [], call: () => 10 };
  const boom: GrammarFunction = {
    name: "boom",
    params: [],
    call: () => {
      throw new RangeError("too big");
    },
  };
  functions.register(sum);
  functions.register(empty);
  functions.register(boom);

  it("calls registered functions", () => {
    expect(parseOverride("k=sum(1,2,3)", { functions }).value).toBe(6);
    expect(parseOverride("k=sum()", { functions }).value).toBe(0);
    expect(parseOverride("k=empty()", { functions }).value).toBe(10);
  });

  it("checks their arguments", () => {
    const e = (text: string): string => {
      try {
        parseOverride(text, { functions });
      } catch (x) {
        return (x as Error).message;
      }
      return "";
    };
    expect(e("k=empty(100)")).toContain("too many positional arguments");
    expect(e("k=sum(true)")).toContain("TypeError while evaluating 'sum(true)': mismatch type argument args[0]: bool is incompatible with int");
    expect(e("k=range(1)")).toContain("Unknown function 'range'\nAvailable: boom,empty,sum");
    expect(e("k=boom()")).toContain("RangeError while evaluating 'boom()': too big");
  });
});
