/** One prepared job: where it goes, the `.hydra/` files it leaves, running it where it stands. */
export { executeJob } from "./executor.js";
export { expandPlaceholders } from "./placeholders.js";
export { runDirOf, sweepDirOf, writeHydraFiles } from "./job-dirs.js";
export { formatThrown } from "./format-thrown.js";
