/**
 * The `yaml` package, loaded on first use. Most config files never need it (the fast reader in
 * yaml-fast.ts handles them), and evaluating it costs more than the whole CLI start-up budget allows.
 * The load stays synchronous: in the built library (CommonJS) it is a plain `require("yaml")` that
 * bundlers follow; run from source as an ES module (tests, tsx) there is no `require`, so one is made.
 */
import { createRequire } from "node:module";
import type * as YamlPackage from "yaml";

export type YamlLib = typeof YamlPackage;

let loaded: YamlLib | undefined;

export function yamlLib(): YamlLib {
  loaded ??= (typeof require === "function" ? require("yaml") : createRequire(import.meta.url)("yaml")) as YamlLib;
  return loaded;
}
