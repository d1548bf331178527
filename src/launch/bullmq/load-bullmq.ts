/**
 * Loads bullmq on first use only (the CLI never pays for it otherwise) and its Redis client, ioredis,
 * up front: bullmq 6 treats it as optional and would otherwise fail deep inside a connection. Both are
 * optional peer dependencies of hydrant, so a missing one gets the install command. Each import ends
 * in a catch so that a bundler which cannot find the package leaves the failure to run time, here.
 */
import { LaunchError } from "../../errors.js";

type Bullmq = typeof import("bullmq");
let loaded: Promise<Bullmq> | undefined;

export function loadBullmq(): Promise<Bullmq> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<Bullmq> {
  try {
    await import("ioredis").catch(explainMissing("ioredis"));
    return await import("bullmq").catch(explainMissing("bullmq"));
  } catch (err) {
    loaded = undefined;
    throw err;
  }
}

/** Turns "cannot find the package" into what to install; any other failure stays as it is. */
function explainMissing(pkg: string): (err: unknown) => never {
  return (err) => {
    const code = (err as { code?: unknown } | null)?.code;
    const notFound = (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && String((err as Error).message).includes(pkg);
    if (!notFound) throw err;
    throw new LaunchError(`The bullmq launcher needs the '${pkg}' package: install it next to hydrant (npm install bullmq ioredis).`, { key: "hydra/launcher" });
  };
}
