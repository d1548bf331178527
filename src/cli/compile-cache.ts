/**
 * Runs a CommonJS bundle with V8's code cache, so that `hydrant` does not parse and compile its own
 * code again on every start (Node 22's module.enableCompileCache, for the Node 20 we support).
 *
 * The cache is keyed by the bundle (path, size, mtime) and the Node build, lives in a per-user dir
 * (HYDRANT_COMPILE_CACHE=DIR to choose it, =0 to turn it off), and is written at exit, once the run
 * has compiled the functions it needed. V8 checks the data against the source and rejects what does
 * not match; a rejected or unreadable cache only costs the compile it was meant to save.
 */
// Named imports: the bundled bin then requires each built-in as it is, with no ES-interop wrapper to build.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { Module, createRequire } from "node:module";
import { tmpdir, userInfo } from "node:os";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";

type ModuleInternals = { _nodeModulePaths(dir: string): string[] };
/** Loads an ES module for the bundle; see the build's routeDynamicImports. */
export type ImportModule = (specifier: string) => Promise<unknown>;
type Wrapped = (exports: unknown, require: NodeRequire, module: unknown, filename: string, dirname: string, importModule: ImportModule) => void;
type ModuleCtor = (new (id: string, parent?: unknown) => NodeModule & { paths: string[] }) & ModuleInternals;
const NodeModule = Module as unknown as ModuleCtor;

export interface CompileCacheOptions {
  /** Whether this run's compiled code is worth caching: V8 caches what the run compiled, so a run
   * that stops early (--version) would leave a cache missing most of what later runs need. */
  representative: boolean;
  env?: NodeJS.ProcessEnv;
}

export function runWithCompileCache(file: string, importModule: ImportModule, options: CompileCacheOptions): void {
  const env = options.env ?? process.env;
  const cacheFile = cachePath(file, env);
  if (cacheFile === undefined) {
    createRequire(file)(file);
    return;
  }
  const cached = readIfExists(cacheFile);
  const source = stripShebang(readFileSync(file, "utf8"));
  const wrapped = `(function (exports, require, module, __filename, __dirname, __hydrantImportFromBin) { ${source}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData: cached });
  if (options.representative && (cached === undefined || script.cachedDataRejected)) process.once("exit", () => writeCache(cacheFile, script));
  const mod = new NodeModule(file);
  mod.filename = file;
  mod.paths = NodeModule._nodeModulePaths(dirname(file));
  (script.runInThisContext() as Wrapped)(mod.exports, createRequire(file), mod, file, dirname(file), importModule);
}

function cachePath(file: string, env: NodeJS.ProcessEnv): string | undefined {
  const setting = env.HYDRANT_COMPILE_CACHE;
  if (setting === "0" || setting === "false") return undefined;
  try {
    const dir = setting || defaultCacheDir();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(file);
    const key = `${file}\0${st.size}\0${st.mtimeMs}\0${process.version}\0${process.arch}\0${process.execArgv.join(" ")}`;
    return join(dir, `${basename(file)}-${fnv1a(key)}.v8cache`);
  } catch {
    return undefined;
  }
}

function defaultCacheDir(): string {
  const uid = typeof process.getuid === "function" ? process.getuid() : userInfo().username;
  return join(tmpdir(), `hydrant-compile-cache-${uid}`);
}

function readIfExists(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Atomically (write, then rename), so a concurrent start never reads half a cache. */
function writeCache(file: string, script: Script): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, file);
    pruneOldCaches(file);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing to clean up: the cache is only an optimisation.
    }
  }
}

/** How many caches of one bundle a cache dir keeps: each upgrade or rebuild of hydrant makes a new one. */
const KEPT_CACHES = 8;

/** Leaves only the newest caches of `file`'s bundle (by when they were written); the rest are stale. */
function pruneOldCaches(file: string): void {
  const dir = dirname(file);
  const prefix = `${basename(file).replace(/-[0-9a-f]{8}\.v8cache$/, "")}-`;
  const caches = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".v8cache"))
    .map((f) => ({ path: join(dir, f), written: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.written - a.written);
  for (const old of caches.slice(KEPT_CACHES)) rmSync(old.path, { force: true });
}

function stripShebang(source: string): string {
  return source.startsWith("#!") ? `//${source.slice(2)}` : source;
}

/** 32-bit FNV-1a as 8 hex digits: node:crypto would cost more start-up than the cache saves here. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
