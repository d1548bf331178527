/**
 * Loads bullmq on first use only (the CLI never pays for it otherwise) and checks its Redis client,
 * ioredis, up front: bullmq 6 treats it as optional and would otherwise fail deep inside a connection.
 */
import { createRequire } from "node:module";
import { LaunchError } from "../../errors.js";

type Bullmq = typeof import("bullmq");
let loaded: Promise<Bullmq> | undefined;

export function loadBullmq(): Promise<Bullmq> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<Bullmq> {
  const require = createRequire(import.meta.url);
  for (const pkg of ["bullmq", "ioredis"]) {
    try {
      require.resolve(pkg);
    } catch {
      loaded = undefined;
      throw new LaunchError(`The bullmq launcher needs the '${pkg}' package: install it next to hydrant (npm install bullmq ioredis).`, { key: "hydra/launcher" });
    }
  }
  return import("bullmq");
}
