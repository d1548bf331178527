/**
 * Config validation against a user schema: a JSON Schema (checked with ajv; TypeBox schemas are
 * JSON Schema), a Standard Schema (`~standard`), or anything with `safeParse`/`parse` (zod and
 * friends). Validation only checks: the function receives the config as expanded, not as parsed,
 * so every schema library behaves the same and `__config_id__` survives.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { ValidationIssue } from "../errors.js";

/** A schema with `safeParse` (zod and alike). */
export interface SafeParseSchema {
  safeParse(data: unknown): { success: boolean; error?: unknown };
}
/** A schema with a throwing `parse`. */
export interface ParseSchema {
  parse(data: unknown): unknown;
}
/** A Standard Schema (`~standard.validate`): valibot, arktype, zod 3.24+ and others. */
export interface StandardSchemaLike {
  readonly "~standard": { validate(value: unknown): unknown };
}
/** A JSON Schema, checked with ajv (TypeBox schemas are JSON Schemas). */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown };
/** Anything a config can be validated with: {@link SafeParseSchema}, {@link ParseSchema}, {@link StandardSchemaLike} or {@link JsonSchema}. */
export type ConfigSchema = SafeParseSchema | ParseSchema | StandardSchemaLike | JsonSchema;

/** A compiled schema: the issues of a config, none when it is valid. */
export type ConfigValidator = (data: Readonly<Record<string, unknown>>) => ValidationIssue[] | Promise<ValidationIssue[]>;

export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
}

/** Turns any {@link ConfigSchema} into a {@link ConfigValidator}. */
export function compileValidator(schema: ConfigSchema): ConfigValidator {
  if (hasMethod(schema, "safeParse")) {
    return (data) => {
      const outcome = (schema as SafeParseSchema).safeParse(data);
      return outcome.success ? [] : issuesOfThrown(outcome.error);
    };
  }
  if (typeof schema === "object" && schema !== null && "~standard" in schema) {
    return async (data) => issuesOfStandard(await (schema as StandardSchemaLike)["~standard"].validate(data));
  }
  if (hasMethod(schema, "parse")) {
    return (data) => {
      try {
        (schema as ParseSchema).parse(data);
        return [];
      } catch (error) {
        return issuesOfThrown(error);
      }
    };
  }
  return jsonSchemaValidator(schema as JsonSchema);
}

function hasMethod(value: unknown, name: string): boolean {
  return typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)[name] === "function";
}

let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

function jsonSchemaValidator(schema: JsonSchema): ConfigValidator {
  // strict: false so TypeBox's and other vendors' extra keywords are ignored rather than rejected.
  ajv ??= new Ajv({ allErrors: true, strict: false });
  const key = typeof schema === "object" ? schema : { schema };
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  const fn = validate;
  return (data) => (fn(data) ? [] : (fn.errors ?? []).map((e) => ajvIssue(e, data)));
}

function ajvIssue(error: ErrorObject, data: unknown): ValidationIssue {
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required" && typeof params["missingProperty"] === "string") {
    return { path: [...segments, params["missingProperty"]].join("."), message: "is required" };
  }
  if (error.keyword === "additionalProperties" && typeof params["additionalProperty"] === "string") {
    return { path: [...segments, params["additionalProperty"]].join("."), message: "is not allowed by the schema" };
  }
  const got = segments.reduce<unknown>((node, s) => (node as Record<string, unknown> | undefined)?.[s], data);
  return { path: segments.join("."), message: `${error.message ?? "is invalid"} (got ${JSON.stringify(got)})` };
}

/** zod-style errors carry `issues: [{ path, message }]`; anything else becomes one issue. */
function issuesOfThrown(error: unknown): ValidationIssue[] {
  const issues = (error as { issues?: unknown } | null | undefined)?.issues;
  if (Array.isArray(issues) && issues.length > 0) return issues.map(toIssue);
  const message = error instanceof Error ? error.message : String(error);
  return [{ path: "", message }];
}

function issuesOfStandard(outcome: unknown): ValidationIssue[] {
  const issues = (outcome as { issues?: unknown } | null | undefined)?.issues;
  return Array.isArray(issues) ? issues.map(toIssue) : [];
}

function toIssue(raw: unknown): ValidationIssue {
  const issue = raw as { path?: unknown; message?: unknown };
  const path = Array.isArray(issue.path)
    ? issue.path.map((p: unknown) => String(typeof p === "object" && p !== null && "key" in p ? p.key : p)).join(".")
    : "";
  return { path, message: typeof issue.message === "string" ? issue.message : "is invalid" };
}
