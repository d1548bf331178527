/** The sweeper plugin contract. */
import type { ConfigDict } from "../config/node.js";

export interface SweepContext {
  /** The master config composed in MULTIRUN mode (hydra node included). */
  master: ConfigDict;
  /** The task overrides of the command line (`hydra.overrides.task`). */
  taskOverrides: readonly string[];
  /** Options of a config group, for `glob()`. */
  listOptions(group: string): string[];
}

/**
 * A sweeper turns the command line into jobs. `jobs()` is lazy and re-iterable (same order each time)
 * so that a resume can walk the same grid; `total()` counts without storing.
 */
export interface Sweeper {
  jobs(): Iterable<string[]>;
  total(): number;
}

/** A sweeper as registered with {@link registerSweeper}: its name, config node, and a factory. */
export interface SweeperPlugin {
  /** Option name in the `hydra/sweeper` group. */
  name: string;
  /** `_target_` of its config node: how a composed config names it. */
  target: string;
  /** The `hydra/sweeper/<name>` config node (plain data). */
  configNode: Record<string, unknown>;
  create(ctx: SweepContext): Sweeper;
}
