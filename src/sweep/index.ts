export { BasicSweeper, basicSweeperPlugin, sweepDimensions } from "./basic.js";
export { cartesianProduct, productSize, type SweepDimension } from "./grid.js";
