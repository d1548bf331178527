#!/usr/bin/env node
/**
 * The `hydrant` bin as installed: a few lines that run the bundled CLI (cli-main.cjs, built from
 * main.ts) through V8's code cache. See compile-cache.ts.
 */
import { fileURLToPath } from "node:url";
import { runWithCompileCache } from "./compile-cache.js";
import { routeOf } from "./routing.js";
import { VERSION } from "./version.js";

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  // What yargs prints for it, without loading the CLI at all: a version check costs a bare start.
  process.stdout.on("error", () => {}); // a closed pipe (`| head -0`) ends it quietly
  process.stdout.write(`${VERSION}\n`);
} else {
  // The bundle's dynamic imports resolve from here: this file sits next to cli-main.cjs.
  runWithCompileCache(fileURLToPath(new URL("./cli-main.cjs", import.meta.url)), (specifier) => import(specifier), {
    representative: routeOf(argv) === "app",
  });
}
