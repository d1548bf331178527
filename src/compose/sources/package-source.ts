/**
 * `pkg://name/dir`: configs shipped inside an installed npm package (Hydra's `pkg://module.path`).
 * The package is resolved from the current directory the way `import` would find it.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { isSafeConfigPath } from "./config-source.js";
import { FileConfigSource } from "./file-source.js";

/** Splits `@scope/name/dir/sub` or `name/dir` into the package name and the dir inside it. */
export function splitPackageSpec(spec: string): { name: string; dir: string } {
  const parts = spec.split("/").filter((s) => s !== "");
  const nameParts = parts[0]?.startsWith("@") ? 2 : 1;
  return { name: parts.slice(0, nameParts).join("/"), dir: parts.slice(nameParts).join("/") };
}

/** The root directory of an installed package, or undefined when it cannot be found. */
export function findPackageRoot(name: string, fromDir: string): string | undefined {
  const req = createRequire(path.join(fromDir, "__hydrant_resolve__.js"));
  try {
    return path.dirname(req.resolve(`${name}/package.json`));
  } catch {
    // package.json may be hidden by an "exports" map: resolve the entry point and walk up instead.
  }
  try {
    let dir = path.dirname(req.resolve(name));
    for (;;) {
      const pj = path.join(dir, "package.json");
      if (existsSync(pj) && (JSON.parse(readFileSync(pj, "utf8")) as { name?: string }).name === name) return dir;
      const up = path.dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  } catch {
    return undefined;
  }
}

export class PackageConfigSource extends FileConfigSource {
  override readonly scheme = "pkg";
  override readonly path: string;

  constructor(provider: string, spec: string, fromDir: string = process.cwd()) {
    const { name, dir } = splitPackageSpec(spec);
    const root = isSafeConfigPath(dir) ? findPackageRoot(name, fromDir) : undefined;
    // An unresolvable package becomes a source that is simply not available (Hydra warns, not fails).
    super(provider, root ? path.join(root, dir) : path.join(fromDir, "node_modules", "\0missing", spec));
    this.path = spec;
  }
}
