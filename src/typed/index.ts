/**
 * Typed configs: a schema (Standard Schema with JSON Schema, or JSON Schema) as a config node, like a
 * dataclass in Hydra's ConfigStore: its defaults are the config, its types check what is merged onto it.
 */
export { isConfigSchemaNode, jsonSchemaOf, type ConfigSchemaNode, type InferConfig, type JsonSchemaDocument, type StandardSchemaLike } from "./schema-input.js";
export { compileConfigSchema, type FieldType, type ObjectField } from "./field-type.js";
export { schemaDefaults } from "./defaults.js";
export { TypedMounts } from "./mounts.js";
