/**
 * `Spearmint.run`'s runner: an offline comparison that ignores the strategy. Each call runs the
 * main config, then every variant (concurrently, within the concurrency limit) on the same input.
 */
import type { ExperimentCore } from "./experiment-core.js";
import type { RunRecord } from "./records.js";
import type { BranchResult } from "./strategies.js";
import { formatComparisonTable, type TableOptions } from "./comparison-table.js";

/** Options of `Spearmint.run`. */
export interface RunOptions {
  /** Wait for the variants before a call resolves (default true); if false they finish in the background. */
  awaitVariants?: boolean;
}

/** What one call through a {@link Runner} gives: the main config's result and the variants'. */
export interface ExperimentResults<R, C> {
  mainResult: BranchResult<R, C>;
  /** In config order; empty when `awaitVariants` is false. */
  variantResults: BranchResult<R, C>[];
  /** The branches of this call side by side. */
  table(options?: TableOptions): string;
}

/** A function that runs the main config and every variant on each call (given by `Spearmint.run`). */
export interface Runner<Args extends unknown[], R, C> {
  (...args: Args): Promise<ExperimentResults<R, C>>;
  /** Every variant this runner started in the background, once all of them are done. */
  waitForVariants(): Promise<BranchResult<R, C>[]>;
}

const STRATEGY_NAME = "runner";

export function createRunner<Args extends unknown[], R, C>(
  core: ExperimentCore<Args, R, C>,
  options: RunOptions,
): Runner<Args, R, C> {
  const awaitVariants = options.awaitVariants ?? true;
  const started: Promise<BranchResult<R, C>>[] = [];

  const run = async (...args: Args): Promise<ExperimentResults<R, C>> => {
    const [main, ...variants] = core.configs;
    const mainResult = await core.runBranch(main!, "main", args, STRATEGY_NAME);
    const pending = variants.map((config) => core.runBranch(config, "variant", args, STRATEGY_NAME));
    let variantResults: BranchResult<R, C>[] = [];
    if (awaitVariants) {
      variantResults = await Promise.all(pending);
    } else {
      for (const p of pending) core.background.track(p);
      started.push(...pending);
    }
    return results(core, mainResult, variantResults);
  };

  return Object.assign(run, {
    waitForVariants: () => Promise.all(started),
  });
}

function results<Args extends unknown[], R, C>(
  core: ExperimentCore<Args, R, C>,
  mainResult: BranchResult<R, C>,
  variantResults: BranchResult<R, C>[],
): ExperimentResults<R, C> {
  return {
    mainResult,
    variantResults,
    table(options?: TableOptions) {
      const records = [mainResult, ...variantResults]
        .map((b) => core.recordOf(b))
        .filter((r): r is RunRecord => r !== undefined);
      return formatComparisonTable(records, options);
    },
  };
}
