/**
 * The `yaml` package, loaded on first use. Most config files never need it (the fast reader in
 * yaml-fast.ts handles them), and evaluating it costs more than the whole CLI start-up budget allows.
 * `createRequire` keeps the load synchronous; bundlers leave it alone, so the package is resolved from
 * node_modules (it is a dependency) only when a file needs the full reader.
 */
import { createRequire } from "node:module";
import type * as YamlPackage from "yaml";

export type YamlLib = typeof YamlPackage;

let loaded: YamlLib | undefined;

export function yamlLib(): YamlLib {
  loaded ??= createRequire(import.meta.url)("yaml") as YamlLib;
  return loaded;
}
