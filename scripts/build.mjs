// Bundles the CLI into one file so `hydrant` starts without resolving hundreds of modules,
// and emits the library entry plus its type declarations.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, rmSync } from "node:fs";

const common = { bundle: true, platform: "node", format: "esm", target: "node20", sourcemap: false, logLevel: "warning" };
// Redis/BullMQ stay external: only the distributed launcher needs them, and it loads them lazily.
const external = ["bullmq", "ioredis"];
const banner = { js: "import { createRequire as __hydrantCreateRequire } from 'node:module'; const require = __hydrantCreateRequire(import.meta.url);" };

rmSync("dist", { recursive: true, force: true });
await build({ ...common, entryPoints: { cli: "src/cli/main.ts" }, outdir: "dist", splitting: true, chunkNames: "chunks/[name]-[hash]", external, banner });
await build({ ...common, entryPoints: { index: "src/index.ts" }, outdir: "dist", external: [...external, "yaml", "yargs", "ajv", "chalk"], packages: "external" });
chmodSync("dist/cli.js", 0o755);
if (process.argv.includes("--types") || process.env.HYDRANT_BUILD_TYPES) {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json", "--emitDeclarationOnly"], { stdio: "inherit" });
}
if (!existsSync("dist/cli.js")) throw new Error("build produced no dist/cli.js");
