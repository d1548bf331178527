/**
 * A JSON Schema read as OmegaConf's typed nodes: each field an int, float, bool, str, enum, nested
 * object (a dataclass: closed unless it allows more keys), list or Any, optionally nullable, with its
 * default. What JSON Schema says beyond that (ranges, patterns) is not a node type in OmegaConf either.
 */
import { ConfigCompositionError } from "../errors.js";
import type { JsonSchemaDocument } from "./schema-input.js";

interface FieldBase {
  /** `None` is a valid value (`Optional[T]`). */
  nullable: boolean;
  /** The schema's `default`, as plain data; absent when it has none. */
  default?: unknown;
}
/** A value field: OmegaConf's IntegerNode, FloatNode, BooleanNode, StringNode, or AnyNode. */
export interface ScalarField extends FieldBase {
  kind: "int" | "float" | "bool" | "str" | "any";
}
/** A field limited to listed values (OmegaConf's EnumNode, a `Literal`). */
export interface EnumField extends FieldBase {
  kind: "enum";
  values: readonly unknown[];
}
/** A nested config: a dataclass (closed) or a `Dict[str, T]` (`extra` types the keys it does not declare). */
export interface ObjectField extends FieldBase {
  kind: "object";
  /** The name errors give it (`object_type=…`): the schema's `title`, else where it was stored. */
  name: string;
  fields: ReadonlyMap<string, FieldType>;
  required: ReadonlySet<string>;
  /** The type of undeclared keys; "closed" refuses them (struct mode). */
  extra: FieldType | "closed";
}
/** A `List[T]`. */
export interface ListField extends FieldBase {
  kind: "list";
  items: FieldType;
}
/** One field of a typed config. */
export type FieldType = ScalarField | EnumField | ObjectField | ListField;

interface Context {
  root: JsonSchemaDocument;
  name: string;
  refs: Set<string>;
}

/** Reads a JSON Schema whose root must describe an object (a config is a mapping). */
export function compileConfigSchema(schema: JsonSchemaDocument, name: string): ObjectField {
  const field = compile(schema, { root: schema, name, refs: new Set() });
  if (field.kind !== "object") {
    throw new ConfigCompositionError(`The schema stored as '${name}' does not describe an object: a config is a mapping of keys`);
  }
  return field;
}

function compile(s: unknown, ctx: Context): FieldType {
  if (typeof s !== "object" || s === null) return anyField(s === false);
  const schema = s as JsonSchemaDocument;
  const field = compileShape(schema, ctx);
  if ("default" in schema) field.default = schema.default;
  if (schema.nullable === true) field.nullable = true;
  return field;
}

function compileShape(schema: JsonSchemaDocument, ctx: Context): FieldType {
  if (typeof schema.$ref === "string") return compileRef(schema.$ref, ctx);
  if (Array.isArray(schema.enum)) return { kind: "enum", values: schema.enum, nullable: schema.enum.includes(null) };
  if ("const" in schema) return { kind: "enum", values: [schema.const], nullable: schema.const === null };
  const union = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(union)) return compileUnion(union, ctx);
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1) return compile(schema.allOf[0], ctx);
  const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : schema.type === undefined ? [] : [schema.type];
  const nullable = types.includes("null");
  const concrete = types.filter((t) => t !== "null");
  if (concrete.length !== 1) return concrete.length === 0 && "properties" in schema ? compileObject(schema, ctx, nullable) : anyField(nullable);
  switch (concrete[0]) {
    case "integer":
      return { kind: "int", nullable };
    case "number":
      return { kind: "float", nullable };
    case "boolean":
      return { kind: "bool", nullable };
    case "string":
      return { kind: "str", nullable };
    case "array":
      return { kind: "list", items: compile(schema.items ?? true, ctx), nullable };
    case "object":
      return compileObject(schema, ctx, nullable);
    default:
      return anyField(nullable);
  }
}

function compileObject(schema: JsonSchemaDocument, ctx: Context, nullable: boolean): ObjectField {
  const props = (schema.properties ?? {}) as Record<string, unknown>;
  const fields = new Map<string, FieldType>();
  for (const [key, sub] of Object.entries(props)) fields.set(key, compile(sub, ctx));
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const additional = schema.additionalProperties;
  // A declared set of properties is a dataclass (closed) unless the schema opens it; no properties at all is a Dict.
  let extra: FieldType | "closed";
  if (additional === false) extra = "closed";
  else if (additional === undefined || additional === true) extra = fields.size > 0 && additional === undefined ? "closed" : anyField(true);
  else extra = compile(additional, ctx);
  const name = typeof schema.title === "string" ? schema.title : ctx.name;
  return { kind: "object", name, fields, required, extra, nullable };
}

/** `T | None` is an optional T; other unions are Any (OmegaConf 2.2 has no other unions), enums aside. */
function compileUnion(members: readonly unknown[], ctx: Context): FieldType {
  const isNull = (m: unknown) => typeof m === "object" && m !== null && (m as JsonSchemaDocument).type === "null";
  const rest = members.filter((m) => !isNull(m));
  const nullable = rest.length < members.length;
  if (rest.length === 1) {
    const field = compile(rest[0], ctx);
    field.nullable ||= nullable;
    return field;
  }
  const fields = rest.map((m) => compile(m, ctx));
  if (fields.every((f) => f.kind === "enum")) {
    return { kind: "enum", values: fields.flatMap((f) => (f as EnumField).values), nullable };
  }
  return anyField(nullable);
}

/** Local references only (`#/definitions/X`, `#/$defs/X`); a recursive one types its inner use as Any. */
function compileRef(ref: string, ctx: Context): FieldType {
  if (!ref.startsWith("#") || ctx.refs.has(ref)) return anyField(true);
  let target: unknown = ctx.root;
  for (const part of ref.slice(1).split("/").filter(Boolean)) {
    target = typeof target === "object" && target !== null ? (target as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  }
  if (target === undefined) throw new ConfigCompositionError(`The schema '${ctx.name}' refers to '${ref}', which it does not define`);
  ctx.refs.add(ref);
  try {
    return compile(target, ctx);
  } finally {
    ctx.refs.delete(ref);
  }
}

function anyField(nullable: boolean): ScalarField {
  return { kind: "any", nullable };
}
