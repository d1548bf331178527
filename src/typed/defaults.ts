/**
 * A schema's values, as a dataclass's are: each field's default, nested objects expanded, `???`
 * (MISSING) for a required field without a default, `null` for an optional one (`Optional[T] = None`).
 */
import { ConfigDict, MISSING, fromPlain, type ConfigValue } from "../config/node.js";
import { mergeConfigs } from "../config/merge.js";
import type { FieldType, ObjectField } from "./field-type.js";

/** The config a typed node stands for before anything is merged onto it. */
export function schemaDefaults(type: ObjectField): ConfigDict {
  return objectDefaults(type);
}

function objectDefaults(type: ObjectField): ConfigDict {
  const out = new ConfigDict();
  for (const [key, field] of type.fields) out.set(key, fieldDefault(field, type.required.has(key)));
  if (isPlainObject(type.default)) return mergeConfigs(out, fromPlain(type.default)) as ConfigDict;
  return out;
}

function fieldDefault(field: FieldType, required: boolean): ConfigValue {
  if (field.kind === "object" && (field.default === undefined || isPlainObject(field.default))) {
    // A nested dataclass without a default is expanded (OmegaConf does); an optional one stays None.
    if (field.default === undefined && !required) return null;
    return objectDefaults(field);
  }
  if ("default" in field) return fromPlain(field.default);
  return required ? MISSING : null;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
