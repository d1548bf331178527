/**
 * What the ConfigStore accepts as a typed node: a Standard Schema that can describe itself as JSON
 * Schema (the `~standard.jsonSchema` of the Standard JSON Schema spec: zod 4.2+, arktype 2.1.20+,
 * valibot through `toStandardJsonSchema` of `@valibot/to-json-schema`), or a JSON Schema object.
 * Both become one JSON Schema here; hydrant imports none of those libraries.
 */
import { ConfigCompositionError } from "../errors.js";

/** A JSON Schema document (draft-07 or 2020-12), as ajv and editors read it. */
export type JsonSchemaDocument = { readonly [keyword: string]: unknown };

/**
 * A Standard Schema (`~standard`, v1): zod, valibot, arktype… The `types` carry its TypeScript types
 * (what `main()` infers the config's type from); `jsonSchema` is what hydrant reads its fields,
 * types and defaults from.
 */
export interface StandardSchemaLike<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => unknown;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
    readonly jsonSchema?: {
      readonly input: (options: { readonly target: string }) => Record<string, unknown>;
    };
  };
}

/** A schema for a config: a Standard Schema exposing `~standard.jsonSchema`, or a JSON Schema. */
export type ConfigSchemaNode = StandardSchemaLike | JsonSchemaDocument;

/** The config type a schema describes: a Standard Schema's output type, `unknown`-valued keys for a JSON Schema. */
export type InferConfig<S> = S extends { readonly "~standard": { readonly types?: { readonly output: infer Output } | undefined } }
  ? Output
  : Record<string, unknown>;

const JSON_SCHEMA_KEYWORDS = ["$schema", "properties", "type", "$ref", "allOf", "anyOf", "oneOf"];

/**
 * Whether a ConfigStore node is a schema rather than a config tree or YAML text. The caller has ruled
 * out trees (ConfigDict/ConfigList) and scalars.
 */
export function isConfigSchemaNode(node: unknown): node is ConfigSchemaNode {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return false;
  if ("~standard" in node) return true;
  return JSON_SCHEMA_KEYWORDS.some((k) => k in node);
}

/** The JSON Schema of a schema node; a Standard Schema without JSON Schema support is an error saying what to do. */
export function jsonSchemaOf(node: ConfigSchemaNode, where: string): JsonSchemaDocument {
  if (!("~standard" in node)) return node;
  const standard = (node as StandardSchemaLike)["~standard"];
  if (typeof standard?.jsonSchema?.input !== "function") {
    throw new ConfigCompositionError(
      `The schema stored as '${where}' (${standard?.vendor ?? "unknown vendor"}) does not describe itself as JSON Schema ` +
        "(`~standard.jsonSchema`), which hydrant reads its fields and defaults from.\n" +
        "zod 4.2+ and arktype do; wrap a valibot schema with toStandardJsonSchema() from @valibot/to-json-schema, " +
        "or store a JSON Schema instead",
    );
  }
  return standard.jsonSchema.input({ target: "draft-07" });
}
