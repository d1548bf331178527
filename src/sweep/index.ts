export { BasicSweeper, basicSweeperPlugin, sweepDimensions } from "./basic.js";
export { cartesianProduct, gridProduct, productSize, type SweepDimension } from "./grid.js";
