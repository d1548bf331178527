/** Hydra's basic launcher: one job after the other, in this process. */
import { runPool } from "./pool.js";
import type { LauncherPlugin } from "../core/launcher.js";

export const BASIC_LAUNCHER_TARGET = "hydrant.launcher.BasicLauncher";

export const basicLauncherPlugin: LauncherPlugin = {
  name: "basic",
  target: BASIC_LAUNCHER_TARGET,
  configNode: { _target_: BASIC_LAUNCHER_TARGET },
  create: (ctx) => ({
    launch: (jobs, sink) => runPool(jobs, 1, (job) => ctx.execute(job, { onOutput: ctx.onOutput }), sink, () => ({})),
  }),
};
