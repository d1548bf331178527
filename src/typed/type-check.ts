/**
 * Checks a config subtree against its typed node, converting in place where OmegaConf converts
 * (`"10"` into an int field) and failing as OmegaConf fails otherwise: a wrong type, a `None` in a
 * field that is not Optional, a key the dataclass does not declare (with a did-you-mean).
 * Interpolations and `???` are left for when the value is read.
 */
import { keyText } from "../config/dict-key.js";
import { suggestKey } from "../config/did-you-mean.js";
import { ConfigDict, ConfigList, isInterpolation, isMissing, type ConfigValue } from "../config/node.js";
import { ConfigKeyError, ConfigTypeError } from "../errors.js";
import { pyStr, pyType, toBool, toFloat, toInt, toStr, type Conversion } from "./convert.js";
import type { FieldType, ObjectField } from "./field-type.js";

export interface CheckContext {
  /** Keys a `+key=`/`++key=` override added where the schema declares none: Hydra lets them in. */
  added: ReadonlySet<string>;
  /** Undeclared keys of the root object left alone (the composed config's `hydra` node). */
  ignoredRootKeys?: ReadonlySet<string>;
}

/** Checks `dict` (at dotted `path`) against `type`; returns nothing, converts values in place. */
export function checkObject(dict: ConfigDict, type: ObjectField, path: string, ctx: CheckContext): void {
  for (const [id, value] of dict.entries) {
    const key = keyText(id);
    const full = path === "" ? key : `${path}.${key}`;
    const field = type.fields.get(key) ?? (type.extra === "closed" ? undefined : type.extra);
    if (field === undefined) {
      if (ctx.added.has(full) || (path === "" && ctx.ignoredRootKeys?.has(key))) continue;
      throw unknownKey(key, full, type);
    }
    // An optional field without a default defaults to None, so None fits it (`Optional[T] = None`).
    const nullable = field.nullable || (type.fields.has(key) && !type.required.has(key) && !("default" in field));
    const converted = checkValue(value, field, nullable, full, type.name, ctx);
    if (converted !== value) dict.set(id, converted);
  }
}

function checkValue(v: ConfigValue, field: FieldType, nullable: boolean, full: string, owner: string, ctx: CheckContext): ConfigValue {
  if (isInterpolation(v) || isMissing(v)) return v;
  if (v === null) {
    if (nullable || field.kind === "any") return v;
    throw typeError(`Incompatible value 'None' for field of type '${formatFieldType(field)}'`, full, owner);
  }
  switch (field.kind) {
    case "any":
      return v;
    case "int":
      return converted(toInt(v), full, owner);
    case "float":
      return converted(toFloat(v), full, owner);
    case "bool":
      return converted(toBool(v), full, owner);
    case "str":
      return converted(toStr(v), full, owner);
    case "enum":
      return enumValue(v, field.values, full, owner);
    case "list":
      if (!(v instanceof ConfigList)) throw typeError(`Invalid value assigned: ${pyType(v)} is not a ListConfig, list or tuple.`, full, owner);
      v.items.forEach((item, i) => {
        v.items[i] = checkValue(item, field.items, field.items.nullable, `${full}[${i}]`, owner, ctx);
      });
      return v;
    case "object":
      if (!(v instanceof ConfigDict)) {
        throw typeError(`Invalid type assigned: ${pyType(v)} is not a subclass of ${field.name}. value: ${pyStr(v)}`, full, owner);
      }
      checkObject(v, field, full, ctx);
      return v;
  }
}

function converted(c: Conversion, full: string, owner: string): ConfigValue {
  if (c.ok) return c.value;
  throw typeError(c.message, full, owner);
}

/** A `Literal`/enum field: the value itself, or its text when that is one of the values. */
function enumValue(v: ConfigValue, values: readonly unknown[], full: string, owner: string): ConfigValue {
  const plain = typeof v === "object" && v !== null && !(v instanceof ConfigDict || v instanceof ConfigList) ? v.valueOf() : v;
  if (values.includes(plain)) return v;
  const byText = values.find((x) => (typeof x === "string" || typeof x === "number") && String(x) === pyStr(v));
  if (byText !== undefined) return byText as ConfigValue;
  const listed = values.map((x) => (x === null ? "None" : String(x))).join(", ");
  throw typeError(`Invalid value '${pyStr(v)}', expected one of [${listed}]`, full, owner);
}

function formatFieldType(field: FieldType): string {
  const names: Record<FieldType["kind"], string> = { int: "int", float: "float", bool: "bool", str: "str", any: "Any", enum: "Literal", list: "List", object: "" };
  return field.kind === "object" ? field.name : names[field.kind];
}

function typeError(message: string, full: string, owner: string): ConfigTypeError {
  return new ConfigTypeError(`${message}\n    full_key: ${full}\n    object_type=${owner}`, { key: full });
}

function unknownKey(key: string, full: string, type: ObjectField): ConfigKeyError {
  return new ConfigKeyError(`Key '${key}' not in '${type.name}'${didYouMean(key, type)}\n    full_key: ${full}\n    object_type=${type.name}`, { key: full });
}

/** ". Did you mean 'port'?" when a declared key is close to `key`, else "". */
export function didYouMean(key: string, type: ObjectField): string {
  const close = suggestKey(key, type.fields.keys());
  return close === undefined ? "" : `. Did you mean '${close}'?`;
}
