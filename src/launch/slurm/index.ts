/**
 * `hydra/launcher=slurm`: sweeps as SLURM job arrays, configured with submitit's option names. Loaded on
 * the first sweep that asks for it (see src/plugins/builtin-plugins.ts): composing and the bin's start-up never load it.
 */
import type { LauncherPlugin } from "../../core/launcher.js";
import { SLURM_LAUNCHER } from "./config.js";
import { createSlurmLauncher } from "./slurm-launcher.js";

export const slurmLauncherPlugin: LauncherPlugin = {
  ...SLURM_LAUNCHER,
  configNode: { ...SLURM_LAUNCHER.configNode },
  create: (ctx) => createSlurmLauncher(ctx),
};

export { parseSlurmConfig, SLURM_LAUNCHER_TARGET, type SlurmConfig } from "./config.js";
export { formatArrayScript, type ArrayScript } from "./script.js";
