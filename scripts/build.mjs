// Builds the `hydrant` bin and the library.
//
// Start-up is a feature. The bin's common path (the Hydra app command line: compose, print, run a sweep)
// is ONE CommonJS file, dist/cli-main.cjs: no ES module graph to resolve and link, and V8 can cache its
// compiled code (dist/cli.js, a few lines, runs it through that cache: src/cli/compile-cache.ts). Code
// it reaches through dynamic import() (launchers, the bullmq client) is inlined but not evaluated until
// needed. The yargs subcommands and shell completion are separate ES entries under dist/lazy/, loaded
// when asked for. The library is one CommonJS bundle (see buildLibrary) that leaves its dependencies to
// node_modules, with thin ES and declaration entry files per export of package.json.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The library's entry points: dist/<name>.{cjs,mjs,d.cts,d.mts} for each, from the source module that
 * defines its exports. Adding a subpath export: one line here, one block in package.json's "exports" and
 * one in its "typesVersions" (for TypeScript's node10 resolution); test/package/exports.test.ts checks
 * that they agree.
 */
const LIBRARY = { index: "src/index.ts", spearmint: "src/spearmint/index.ts", experiment: "src/experiment/index.ts", bullmq: "src/launch/bullmq/index.ts" };

const { version, dependencies = {}, peerDependencies = {} } = JSON.parse(readFileSync("package.json", "utf8"));
const common = {
  bundle: true, platform: "node", format: "esm", target: "node20", sourcemap: false, logLevel: "warning",
  define: { HYDRANT_VERSION: JSON.stringify(version) },
};
// Redis/BullMQ stay external: only the distributed launcher needs them, and it loads them lazily. yaml
// too: most config files never need it (src/config/yaml-lib.ts), so the bin resolves it only when needed.
const external = ["bullmq", "ioredis", "yaml"];
const banner = { js: "import { createRequire as __hydrantCreateRequire } from 'node:module'; const require = __hydrantCreateRequire(import.meta.url);" };

// slurm-task: the program each SLURM array task runs (hydra/launcher=slurm), started by path.
const LAZY = { commands: "src/cli/commands.ts", completion: "src/cli/completion.ts", "slurm-task": "src/launch/slurm/task-main.ts" };
/** In the bin, `import("./commands.js")` and friends point at the separately built dist/lazy/ entries. */
const lazyEntries = {
  name: "lazy-entries",
  setup(b) {
    b.onResolve({ filter: /^\.\/(commands|completion)\.js$/ }, (args) =>
      args.kind === "dynamic-import" ? { path: `./lazy/${args.path.slice(2)}`, external: true } : undefined);
  },
};

/**
 * Node built-ins through `require` instead of `import`: an ES import of a built-in is evaluated when the
 * bin starts even when only lazily reached code uses it (child_process, crypto), and its facade reads
 * every export (fs's streams too). A require runs when the code that needs it first runs.
 */
const builtinsViaRequire = {
  name: "builtins-via-require",
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) =>
      args.namespace === "builtin" ? { path: args.path, external: true } : { path: args.path, namespace: "builtin" });
    b.onLoad({ filter: /.*/, namespace: "builtin" }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: "js" }));
  },
};

/**
 * Code run from V8's cache cannot call import() itself (Node 20 loses the module context of cached
 * code), so the bundle's dynamic imports (the lazy entries, bullmq, and the absolute file URLs of
 * callback `_target_` modules) go through `__hydrantImport`, which the bin (dist/cli.js, a plain
 * module file in the same directory) passes in: specifiers resolve the same.
 */
function routeDynamicImports(file) {
  const text = readFileSync(file, "utf8");
  const routed = text.replaceAll(/\bimport\(/g, "__hydrantImport(");
  if (routed === text) throw new Error(`${file}: expected dynamic imports to route`);
  const preamble = "var __hydrantImport = typeof __hydrantImportFromBin === 'function' ? __hydrantImportFromBin : (s) => import(s);\n";
  writeFileSync(file, routed.replace(/^(#!.*\n)?/, (shebang) => shebang + preamble));
}

rmSync("dist", { recursive: true, force: true });
// The dashboard's page: one browser script with its stylesheet inside, read by `hydrant ui` and inlined
// by `hydrant results --html`. Never loaded by the bin itself.
await build({
  entryPoints: { app: "src/dashboard/client/app.ts" }, outdir: "dist/dashboard", bundle: true, format: "iife", platform: "browser",
  target: ["chrome110", "firefox110", "safari16"], minify: true, loader: { ".css": "text" }, legalComments: "eof", logLevel: "warning",
});
await build({ ...common, entryPoints: LAZY, outdir: "dist/lazy", splitting: true, chunkNames: "chunks/[name]-[hash]", external, banner, plugins: [builtinsViaRequire] });
await build({
  ...common, format: "cjs", entryPoints: { "cli-main": "src/cli/main.ts" }, outdir: "dist", outExtension: { ".js": ".cjs" }, external, plugins: [lazyEntries],
  define: { ...common.define, "import.meta.url": "__hydrantImportMetaUrl" },
  banner: { js: "var __hydrantImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
routeDynamicImports("dist/cli-main.cjs");
// The bin is CommonJS too (an ES entry costs node its ES loader): dist/ is a CommonJS scope, with the ES
// parts marked as such (dist/lazy/, the declarations) and the library as .mjs.
await build({
  ...common, format: "cjs", entryPoints: { cli: "src/cli/boot.ts" }, outdir: "dist",
  define: { ...common.define, "import.meta.url": "__hydrantImportMetaUrl" },
  banner: { js: "var __hydrantImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
writeFileSync("dist/package.json", '{ "type": "commonjs" }\n');
writeFileSync("dist/lazy/package.json", '{ "type": "module" }\n');
chmodSync("dist/cli.js", 0o755);
await buildLibrary();
const withTypes = !process.argv.includes("--no-types");
// Declarations: dist/types/ is in dist's CommonJS scope, as the code they describe (dist/hydrant.cjs).
if (withTypes) execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json", "--emitDeclarationOnly"], { stdio: "inherit" });
const expected = ["dist/cli.js", "dist/dashboard/app.js", "dist/cli-main.cjs", "dist/lazy/commands.js", "dist/hydrant.cjs"];
for (const name of Object.keys(LIBRARY)) expected.push(`dist/${name}.cjs`, `dist/${name}.mjs`, ...(withTypes ? [`dist/${name}.d.cts`, `dist/${name}.d.mts`, typesOf(LIBRARY[name])] : []));
for (const f of expected) if (!existsSync(f)) throw new Error(`build produced no ${f}`);

/**
 * The library, for `require` and `import` alike, is ONE CommonJS bundle, dist/hydrant.cjs, holding every
 * entry of LIBRARY as a namespace: one copy of the module state (config store, resolver and launcher
 * registries) however a program reaches it, and through how many subpaths. Each entry gets a CommonJS
 * file that picks its namespace and an ES file that re-exports its names (listed here, from the bundle
 * itself). Dependencies stay in node_modules, loaded by plain require() calls bundlers can follow.
 */
async function buildLibrary() {
  const lines = Object.entries(LIBRARY).map(([name, src]) => `export * as ${name} from ${JSON.stringify(`./${src}`)};`);
  await build({
    // Runtime and peer dependencies stay in node_modules; the small ES-only helpers among the dev
    // dependencies (get-east-asian-width) go inside, so that require() never meets an ES module.
    ...common, format: "cjs", external: [...Object.keys(dependencies), ...Object.keys(peerDependencies)], outfile: "dist/hydrant.cjs",
    stdin: { contents: lines.join("\n"), resolveDir: process.cwd(), sourcefile: "hydrant-library.ts", loader: "ts" },
    define: { ...common.define, "import.meta.url": "__hydrantImportMetaUrl" },
    // An app that bundles hydrant into an ES module has no __filename: then the library does not know
    // where it lies (only starting a background experiment needs to), but it loads.
    banner: { js: "var __hydrantImportMetaUrl = typeof __filename === 'string' ? require('node:url').pathToFileURL(__filename).href : undefined;" },
  });
  const bundle = createRequire(path.resolve("dist/hydrant.cjs"))(path.resolve("dist/hydrant.cjs"));
  for (const [name, src] of Object.entries(LIBRARY)) {
    const names = Object.keys(bundle[name]).sort();
    const types = `./${path.relative("dist", typesOf(src))}`.replace(/\.d\.ts$/, ".js");
    writeFileSync(`dist/${name}.cjs`, `"use strict";\nmodule.exports = require("./hydrant.cjs").${name};\n`);
    writeFileSync(`dist/${name}.mjs`, `import hydrant from "./hydrant.cjs";\n\nexport const {\n${names.map((n) => `  ${n},\n`).join("")}} = hydrant.${name};\n`);
    for (const ext of ["d.cts", "d.mts"]) writeFileSync(`dist/${name}.${ext}`, `export * from ${JSON.stringify(types)};\n`);
  }
}

/** Where tsc puts the declarations of a source module. */
function typesOf(src) {
  return path.join("dist/types", path.relative("src", src)).replace(/\.ts$/, ".d.ts");
}
