/**
 * What the process that owns a run does around it, as Hydra's `run()` / `multirun()`: configure
 * `hydra/hydra_logging`, build the callbacks, then `onComposeConfig`, `onRunStart`/`onRunEnd` or
 * `onMultirunStart`/`onMultirunEnd`. The job events happen where each job runs (see job.ts).
 */
import type { ConfigDict } from "../config/node.js";
import { configureHydraLogging } from "../logging/hydra.js";
import type { LoggingSession } from "../logging/configure.js";
import type { JobOutcome, PreparedJob } from "../core/launcher.js";
import { callbackConfig, callbacksOf, type Callbacks } from "./callbacks.js";
import { jobReturnOf } from "./job.js";
import type { CallbackConfig, MultirunJob } from "./types.js";

export interface RunObserver {
  runStart(): Promise<void>;
  runEnd(job: PreparedJob, outcome: JobOutcome): Promise<void>;
  multirunStart(): Promise<void>;
  multirunEnd(sweep: { sweepDir: string; completed: number; failed: number; notRun: number; jobs: MultirunJob[] }): Promise<void>;
  /** Ends hydra_logging's configuration; call it however the run ended. */
  close(): void;
}

/**
 * Starts observing a run of `cfg` (the run's composed config, or a sweep's master config). Throws
 * when a callback's `_target_` does not resolve: the run must not start without its callbacks.
 */
export async function observeRun(cfg: ConfigDict, info: { configName?: string; overrides: string[] }): Promise<RunObserver> {
  const logging: LoggingSession = configureHydraLogging(cfg, "hydra_logging");
  let callbacks: Callbacks;
  try {
    callbacks = await callbacksOf(cfg);
  } catch (e) {
    logging.close();
    throw e;
  }
  const config: CallbackConfig | undefined = callbacks.empty ? undefined : callbackConfig(cfg);
  const runInfo = info.configName === undefined ? {} : { configName: info.configName };
  const notify: Callbacks["notify"] = async (event, c, i) => (config === undefined ? undefined : callbacks.notify(event, c, i));
  await notify("onComposeConfig", config as CallbackConfig, { ...runInfo, overrides: info.overrides });
  return {
    runStart: () => notify("onRunStart", config as CallbackConfig, runInfo),
    runEnd: (job, outcome) => notify("onRunEnd", config as CallbackConfig, { ...runInfo, jobReturn: jobReturnOf(outcome, job) }),
    multirunStart: () => notify("onMultirunStart", config as CallbackConfig, runInfo),
    // Only a callback reads the jobs: without one, a big sweep's records are never loaded.
    multirunEnd: async (sweep) => (config === undefined ? undefined : notify("onMultirunEnd", config, { ...runInfo, ...sweep })),
    close: () => logging.close(),
  };
}
