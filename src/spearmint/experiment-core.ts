/**
 * One wrapped experiment function: runs it on one config as a "branch" (validate, call, time,
 * record), the unit every strategy and the runner are built from.
 */
import { performance } from "node:perf_hooks";
import type { Background } from "./background-work.js";
import type { Config } from "./config-view.js";
import { ARGS_LIMITS, RESULT_LIMITS, recordError, summarizeValue, type BranchRole, type RunRecord } from "./records.js";
import { ConfigValidationError } from "../errors.js";
import { formatIssues, type ConfigValidator } from "./validation.js";
import type { BranchResult } from "./strategies.js";

/** A function Spearmint can experiment with: its own arguments, then the config as the last one. */
export type ExperimentFunction<Args extends unknown[], R, C> = (...args: [...Args, Config<C>]) => R | Promise<R>;

export class ExperimentCore<Args extends unknown[], R, C> {
  readonly #validated = new Map<string, Promise<void>>();
  readonly #records = new WeakMap<BranchResult<R, C>, RunRecord>();

  constructor(
    readonly name: string,
    readonly configs: readonly Config<C>[],
    readonly fn: ExperimentFunction<Args, R, C>,
    readonly background: Background,
    readonly validator: ConfigValidator | undefined,
  ) {}

  /** Runs `fn(...args, config)`; never rejects. Main branches jump the concurrency queue. */
  runBranch(config: Config<C>, role: BranchRole, args: Args, strategy: string): Promise<BranchResult<R, C>> {
    const priority = role === "main" ? "high" : "low";
    return this.background.limiter.run(() => this.#execute(config, role, args, strategy), priority);
  }

  /** The record written for a branch this experiment ran. */
  recordOf(branch: BranchResult<R, C>): RunRecord | undefined {
    return this.#records.get(branch);
  }

  async #execute(config: Config<C>, role: BranchRole, args: Args, strategy: string): Promise<BranchResult<R, C>> {
    let startedAt = new Date().toISOString();
    let start = performance.now();
    let durationMs: number | undefined;
    let outcome: Pick<BranchResult<R, C>, "status" | "result" | "error">;
    try {
      await this.#validate(config);
      // Timed from here, and a synchronous result is not awaited before the clock stops: every
      // await lets sibling branches run, and their time is not this branch's.
      startedAt = new Date().toISOString();
      start = performance.now();
      const value = this.fn(...args, config);
      if (!isThenable(value)) durationMs = performance.now() - start;
      outcome = { status: "ok", result: await value };
    } catch (error) {
      outcome = { status: "error", error };
    }
    durationMs ??= performance.now() - start;
    const branch: BranchResult<R, C> = {
      config,
      configId: config.configId,
      role,
      ...outcome,
      durationMs,
      startedAt,
      finishedAt: new Date(Date.parse(startedAt) + durationMs).toISOString(),
    };
    this.#record(branch, args, strategy);
    return branch;
  }

  #record(branch: BranchResult<R, C>, args: Args, strategy: string): void {
    try {
      const record: RunRecord = {
        experiment: this.name,
        configId: branch.configId,
        configIndex: branch.config.index,
        config: branch.config.toObject() as Record<string, unknown>,
        role: branch.role,
        strategy,
        args: args.map((a) => summarizeValue(a, ARGS_LIMITS)),
        status: branch.status,
        ...(branch.status === "ok"
          ? { result: summarizeValue(branch.result, RESULT_LIMITS) }
          : { error: recordError(branch.error) }),
        durationMs: branch.durationMs,
        startedAt: branch.startedAt,
        finishedAt: branch.finishedAt,
      };
      this.#records.set(branch, record);
      this.background.record(record);
    } catch (error) {
      // A result that cannot be summarized must not turn a finished run into a failure.
      this.background.sinkErrors.push(error);
    }
  }

  /** Validates each config once per experiment; the error names the config and the fields. */
  #validate(config: Config<C>): Promise<void> {
    const validator = this.validator;
    if (!validator) return Promise.resolve();
    let pending = this.#validated.get(config.configId);
    if (!pending) {
      pending = (async () => {
        const { __config_id__: _id, ...data } = config.toObject() as Record<string, unknown>;
        const issues = await validator(data);
        if (issues.length === 0) return;
        throw new ConfigValidationError(
          `Config #${config.index} (id ${config.configId}) of experiment '${this.name}' does not match its schema: ${formatIssues(issues)}`,
          { key: issues[0]!.path || undefined, configId: config.configId, issues },
        );
      })();
      this.#validated.set(config.configId, pending);
    }
    return pending;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}
