#!/usr/bin/env node
/**
 * The `hydrant` bin as installed: a few lines that run the bundled CLI (cli-main.cjs, built from
 * main.ts) through V8's code cache. See compile-cache.ts.
 */
import { fileURLToPath } from "node:url";
import { runWithCompileCache } from "./compile-cache.js";
import { routeOf } from "./routing.js";

// The bundle's dynamic imports resolve from here: this file sits next to cli-main.cjs.
runWithCompileCache(fileURLToPath(new URL("./cli-main.cjs", import.meta.url)), (specifier) => import(specifier), {
  representative: routeOf(process.argv.slice(2)) === "app",
});
