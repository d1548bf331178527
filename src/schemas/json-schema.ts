/**
 * `hydrant schema`: a JSON Schema (draft-07) for the YAML files of a config tree, for editors (VS Code's
 * YAML extension) and checks. Files may set only some keys and add new ones (Hydra merges them), so the
 * schema describes the known keys' types and the defaults lists' choices, and requires nothing.
 */
import { HydrantError } from "../errors.js";
import { collectConfigShapes, type ConfigShapes, type ConfigTreeOptions, type GroupShapes } from "./collect.js";
import { emptyShape, mergeShapes, onlyPlaceholder, type Shape } from "./shape.js";

/** A JSON Schema document (draft-07). */
export type JsonSchema = { [key: string]: unknown };

/** Options of {@link generateConfigSchema}. */
export interface ConfigSchemaOptions extends ConfigTreeOptions {
  /**
   * Which files the schema is for: `config` (the primary config), a group (`optimizer`, its option
   * files; `experiment`, `_global_` experiment files). Default: any file of the tree.
   */
  for?: string;
  /** More kinds of files, by name, with their schemas (the CLI adds `experiment-spec`, the spec format). */
  extraKinds?: Record<string, JsonSchema>;
}

/** The schema and the compositions left out of it. */
export interface ConfigSchemaResult {
  schema: JsonSchema;
  skipped: ConfigShapes["skipped"];
}

const ANY_OBJECT: JsonSchema = { type: "object" };

/** Composes every option of every group of the tree and derives the files' schema. */
export function generateConfigSchema(options: ConfigSchemaOptions): ConfigSchemaResult {
  const shapes = collectConfigShapes(options);
  const definitions = fileDefinitions(shapes, options.configName);
  for (const [kind, schema] of Object.entries(options.extraKinds ?? {})) {
    const { $schema: _, ...rest } = schema;
    definitions[fileKind(kind)] = rest;
  }
  const kinds = Object.keys(definitions).filter((k) => k.startsWith("file."));
  if (options.for !== undefined && !kinds.includes(fileKind(options.for))) {
    throw new HydrantError(`No config files of kind '${options.for}': choose one of ${kinds.map((k) => k.slice("file.".length)).join(", ")}`);
  }
  const root = options.for === undefined ? { anyOf: kinds.map((k) => ref(k)) } : ref(fileKind(options.for));
  const title = `${options.for === undefined ? "Config files" : `Config files of kind ${options.for}`} (primary config: ${options.configName})`;
  return {
    schema: { $schema: "http://json-schema.org/draft-07/schema#", title, ...root, definitions: { ...COMMON, ...scalarDefinitions(), ...definitions } },
    skipped: shapes.skipped,
  };
}

function fileKind(name: string): string {
  return `file.${name}`;
}

function ref(definition: string): JsonSchema {
  return { $ref: `#/definitions/${definition.replace(/~/g, "~0").replace(/\//g, "~1")}` };
}

/** Values any typed key may also hold: an interpolation, or `???`. */
const COMMON: Record<string, JsonSchema> = {
  interpolation: { type: "string", pattern: "\\$\\{", description: "An interpolation, resolved when the config is read" },
  missing: { const: "???", description: "Mandatory: to be set before the task reads it" },
};

/** One definition per kind of file, one per group's (merged) option values. */
function fileDefinitions(shapes: ConfigShapes, configName: string): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const placed = shapes.groups.filter((g) => g.options.size > 0);
  for (const g of placed) out[`value.${g.key}`] = { ...valueSchema(mergedOptions(g)), description: `An option of config group ${g.group}` };
  const globalShape = withGroups(shapes.root, placed);
  const defaults = defaultsList(shapes.groups);
  out[fileKind("config")] = fileSchema(globalShape, defaults, `The primary config (${configName}.yaml)`);
  for (const g of shapes.groups) {
    if (g.key.includes("@")) continue;
    const values = g.options.size > 0 ? mergedOptions(g) : g.package === "" ? globalShape : emptyShape();
    out[fileKind(g.group)] = fileSchema(values, defaults, `An option of config group ${g.group} (${g.group}/*.yaml)`);
  }
  return out;
}

function mergedOptions(g: GroupShapes): Shape {
  return [...g.options.values()].reduce(mergeShapes);
}

/** The root shape with each group's options at its package. */
function withGroups(root: Shape, groups: GroupShapes[]): Shape {
  const out: Shape = { ...root, fields: new Map(root.fields) };
  for (const g of groups) {
    const path = g.package.split(".");
    let node = out;
    for (const k of path.slice(0, -1)) {
      const next: Shape = { ...emptyShape(), ...node.fields!.get(k)?.shape, fields: new Map(node.fields!.get(k)?.shape.fields) };
      node.fields!.set(k, { shape: next, optional: true });
      node = next;
    }
    node.fields!.set(path[path.length - 1]!, { shape: { ...emptyShape(), ref: `value.${g.key}` }, optional: true });
  }
  return out;
}

/** A config file: its values, a `defaults` list, and `hydra` settings (not described here). */
function fileSchema(values: Shape, defaults: JsonSchema, description: string): JsonSchema {
  const properties = { defaults, hydra: { ...ANY_OBJECT, description: "Hydra's own settings" }, ...propertiesOf(values) };
  return { type: "object", description, properties };
}

function propertiesOf(shape: Shape): JsonSchema {
  const properties: JsonSchema = {};
  for (const [k, f] of shape.fields ?? []) properties[k] = valueSchema(f.shape);
  return properties;
}

/** A defaults list: `_self_`, config names, and `group: option` entries whose options are known. */
function defaultsList(groups: GroupShapes[]): JsonSchema {
  const properties: JsonSchema = {};
  for (const g of groups) {
    const choice = { anyOf: [{ enum: [...g.choices, "???", null] }, { type: "array", items: { enum: g.choices } }], description: `An option of ${g.group}` };
    for (const prefix of ["", "override ", "optional "]) {
      properties[`${prefix}${g.group}`] = choice;
      properties[`${prefix}/${g.group}`] = choice;
    }
  }
  const entry = { anyOf: [{ type: "string" }, { type: "object", minProperties: 1, maxProperties: 1, properties }] };
  return { type: "array", items: entry, description: "The defaults list: _self_, other configs, and group: option" };
}

/** The schema of the values a shape saw (a key that was `???` or an interpolation may stay one). */
function valueSchema(shape: Shape): JsonSchema {
  if (shape.ref) return ref(shape.ref);
  if (shape.unknown || onlyPlaceholder(shape)) return {};
  const types = [...shape.primitives].sort();
  if (!shape.list && !shape.fields && types.length > 0) return types.includes("string") ? { type: typeOf(types) } : ref(`scalar.${types.join(",")}`);
  const alternatives: JsonSchema[] = [];
  if (types.length > 0) alternatives.push({ type: typeOf(types) });
  if (shape.list) alternatives.push({ type: "array", items: valueSchema(shape.list) });
  if (shape.fields) alternatives.push({ type: "object", properties: propertiesOf(shape) });
  // `${...}` and `???` are strings: a string key takes them already.
  if (!types.includes("string")) alternatives.push(ref("interpolation"), ref("missing"));
  return alternatives.length === 1 ? alternatives[0]! : { anyOf: alternatives };
}

function typeOf(types: string[]): string | string[] {
  return types.length === 1 ? types[0]! : types;
}

/** The scalar types that occur, each also taking an interpolation or `???` (shared definitions). */
function scalarDefinitions(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const prims = ["boolean", "null", "number"] as const;
  for (let mask = 1; mask < 1 << prims.length; mask++) {
    const types = prims.filter((_, i) => mask & (1 << i));
    out[`scalar.${types.join(",")}`] = { anyOf: [{ type: typeOf(types) }, ref("interpolation"), ref("missing")] };
  }
  return out;
}
