export { iterateSweepJobs, planSweep, type SweepJobView, type SweepJobsArgs, type SweepPlan } from "./plan.js";
export { BasicSweeper, basicSweeperPlugin, sweepDimensions } from "./basic.js";
export { cartesianProduct, productSize, type SweepDimension } from "./grid.js";
export type { SweepContext, Sweeper, SweeperPlugin } from "./types.js";
