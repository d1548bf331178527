#!/usr/bin/env node
// The package as a user gets it: `npm pack`, then install the tarball into fresh projects and use it.
//
//   node test/package/run.mjs [--keep]        (after npm run build; part of npm test)
//
// - the tarball's contents, publint and @arethetypeswrong/cli on the tarball;
// - fresh ES module, CommonJS, TypeScript NodeNext / Node16 (CommonJS output) / Bundler projects
//   (test/package/fixtures/), each installing the tarball OFFLINE with an empty npm cache: hydrant's
//   runtime dependencies are packed from this repository's node_modules (what `npm ci` installed), so
//   no registry is asked. The projects have no @types/node;
// - the README's examples there: compose, main() (one run and a sweep), the hydrant bin; the subpath
//   entries hydrant/spearmint, hydrant/experiment and hydrant/bullmq from each kind of project;
// - the TypeScript projects compiled with TypeScript 5 and 7, with and without skipLibCheck, and run;
// - an app bundled with esbuild for node, run from a folder without node_modules.
// Ends with "N passed, M failed"; exits non-zero when anything failed. --keep leaves the temp folder.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixtures = path.join(root, "test/package/fixtures");
const tmp = mkdtempSync(path.join(os.tmpdir(), "hydrant-package-"));
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const TSC = { "ts5": path.join(root, "node_modules/typescript/bin/tsc"), "ts7": path.join(root, "node_modules/typescript-7/bin/tsc") };
const LONG = 300_000; // a loaded 2-core machine: generous limits, never a timing assertion
const results = [];

/** Runs a command; resolves with its exit code and output (never rejects). */
function run(cmd, args, { cwd = tmp, env = {}, timeout = LONG } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: cleanEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeout);
    child.on("error", (err) => (stderr += String(err)));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr, what: `${path.basename(cmd)} ${args.join(" ")}` });
    });
  });
}

/** npm run sets npm_* variables (cache, prefix, …) meant for this repository, not for the fresh projects. */
function cleanEnv(extra) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, NO_COLOR: "1", HYDRANT_COMPILE_CACHE: "0", ...extra };
}

async function check(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name}`);
  } catch (err) {
    results.push({ name, ok: false });
    console.log(`  FAIL ${name}\n${String(err?.message ?? err).replace(/^/gm, "       ")}`);
  }
}

/** Throws with the command's output unless it exited 0; returns its stdout. */
function ok(r) {
  if (r.code !== 0) throw new Error(`${r.what} exited ${r.code}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return r.stdout;
}

function expectIn(text, ...needles) {
  for (const n of needles) if (!text.includes(n)) throw new Error(`expected ${JSON.stringify(n)} in:\n${text.slice(0, 3000)}`);
}

/** The composed README config, as every project must print it. */
const COMPOSED = { db: { driver: "postgres", port: 5432, replica_port: 5432, motd: "hello\nfrom postgres\n" }, seed: 0, area: 12 };
function expectComposed(stdout) {
  // The TypeScript programs print `JSON true` (the config and that toYaml gave text).
  const line = stdout.trim().split("\n")[0];
  if (line.endsWith(" false")) throw new Error(`toYaml gave no text: ${line}`);
  const got = JSON.parse(line.replace(/ true$/, ""));
  if (JSON.stringify(got) !== JSON.stringify(COMPOSED)) throw new Error(`composed ${JSON.stringify(got)}, expected ${JSON.stringify(COMPOSED)}`);
}

/** What every project's subpaths program prints (src/subpaths.js or .ts of each fixture project). */
function expectSubpaths(stdout) {
  const got = stdout.trim().split("\n")[0];
  if (got !== '{"configs":6,"shared":true,"functions":true}') throw new Error(`subpaths printed ${got}`);
}

/** The runtime dependency closure of the package, as folders of this repository's node_modules. */
function dependencyDirs() {
  const found = new Map();
  const visit = (fromDir, deps) => {
    for (const name of Object.keys(deps ?? {})) {
      let dir;
      for (let d = fromDir; ; d = path.dirname(d)) {
        const candidate = path.join(d, "node_modules", name);
        if (existsSync(path.join(candidate, "package.json"))) { dir = candidate; break; }
        if (d === root || d === path.dirname(d)) break;
      }
      if (!dir) throw new Error(`${name} (needed by ${fromDir}) is not installed: run npm ci first`);
      if (found.has(dir)) continue;
      found.set(dir, true);
      visit(dir, JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).dependencies);
    }
  };
  visit(root, pkg.dependencies);
  return [...found.keys()];
}

async function pool(items, width, fn) {
  const queue = [...items];
  await Promise.all(Array.from({ length: width }, async () => { while (queue.length) await fn(queue.shift()); }));
}

// ---------------------------------------------------------------------------------------------

console.log(`package test in ${tmp}`);
let tarball;
let files = [];
await check("npm pack", async () => {
  const out = ok(await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], { cwd: root }));
  const [info] = JSON.parse(out);
  tarball = path.join(tmp, info.filename);
  files = info.files.map((f) => f.path);
});

await check("the tarball holds what a user needs, and no sources or tests", () => {
  const need = ["LICENSE", "README.md", "CHANGELOG.md", "package.json", "dist/cli.js", "dist/cli-main.cjs", "dist/hydrant.cjs"];
  for (const [key, target] of Object.entries(pkg.exports)) {
    const targets = typeof target === "string" ? [target] : Object.values(target).flatMap((t) => (typeof t === "string" ? [t] : Object.values(t)));
    for (const t of targets) need.push(t.replace(/^\.\//, ""));
    if (key !== "./package.json" && !targets.length) throw new Error(`exports[${key}] has no targets`);
  }
  const missing = need.filter((f) => !files.includes(f));
  if (missing.length) throw new Error(`missing from the tarball: ${missing.join(", ")}`);
  const stray = files.filter((f) => /^(src|test|bench|scripts|examples)\//.test(f));
  if (stray.length) throw new Error(`not for the tarball: ${stray.slice(0, 10).join(", ")}`);
});

await check("publint", async () => {
  const out = ok(await run(process.execPath, [path.join(root, "node_modules/publint/src/cli.js"), "run", tarball, "--strict"], { cwd: root }));
  if (/warning|error|suggestion/i.test(out.replace(/Running publint.*|All good!/g, ""))) throw new Error(out);
});

await check("@arethetypeswrong/cli (node10, node16 CJS and ESM, bundler)", async () => {
  ok(await run(process.execPath, [path.join(root, "node_modules/@arethetypeswrong/cli/dist/index.js"), tarball, "--no-definitely-typed", "--format", "table-flipped", "--no-color"], { cwd: root }));
});

// Fresh projects, installed offline: the tarball plus its runtime dependencies packed from node_modules.
const projects = readdirSync(fixtures).filter((d) => d !== "conf");
const depTarballs = path.join(tmp, "deps");
await check("pack hydrant's runtime dependencies from node_modules", async () => {
  mkdirSync(depTarballs);
  ok(await run("npm", ["pack", "--ignore-scripts", "--pack-destination", depTarballs, ...dependencyDirs()], { cwd: root }));
});
await pool(projects, 2, (name) =>
  check(`${name}: npm install --offline of the tarball (empty cache, no registry)`, async () => {
    const dir = path.join(tmp, name);
    cpSync(path.join(fixtures, name), dir, { recursive: true });
    cpSync(path.join(fixtures, "conf"), path.join(dir, "conf"), { recursive: true });
    const deps = readdirSync(depTarballs).map((f) => path.join(depTarballs, f));
    ok(await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--cache", path.join(tmp, `cache-${name}`), tarball, ...deps], { cwd: dir }));
    if (existsSync(path.join(dir, "node_modules/@types/node"))) throw new Error("@types/node got installed: the consumer must not need it");
    for (const peer of ["bullmq", "ioredis"]) if (existsSync(path.join(dir, "node_modules", peer))) throw new Error(`${peer} got installed: it is an optional peer`);
  }),
);

const inProject = (name) => ({ cwd: path.join(tmp, name) });
for (const [name, ext] of [["esm", "js"], ["cjs", "js"]]) {
  await check(`${name}: compose (README, Library API)`, async () => expectComposed(ok(await run(process.execPath, [`src/compose.${ext}`], inProject(name)))));
  await check(`${name}: main(), one run`, async () => {
    expectIn(ok(await run(process.execPath, [`src/main.${ext}`, "db=postgres", "hydra.run.dir=out/run"], inProject(name))), "job db=postgres area=12 seed=0");
    if (!existsSync(path.join(tmp, name, "out/run/.hydra/config.yaml"))) throw new Error("no out/run/.hydra/config.yaml");
  });
  await check(`${name}: main(), a sweep (--multirun)`, async () => {
    const out = ok(await run(process.execPath, [`src/main.${ext}`, "-m", "db=mysql,postgres", "+experiment=quick", "hydra.sweep.dir=out/sweep"], inProject(name)));
    expectIn(out, "job db=mysql area=12 seed=7", "job db=postgres area=12 seed=7");
  });
  await check(`${name}: hydrant/spearmint, hydrant/experiment, hydrant/bullmq (without its optional peers)`, async () =>
    expectSubpaths(ok(await run(process.execPath, [`src/subpaths.${ext}`], inProject(name)))));
  await check(`${name}: require and import share one copy of hydrant`, async () => expectIn(ok(await run(process.execPath, ["src/one-copy.js"], inProject(name))), '{"same":true}'));
}

await check("esm: the hydrant bin (npx hydrant --cfg job, and a command sweep)", async () => {
  const npx = (args) => run("npm", ["exec", "--offline", "--", "hydrant", ...args], inProject("esm"));
  expectIn(ok(await npx(["-cd", "conf", "-cn", "config", "db=postgres", "--cfg", "job"])), "driver: postgres", "replica_port: 5432", "area: ${times:3,4}");
  const out = ok(await npx(["-cd", "conf", "-cn", "config", "-m", "db=mysql,postgres", "area=1", "hydra.sweep.dir=out/bin", "--", process.execPath, "-e", "process.exit(require('fs').existsSync(process.env.HYDRANT_CONFIG) ? 0 : 3)"]));
  if (!existsSync(path.join(tmp, "esm/out/bin/1/.hydra/config.yaml"))) throw new Error(`no job dirs:\n${out}`);
});

// TypeScript: every project with both compilers, with and without skipLibCheck; the emitted code runs.
const compiles = [];
for (const name of projects.filter((p) => p.startsWith("ts-"))) for (const ts of Object.keys(TSC)) for (const skip of [false, true]) compiles.push({ name, ts, skip });
await pool(compiles, 2, ({ name, ts, skip }) =>
  check(`${name}: tsc (${ts}${skip ? ", skipLibCheck" : ""})`, async () => {
    const outDir = `dist-${ts}${skip ? "-skip" : ""}`;
    const emit = name === "ts-bundler" ? [] : ["--outDir", outDir];
    ok(await run(process.execPath, [TSC[ts], "-p", ".", "--skipLibCheck", String(skip), ...emit], inProject(name)));
  }),
);
for (const name of ["ts-nodenext", "ts-node16"]) {
  for (const ts of Object.keys(TSC)) {
    await check(`${name}: the ${ts} build runs (compose, main, the subpath entries)`, async () => {
      // configPath "../conf" is relative to the script, as Hydra's config_path: dist-*/ sits beside conf/.
      expectComposed(ok(await run(process.execPath, [`dist-${ts}/compose.js`], inProject(name))));
      expectIn(ok(await run(process.execPath, [`dist-${ts}/main.js`, "db=postgres", `hydra.run.dir=out/${ts}`], inProject(name))), "job db=postgres area=12");
      expectSubpaths(ok(await run(process.execPath, [`dist-${ts}/subpaths.js`], inProject(name))));
    });
  }
}

// Bundled with esbuild for node, run where there is no node_modules.
const { build } = await import(path.join(root, "node_modules/esbuild/lib/main.js"));
await check("esbuild bundle (node defaults, CommonJS), run without node_modules: compose, main(), a local-launcher sweep", async () => {
  const project = path.join(tmp, "ts-bundler");
  const away = path.join(tmp, "bundled-cjs");
  mkdirSync(away);
  await build({ entryPoints: [path.join(project, "src/app.ts")], bundle: true, platform: "node", outfile: path.join(away, "app.js"), logLevel: "error", absWorkingDir: project });
  cpSync(path.join(fixtures, "conf"), path.join(away, "conf"), { recursive: true });
  expectComposed(ok(await run(process.execPath, ["app.js", "compose"], { cwd: away })));
  expectIn(ok(await run(process.execPath, ["app.js", "db=postgres", "hydra.run.dir=out/run"], { cwd: away })), "job db=postgres area=12");
  const out = ok(await run(process.execPath, ["app.js", "-m", "db=mysql,postgres", "hydra/launcher=local", "hydra.sweep.dir=out/sweep"], { cwd: away }));
  expectIn(out, "job db=mysql area=12", "job db=postgres area=12");
  // The launcher asks for its shared secret first; with one given, the missing optional peer is next.
  const bullmq = await run(process.execPath, ["app.js", "-m", "db=mysql", "hydra/launcher=bullmq", "hydra.sweep.dir=out/q"], { cwd: away, env: { HYDRANT_QUEUE_SECRET: "a-test-secret-of-32-characters!!" } });
  if (bullmq.code === 0 || !bullmq.stderr.includes("npm install bullmq ioredis")) throw new Error(`hydra/launcher=bullmq without bullmq: expected the install hint, got ${bullmq.code}\n${bullmq.stderr}`);
});
await check("esbuild bundle (ES module, top-level await), run without node_modules", async () => {
  const project = path.join(tmp, "ts-bundler");
  const away = path.join(tmp, "bundled-esm");
  mkdirSync(path.join(away, "src"), { recursive: true });
  // The usual recipe for CommonJS dependencies in an ES bundle: give them a require.
  const banner = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };
  await build({ entryPoints: [path.join(project, "src/main.ts")], bundle: true, platform: "node", format: "esm", banner, outfile: path.join(away, "src/main.mjs"), logLevel: "error", absWorkingDir: project });
  cpSync(path.join(fixtures, "conf"), path.join(away, "conf"), { recursive: true });
  expectIn(ok(await run(process.execPath, ["src/main.mjs", "db=postgres", "hydra.run.dir=out/run"], { cwd: away })), "job db=postgres area=12");
});
await check("esbuild bundles (CommonJS and ES module) of the subpath entries, run without node_modules", async () => {
  const project = path.join(tmp, "ts-bundler");
  const away = path.join(tmp, "bundled-subpaths");
  mkdirSync(away);
  const banner = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };
  const entry = { entryPoints: [path.join(project, "src/subpaths.ts")], bundle: true, platform: "node", logLevel: "error", absWorkingDir: project };
  await build({ ...entry, outfile: path.join(away, "subpaths.cjs") });
  await build({ ...entry, format: "esm", banner, outfile: path.join(away, "subpaths.mjs") });
  for (const file of ["subpaths.cjs", "subpaths.mjs"]) expectSubpaths(ok(await run(process.execPath, [file], { cwd: away })));
});

const failed = results.filter((r) => !r.ok).length;
if (!process.argv.includes("--keep")) rmSync(tmp, { recursive: true, force: true });
console.log(`\npackage: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
