/**
 * Finds the file a `_target_`'s module names, from the app's directory, the way an `import` in a file
 * there would: relative paths against the directory (with TypeScript's `.js` → `.ts` spelling, for
 * apps run with tsx), bare names through `node_modules` and the package's `exports` (`import`
 * condition first), `node:` built-ins as they are.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** What to give `import()`: a file URL, or a built-in's name. Undefined when nothing matches. */
export function resolveModule(specifier: string, baseDir: string): string | undefined {
  if (specifier.startsWith("node:") || builtinModules.includes(specifier)) return specifier;
  if (specifier.startsWith("file:")) return specifier;
  if (/^\.{0,2}\//.test(specifier) || path.isAbsolute(specifier)) return fileUrl(relativeFile(path.resolve(baseDir, specifier)));
  return fileUrl(packageFile(specifier, baseDir));
}

function fileUrl(file: string | undefined): string | undefined {
  return file === undefined ? undefined : pathToFileURL(file).href;
}

const TS_TWINS: Record<string, string[]> = { ".js": [".ts", ".tsx"], ".mjs": [".mts"], ".cjs": [".cts"], ".jsx": [".tsx"] };

/** The file itself, or its TypeScript source when the `.js` is not built (tsx apps import `./x.js`). */
function relativeFile(file: string): string | undefined {
  if (isFile(file)) return file;
  const ext = path.extname(file);
  for (const twin of TS_TWINS[ext] ?? []) {
    const candidate = file.slice(0, -ext.length) + twin;
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** `pkg`, `pkg/sub`, `@scope/pkg/sub`: the package dir up the tree, then its exports (ESM conditions). */
function packageFile(specifier: string, baseDir: string): string | undefined {
  const parts = specifier.split("/");
  const nameLength = specifier.startsWith("@") ? 2 : 1;
  const name = parts.slice(0, nameLength).join("/");
  const subpath = ["."].concat(parts.slice(nameLength)).join("/");
  for (let dir = baseDir; ; dir = path.dirname(dir)) {
    const pkgDir = path.join(dir, "node_modules", name);
    if (existsSync(path.join(pkgDir, "package.json"))) return entryOf(pkgDir, subpath) ?? viaRequire(specifier, baseDir);
    if (path.dirname(dir) === dir) return viaRequire(specifier, baseDir);
  }
}

type Exports = string | null | Exports[] | { [key: string]: Exports };

function entryOf(pkgDir: string, subpath: string): string | undefined {
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { exports?: Exports; main?: string };
  if (pkg.exports === undefined) return subpath === "." ? relativeFile(path.join(pkgDir, pkg.main ?? "index.js")) : relativeFile(path.join(pkgDir, subpath));
  const target = pickCondition(subpathTarget(pkg.exports, subpath));
  return target === undefined ? undefined : relativeFile(path.join(pkgDir, target));
}

/** The `exports` entry for a subpath: a string or conditions map, or a `./x/*` pattern. */
function subpathTarget(exports: Exports, subpath: string): Exports | undefined {
  const isMap = exports !== null && typeof exports === "object" && !Array.isArray(exports) && Object.keys(exports).some((k) => k.startsWith("."));
  if (!isMap) return subpath === "." ? exports : undefined;
  const map = exports as { [key: string]: Exports };
  if (subpath in map) return map[subpath];
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf("*");
    if (star === -1 || !subpath.startsWith(key.slice(0, star)) || !subpath.endsWith(key.slice(star + 1))) continue;
    const matched = subpath.slice(star, subpath.length - (key.length - star - 1));
    return substitute(value, matched);
  }
  return undefined;
}

function substitute(value: Exports, matched: string): Exports {
  if (typeof value === "string") return value.replaceAll("*", matched);
  if (Array.isArray(value)) return value.map((v) => substitute(v, matched));
  if (value === null) return null;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, matched)]));
}

const CONDITIONS = ["import", "node", "default"];

function pickCondition(target: Exports | undefined): string | undefined {
  if (target === undefined || target === null) return undefined;
  if (typeof target === "string") return target;
  if (Array.isArray(target)) {
    for (const t of target) {
      const picked = pickCondition(t);
      if (picked !== undefined) return picked;
    }
    return undefined;
  }
  for (const [condition, value] of Object.entries(target)) if (CONDITIONS.includes(condition)) return pickCondition(value);
  return undefined;
}

/** What CommonJS would load: for packages the ESM reading above cannot place (self-references, odd layouts). */
function viaRequire(specifier: string, baseDir: string): string | undefined {
  try {
    return createRequire(path.join(baseDir, "__hydrant_instantiate__.js")).resolve(specifier);
  } catch {
    return undefined;
  }
}
