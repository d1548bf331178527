/**
 * The shape of a spec file, checked with ajv; each ajv error becomes an ExperimentSpecError at the
 * offending field's line:column, worded for a person.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { ExperimentSpecError } from "../../errors.js";
import { fieldName, type SpecSource } from "./source-map.js";
import { suggestKey } from "../../config/did-you-mean.js";

export const SPEC_FIELDS = ["name", "description", "base_config", "configs", "sweep", "zip", "fixed_overrides", "command", "mode", "runs_dir"] as const;

const specSchema = {
  type: "object",
  additionalProperties: false,
  required: ["name"],
  properties: {
    name: { type: "string", minLength: 1, pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$" },
    description: { type: "string" },
    base_config: { type: "string", minLength: 1 },
    configs: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } },
    sweep: { type: "object", additionalProperties: { type: "array", minItems: 1 } },
    zip: {
      anyOf: [
        { type: "object", minProperties: 1, additionalProperties: { type: "array", minItems: 1 } },
        { type: "array", minItems: 1, items: { type: "object", minProperties: 1, additionalProperties: { type: "array", minItems: 1 } } },
      ],
    },
    fixed_overrides: { type: "object" },
    command: { type: "array", minItems: 1, items: { type: "string" } },
    mode: { type: ["string", "object"] },
    runs_dir: { type: "string", minLength: 1 },
  },
} as const;

const modeObjectSchema = {
  type: "object",
  additionalProperties: false,
  required: ["name"],
  properties: { name: { type: "string", minLength: 1 }, args: { type: "array", items: { type: "string" } } },
} as const;

const DESCRIPTIONS: Record<(typeof SPEC_FIELDS)[number], string> = {
  name: "Names the experiment dir (letters, digits, _ . -)",
  description: "Free text",
  base_config: "A config file, composed with fixed_overrides and each sweep point",
  configs: "Instead of base_config: config files, one run each",
  sweep: "key: [value, ...]; the runs are the full grid over the keys (the last varies fastest)",
  zip: "key: [value, ...] keys that move in lockstep (one grid dimension); a list of such mappings is several groups",
  fixed_overrides: "key: value set on every run's config, before the sweep",
  command: "Program and arguments run once per config, e.g. [node, train.mjs, --config, '{config}']",
  mode: "training, simulation or any name ({mode}, $HYDRANT_MODE); without a command, the one modes.yaml defines",
  runs_dir: "Where the program makes its own run dirs: the newest one made during a run is recorded",
};

/**
 * The spec format as a JSON Schema document (draft-07), for editors (`hydrant schema --for
 * experiment-spec`, `schemas/experiment-spec.schema.json`): the shape {@link schemaErrors} checks.
 */
export function experimentSpecJsonSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(specSchema.properties)) {
    const field = key === "mode" ? { anyOf: [{ type: "string", minLength: 1 }, modeObjectSchema] } : schema;
    properties[key] = { ...field, description: DESCRIPTIONS[key as keyof typeof DESCRIPTIONS] };
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "hydrant experiment spec",
    description: "An experiment spec file: `hydrant experiment run SPEC`",
    ...specSchema,
    properties,
  };
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function validator(which: "spec" | "mode"): ValidateFunction {
  ajv ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  let v = validators.get(which);
  if (!v) validators.set(which, (v = ajv.compile(which === "spec" ? specSchema : modeObjectSchema)));
  return v;
}

/** Every shape error of the spec (first one first); empty when the shape is right. */
export function schemaErrors(data: unknown, src: SpecSource): ExperimentSpecError[] {
  const out = collect(validator("spec"), data, [], src);
  const mode = (data as { mode?: unknown } | null)?.mode;
  if (mode !== null && typeof mode === "object") out.push(...collect(validator("mode"), mode, ["mode"], src));
  return out;
}

function collect(validate: ValidateFunction, data: unknown, prefix: string[], src: SpecSource): ExperimentSpecError[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => toSpecError(e, data, prefix, src));
}

function toSpecError(e: ErrorObject, data: unknown, prefix: string[], src: SpecSource): ExperimentSpecError {
  const path = [...prefix, ...e.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))];
  const params = e.params as Record<string, unknown>;
  const field = fieldName(path);
  const got = valueAt(data, path.slice(prefix.length));
  switch (e.keyword) {
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const allowed = prefix[0] === "mode" ? ["name", "args"] : path.length === 0 ? [...SPEC_FIELDS] : [];
      const hint = suggestKey(extra, allowed);
      return src.error([...path, extra], `unknown field '${fieldName([...path, extra])}'${hint ? ` (did you mean '${hint}'?)` : ""}. Allowed fields: ${allowed.join(", ")}.`);
    }
    case "required":
      return src.error(path, `missing required field '${fieldName([...path, String(params.missingProperty)])}'.`);
    case "type":
      return src.error(path, `'${field}' must be ${article(String(params.type))}, got ${formatKind(got)}.${typeHint(path, got)}`);
    case "minItems":
      return src.error(path, `'${field}' must not be empty.`);
    case "minLength":
      return src.error(path, `'${field}' must not be empty.`);
    case "pattern":
      return src.error(path, `'${field}' must be usable as a folder name (letters, digits, '_', '.', '-'), got ${JSON.stringify(got)}.`);
    default:
      return src.error(path, `'${field}' ${e.message ?? "is invalid"}.`);
  }
}

function typeHint(path: string[], got: unknown): string {
  if (path[0] === "sweep" && path.length === 2) return ` A sweep lists the values to try: ${path[1]}: [${JSON.stringify(got)}, …].`;
  if (path[0] === "command" || (path[0] === "mode" && path[1] === "args")) return " Quote numbers and flags in a command, e.g. '5'.";
  if (path[0] === "configs" && path.length === 1 && typeof got === "string") return ` Write a list: configs: [${got}].`;
  return "";
}

function article(type: string): string {
  const names: Record<string, string> = { array: "a list", object: "a mapping", string: "a string", "string,object": "a string or a mapping" };
  return names[type] ?? `of type ${type}`;
}

function formatKind(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}

function valueAt(data: unknown, path: string[]): unknown {
  let v = data;
  for (const seg of path) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[seg] : undefined;
  return v;
}

