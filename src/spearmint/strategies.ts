/**
 * Strategies decide, per call of an experiment, which configs run, how, and what the caller gets.
 * They only orchestrate: running a branch (validation, timing, recording, catching errors) is the
 * context's job, so a custom strategy cannot forget to record or leak a rejection.
 */
import type { Config } from "./config-view.js";
import type { BranchRole } from "./records.js";

/** One config's run of one call: its result or error, and timing. */
export interface BranchResult<R = unknown, C = Record<string, unknown>> {
  config: Config<C>;
  configId: string;
  role: BranchRole;
  status: "ok" | "error";
  /** Present when status is "ok". */
  result?: R;
  /** Present when status is "error": whatever the function (or validation) threw. */
  error?: unknown;
  durationMs: number;
  startedAt: string;
  finishedAt: string;
}

/** What a {@link Strategy} gets for one call: the configs and how to run them. */
export interface StrategyContext<R, C> {
  /** All expanded configs; the first is the main config. */
  readonly configs: readonly Config<C>[];
  /** Runs one config now. Never rejects: a failure is a branch with status "error". */
  runBranch(config: Config<C>, role: BranchRole): Promise<BranchResult<R, C>>;
  /** Runs a config off the caller's path; recorded when done and awaited by `mint.drain()`. */
  runInBackground(config: Config<C>): void;
}

/** Decides which configs run on a call, and what the call resolves to (main-only, shadow, multi-branch, round-robin, or your own). */
export interface Strategy {
  readonly name: string;
  /** "single": the call resolves to the function's result; "all": to every branch. */
  readonly returns: "single" | "all";
  execute<R, C>(ctx: StrategyContext<R, C>): Promise<R | BranchResult<R, C>[]>;
}

/** What calling an experiment resolves to under strategy S. */
export type StrategyOutput<S, R, C> = S extends { readonly returns: "all" } ? BranchResult<R, C>[] : R;

/** The branch's result, or its error thrown: how single-result strategies answer the caller. */
export function unwrapBranch<R, C>(branch: BranchResult<R, C>): R {
  if (branch.status === "error") throw branch.error;
  return branch.result as R;
}

/** The default: only the main (first) config runs. */
export class SingleConfigStrategy implements Strategy {
  readonly name = "single";
  readonly returns = "single" as const;
  async execute<R, C>(ctx: StrategyContext<R, C>): Promise<R> {
    return unwrapBranch(await ctx.runBranch(ctx.configs[0]!, "main"));
  }
}

/** Each call uses the next config, wrapping around: calls 1, 2, 3, 4 on 3 configs use 0, 1, 2, 0. */
export class RoundRobinStrategy implements Strategy {
  readonly name = "round-robin";
  readonly returns = "single" as const;
  #next = 0;
  async execute<R, C>(ctx: StrategyContext<R, C>): Promise<R> {
    const config = ctx.configs[this.#next % ctx.configs.length]!;
    this.#next = (this.#next + 1) % ctx.configs.length;
    return unwrapBranch(await ctx.runBranch(config, "main"));
  }
}

/**
 * The main config answers the caller; the others run in the background on the same input, their
 * results and errors only recorded (shadow traffic).
 */
export class ShadowStrategy implements Strategy {
  readonly name = "shadow";
  readonly returns = "single" as const;
  async execute<R, C>(ctx: StrategyContext<R, C>): Promise<R> {
    const main = ctx.runBranch(ctx.configs[0]!, "main");
    for (const variant of ctx.configs.slice(1)) ctx.runInBackground(variant);
    return unwrapBranch(await main);
  }
}

/** Every config runs concurrently; the call resolves to all branches, in config order. */
export class MultiBranchStrategy implements Strategy {
  readonly name = "multi-branch";
  readonly returns = "all" as const;
  execute<R, C>(ctx: StrategyContext<R, C>): Promise<BranchResult<R, C>[]> {
    return Promise.all(ctx.configs.map((c, i) => ctx.runBranch(c, i === 0 ? "main" : "variant")));
  }
}
