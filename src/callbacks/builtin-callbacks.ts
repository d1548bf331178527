/**
 * Hydra's two built-in callbacks, under Hydra's names and hydrant's: log the job's return, and save
 * the job's config and return (as JSON where Hydra pickles).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getLogger, type Logger } from "../logging/logger.js";
import { registerTarget, registeredTarget, type Target } from "../instantiate/target-registry.js";
import type { Callback, CallbackConfig, JobReturn } from "./types.js";

/** Logs `Succeeded with return value: …` at INFO, or the failure at ERROR, when a job ends. */
export class LogJobReturnCallback implements Callback {
  private readonly log: Logger = getLogger("hydra.experimental.callbacks.LogJobReturnCallback");

  onJobEnd(_config: CallbackConfig, jobReturn: JobReturn): void {
    if (jobReturn.status === "completed") this.log.info(`Succeeded with return value: ${formatReturnValue(jobReturn.returnValue)}`);
    else this.log.error(jobReturn.thrown instanceof Error ? (jobReturn.thrown.stack ?? jobReturn.thrown.message) : (jobReturn.error ?? "the job failed"));
  }
}

/** Writes `config.json` when a job starts and `job_return.json` when it ends, in its `.hydra/` dir. */
export class SaveJobReturnCallback implements Callback {
  private readonly log: Logger = getLogger("hydra.experimental.callbacks.SaveJobReturnCallback");
  private dir: string | undefined;

  onJobStart(config: CallbackConfig): void {
    this.dir = filesDir(config);
    this.save("config.json", config, "job configs");
  }

  onJobEnd(config: CallbackConfig, jobReturn: JobReturn): void {
    this.dir ??= filesDir(config);
    const { thrown: _thrown, ...saved } = jobReturn;
    this.save("job_return.json", { ...saved, returnValue: saved.returnValue ?? null }, "job_return");
  }

  private save(name: string, value: unknown, what: string): void {
    const dir = this.dir as string;
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
    this.log.info(`Saving ${what} in ${file}`);
  }
}

function filesDir(config: CallbackConfig): string {
  const runtime = config.hydra?.runtime as { output_dir?: string } | undefined;
  const sub = config.hydra?.output_subdir;
  const out = runtime?.output_dir ?? process.cwd();
  return typeof sub === "string" ? path.join(out, sub) : out;
}

function formatReturnValue(value: unknown): string {
  if (value === undefined) return "None";
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const NAMES: Array<[string, Target]> = [
  ["hydra.experimental.callbacks.LogJobReturnCallback", LogJobReturnCallback],
  ["hydrant.callbacks.LogJobReturnCallback", LogJobReturnCallback],
  ["hydra.experimental.callbacks.PickleJobInfoCallback", SaveJobReturnCallback],
  ["hydrant.callbacks.SaveJobReturnCallback", SaveJobReturnCallback],
];

/** Registers the built-ins by name, leaving alone a name the user registered first. */
export function registerBuiltinCallbacks(): void {
  for (const [name, cls] of NAMES) if (!registeredTarget(name)) registerTarget(name, cls);
}
