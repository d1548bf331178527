/** One prepared job: where it goes, the `.hydra/` files it leaves, running it where it stands. */
export { executeJob, expandPlaceholders } from "./executor.js";
export { runDirOf, sweepDirOf, writeHydraFiles } from "./job-dirs.js";
export { errorText } from "./error-text.js";
