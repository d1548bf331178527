/**
 * What a `_target_` names, and loading it: a registered name, a function value given in code, or
 * `module:Export.path` (`./models.js:MLP`, `some-package:Trainer`, `node:path:join`).
 */
import { InstantiationError } from "../errors.js";
import { registeredNames, registeredTarget, type Target } from "./target-registry.js";
import { resolveModule } from "./resolve-module.js";

export interface TargetLookup {
  /** Where relative modules and packages are resolved from. */
  baseDir: string;
  /** `"registry"`: only registered names, never an import. */
  only?: "registry";
  /** The dotted key of the node, for messages. */
  key: string;
}

const IDENTIFIER_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** `module:Export.path` split at its last colon; a path with no export means its default export. */
export function parseTargetSpec(spec: string): { module: string; exportPath: string[] } | undefined {
  const colon = spec.lastIndexOf(":");
  const tail = spec.slice(colon + 1);
  if (colon > 0 && IDENTIFIER_PATH.test(tail) && spec.slice(0, colon) !== "node") return { module: spec.slice(0, colon), exportPath: tail.split(".") };
  if (/^\.{0,2}\//.test(spec)) return { module: spec, exportPath: ["default"] };
  return undefined;
}

export async function loadTarget(target: unknown, lookup: TargetLookup): Promise<Target> {
  if (typeof target === "function") return target as Target;
  if (typeof target !== "string" || target === "") throw fail(`'_target_' must name a class or function (a string such as './models.js:MLP'); got ${JSON.stringify(target)}.`, lookup, String(target));
  const registered = registeredTarget(target);
  if (registered) return registered;
  if (lookup.only === "registry") throw fail(`'${target}' is not a registered target, and only registered targets may be built here. Registered: ${listOf(registeredNames())}.`, lookup, target);
  const spec = parseTargetSpec(target);
  if (!spec) throw fail(`'${target}' is not a registered target and names no module. Write 'module:Export' ('./models.js:MLP', 'some-package:Trainer') or register it with registerTarget('${target}', fn). Registered: ${listOf(registeredNames())}.`, lookup, target);
  const value = exportAt(await importSpec(spec.module, target, lookup), spec.exportPath);
  if (typeof value !== "function") {
    const what = value === undefined ? "does not exist" : `is a ${typeof value}, not a class or function`;
    throw fail(`'${target}': the export '${spec.exportPath.join(".")}' of '${spec.module}' ${what}.`, lookup, target);
  }
  return value as Target;
}

async function importSpec(moduleSpec: string, target: string, lookup: TargetLookup): Promise<Record<string, unknown>> {
  const url = resolveModule(moduleSpec, lookup.baseDir);
  if (url === undefined) throw fail(`'${target}': cannot find module '${moduleSpec}' from ${lookup.baseDir} (relative modules are resolved from the app's directory, packages from its node_modules).`, lookup, target);
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (e) {
    throw fail(`'${target}': loading '${moduleSpec}' failed: ${e instanceof Error ? e.message : String(e)}`, lookup, target, e);
  }
}

/** `a.b` inside a module namespace; CommonJS modules keep their exports under `default`. */
function exportAt(ns: Record<string, unknown>, exportPath: string[]): unknown {
  const [first, ...rest] = exportPath;
  let value: unknown = first in ns ? ns[first] : (ns.default as Record<string, unknown> | undefined)?.[first];
  for (const part of rest) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[part];
  return value;
}

function listOf(names: string[]): string {
  return names.length === 0 ? "none" : names.map((n) => `'${n}'`).join(", ");
}

function fail(message: string, lookup: TargetLookup, target: string, cause?: unknown): InstantiationError {
  const where = lookup.key === "" ? "" : ` (at '${lookup.key}')`;
  return new InstantiationError(`Cannot instantiate${where}: ${message}`, { key: lookup.key || undefined, target, cause });
}
