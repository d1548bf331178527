/** Types and schemas derived from a config tree: `hydrant types`, `hydrant schema`. */
export { generateConfigTypes, type ConfigTypesOptions, type ConfigTypesResult } from "./typescript.js";
export { collectConfigShapes, type ConfigShapes, type ConfigTreeOptions, type GroupShapes } from "./collect.js";
export type { Field, Primitive, Shape } from "./shape.js";
export { generateConfigSchema, type ConfigSchemaOptions, type ConfigSchemaResult, type JsonSchema } from "./json-schema.js";
