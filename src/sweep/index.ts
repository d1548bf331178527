export { BasicSweeper, basicSweeperPlugin, sweepDimensions } from "./basic-sweeper.js";
export { cartesianProduct, gridProduct, productSize, type SweepDimension } from "./grid.js";
