/**
 * hydrant's own override functions, beside Hydra 1.3's (functions.ts): `zip()` for dimensions swept in
 * lockstep (facebookresearch/hydra#1258), and list edits (#1547): `extend_list` as on Hydra's main
 * branch, and `prepend_list`, `insert_list`, `remove_list`, `pop_list`. Hydra 1.3 knows none of these
 * names, so no override that Hydra accepts changes meaning.
 */
import { isPyInt, PyChoice, PyError, PyListEdit, PyRange, type PyVal } from "./pyvalues.js";
import { TYPES, type BoundArgs, type GrammarFunction, type TypeSpec } from "./functions.js";
import type { ListEditOp } from "./types.js";

const zipArg: TypeSpec = {
  display: "Union[str, int, float, bool, Dict[Any, Any], List[Any], ChoiceSweep, RangeSweep]",
  test: (v) => TYPES.choiceArg.test(v) || v instanceof PyRange,
};

/**
 * `zip(a,b,c)`: a sweep whose n-th value goes with the n-th value of every other `zip()` of the same
 * `name`, instead of being crossed with them. One argument that is a `choice()`/`range()` zips its values.
 */
const zip: GrammarFunction = {
  name: "zip",
  params: [
    { name: "args", kind: "varargs", type: zipArg },
    { name: "name", kind: "keyword", type: { display: "str", test: (v) => typeof v === "string" }, default: "" },
  ],
  call: (b) => {
    const name = b.named.get("name") as string;
    if (b.rest.length === 0) throw new PyError("ValueError", "empty zip is not legal");
    const only = b.rest[0];
    if (b.rest.length === 1 && (only instanceof PyChoice || only instanceof PyRange)) {
      only.zip = name;
      return only;
    }
    if (b.rest.some((v) => v instanceof PyChoice || v instanceof PyRange)) {
      throw new PyError("ValueError", "zip() takes values, or a single choice() or range()");
    }
    const sweep = new PyChoice(b.rest);
    sweep.zip = name;
    return sweep;
  },
};

const element: TypeSpec = { display: "Union[str, int, float, bool, Dict[Any, Any], List[Any]]", test: (v) => TYPES.choiceArg.test(v) && !(v instanceof PyChoice) };
const index: TypeSpec = { display: "int", test: (v) => isPyInt(v) };

function valuesEdit(name: string, op: ListEditOp): GrammarFunction {
  return {
    name,
    params: [{ name: "args", kind: "varargs", type: element }],
    call: ({ rest }: BoundArgs) => {
      if (rest.length === 0) throw new PyError("ValueError", `${name}() needs at least one value`);
      return new PyListEdit(op, rest);
    },
  };
}

const insertList: GrammarFunction = {
  name: "insert_list",
  params: [
    { name: "index", kind: "positional", type: index },
    { name: "args", kind: "varargs", type: element },
  ],
  call: (b) => {
    if (b.rest.length === 0) throw new PyError("ValueError", "insert_list() needs an index and at least one value");
    return new PyListEdit("insert", b.rest, b.named.get("index") as number);
  },
};

const popList: GrammarFunction = {
  name: "pop_list",
  params: [{ name: "index", kind: "positional", type: index, default: -1 }],
  call: (b) => new PyListEdit("pop", [], b.named.get("index") as number),
};

/** hydrant's functions, registered after Hydra's. */
export const HYDRANT_FUNCTIONS: readonly GrammarFunction[] = [
  zip,
  valuesEdit("extend_list", "extend"),
  valuesEdit("prepend_list", "prepend"),
  insertList,
  valuesEdit("remove_list", "remove"),
  popList,
];

/** Whether a value is what one of the list functions returned (it is valid only as a whole override value). */
export function isListEdit(v: PyVal): v is PyListEdit {
  return v instanceof PyListEdit;
}
