/**
 * `Spearmint`: a set of expanded configs, a strategy, and the wrapped experiment functions that
 * run on them. `mint.experiment(fn)` gives a function of `fn`'s arguments minus the trailing
 * config; how many configs a call runs, and what it resolves to, is the strategy's business.
 */
import { resolve } from "node:path";
import { SpearmintError } from "../errors.js";
import { expandConfigs, type ConfigInput, type ExpandedConfigOf } from "../dynamic/expand.js";
import { Background } from "./background-work.js";
import { makeConfig, type Config } from "./config-view.js";
import { ExperimentCore, type ExperimentFunction } from "./experiment-core.js";
import { ConcurrencyLimiter } from "./limiter.js";
import { JsonlSink, type RecordSink } from "./records.js";
import { ResultSet } from "./result-set.js";
import { createRunner, type RunOptions, type Runner } from "./runner.js";
import { compileValidator, type ConfigSchema } from "./validation.js";
import { SingleConfigStrategy, type BranchResult, type Strategy, type StrategyOutput } from "./strategies.js";

/** What a Spearmint is given as configs: one config or a list, each possibly holding {@link DynamicValue}s. */
export type ConfigsInput = ConfigInput | readonly ConfigInput[];

/** A strategy's class, accepted where a strategy is: `new Spearmint({ strategy: ShadowStrategy, … })`. */
export type StrategyClass<S extends Strategy = Strategy> = new () => S;

/** Options of {@link Spearmint}: the configs, the strategy, concurrency and where runs are recorded. */
export interface SpearmintOptions<In extends ConfigsInput, S extends Strategy> {
  /** Configs, possibly with DynamicValues; expanded once, in order (the first is the main config). */
  configs: In;
  /**
   * A strategy instance, or its class (`strategy: MultiBranchStrategy`, as Python Spearmint's docs
   * pass it), built with no arguments. Default: SingleConfigStrategy (the main config only).
   */
  strategy?: S | StrategyClass<S>;
  /** Most branches running at once, across all experiments of this Spearmint (default: no limit). */
  maxConcurrency?: number;
  /** Where records go. Default: a JsonlSink in `recordDir`. `false`: memory (`mint.results`) only. */
  sink?: RecordSink | readonly RecordSink[] | false;
  /** Directory of the default JsonlSink (default: `spearmint-runs`, relative to the working directory). */
  recordDir?: string;
  /** How many records `mint.results` keeps (oldest dropped first; default 10000). */
  maxRecordsInMemory?: number;
}

/** Options of `mint.experiment(fn, options)`. */
export interface ExperimentOptions {
  /** Checked against every config before the function runs on it. */
  schema?: ConfigSchema;
  /** Name in records and tables (default: the function's name). */
  name?: string;
}

/** A function wrapped by `mint.experiment`: call it as the original (without the config argument); the strategy decides which configs run. */
export interface Experiment<Args extends unknown[], R, C, Out> {
  (...args: Args): Promise<Out>;
  readonly experimentName: string;
  readonly configs: readonly Config<C>[];
  /** Runs every config concurrently on these arguments, whatever the strategy. */
  runAll(...args: Args): Promise<BranchResult<R, C>[]>;
}

/** The inputs of an experiment function: its parameters without the trailing config. */
export type InputsOf<F> = F extends (...args: infer P) => unknown ? (P extends [...infer A, unknown] ? A : []) : never;

/** `unknown` when F's last parameter takes the config; otherwise a type naming the mistake. */
export type LastParameterAccepts<F, C> = F extends (...args: infer P) => unknown
  ? P extends [...unknown[], infer Last]
    ? [C] extends [Last]
      ? unknown
      : { "the experiment function's last parameter must accept the config": C }
    : unknown
  : unknown;

/** The config type the experiments of a Spearmint receive: `(x: string, config: MintConfig<typeof mint>)`. */
export type MintConfig<M> = M extends Spearmint<infer In, Strategy> ? Config<ExpandedConfigOf<In>> : never;

/** Where Spearmint records runs (JSON Lines) unless told otherwise. */
export const DEFAULT_RECORD_DIR = "spearmint-runs";

/** Lets `Spearmint.run` reach the machinery behind a wrapped function. */
const cores = new WeakMap<object, ExperimentCore<never, unknown, unknown>>();

/** Tries several configurations of the same code in one process: wraps functions with `experiment`, runs configs as its strategy says, records every run. */
export class Spearmint<In extends ConfigsInput = ConfigsInput, S extends Strategy = SingleConfigStrategy> {
  readonly configs: readonly Config<ExpandedConfigOf<In>>[];
  readonly strategy: Strategy;
  readonly results: ResultSet;
  readonly #background: Background;

  constructor(options: SpearmintOptions<In, S>) {
    const expanded = expandConfigs(options.configs);
    if (expanded.length === 0) {
      throw new SpearmintError(
        "Spearmint got no configs: the list is empty or a DynamicValue has no items; give at least one config",
      );
    }
    this.configs = Object.freeze(expanded.map((c, i) => makeConfig<ExpandedConfigOf<In>>(c, i)));
    rejectDuplicateIds(this.configs);
    this.strategy = strategyFrom(options.strategy);
    this.results = new ResultSet(options.maxRecordsInMemory);
    this.#background = new Background(new ConcurrencyLimiter(options.maxConcurrency), sinksFrom(options), this.results);
  }

  /** Errors thrown by record sinks; recording never fails a run. */
  get sinkErrors(): readonly unknown[] {
    return this.#background.sinkErrors;
  }

  /**
   * Wraps `fn(...args, config)` into `(...args) => Promise<…>` run under this Spearmint's strategy.
   * The config parameter may be left unannotated (`async (question: string, config) => …`) or typed
   * loosely (`config: Config`); with more than three inputs, annotate it or pass the types:
   * `mint.experiment<[string, number, number, number], R>(fn)`.
   */
  // One signature for up to three inputs: the defaults of A1..A3 give an unannotated config its
  // type in any position and F keeps the function's real arity. Overloads per arity cannot do it:
  // TypeScript fixes an unannotated parameter's type at the first overload it tries.
  experiment<
    F extends (...args: never[]) => unknown,
    A1 = Config<ExpandedConfigOf<In>>,
    A2 = Config<ExpandedConfigOf<In>>,
    A3 = Config<ExpandedConfigOf<In>>,
  >(
    fn: F & ((a1: A1, a2: A2, a3: A3, config: Config<ExpandedConfigOf<In>>) => unknown) & LastParameterAccepts<F, Config<ExpandedConfigOf<In>>>,
    options?: ExperimentOptions,
  ): Experiment<InputsOf<F>, Awaited<ReturnType<F>>, ExpandedConfigOf<In>, StrategyOutput<S, Awaited<ReturnType<F>>, ExpandedConfigOf<In>>>;
  experiment<Args extends unknown[], R>(
    fn: ExperimentFunction<Args, R, ExpandedConfigOf<In>>,
    options?: ExperimentOptions,
  ): Experiment<Args, Awaited<R>, ExpandedConfigOf<In>, StrategyOutput<S, Awaited<R>, ExpandedConfigOf<In>>>;
  experiment<Args extends unknown[], R>(
    fn: ExperimentFunction<Args, R, ExpandedConfigOf<In>> | ((config: Config<ExpandedConfigOf<In>>) => R),
    options: ExperimentOptions = {},
  ): Experiment<Args, Awaited<R>, ExpandedConfigOf<In>, StrategyOutput<S, Awaited<R>, ExpandedConfigOf<In>>> {
    type C = ExpandedConfigOf<In>;
    const name = options.name ?? (fn.name || "experiment");
    const validator = options.schema === undefined ? undefined : compileValidator(options.schema);
    const core = new ExperimentCore<Args, Awaited<R>, C>(
      name,
      this.configs,
      fn as ExperimentFunction<Args, Awaited<R>, C>,
      this.#background,
      validator,
    );
    const strategy = this.strategy;
    const background = this.#background;
    const call = (...args: Args) =>
      strategy.execute<Awaited<R>, C>({
        configs: core.configs,
        runBranch: (config, role) => core.runBranch(config, role, args, strategy.name),
        runInBackground: (config) => void background.later(() => core.runBranch(config, "variant", args, strategy.name)),
      }) as Promise<StrategyOutput<S, Awaited<R>, C>>;
    const wrapped = Object.assign(call, {
      experimentName: name,
      configs: core.configs,
      runAll: (...args: Args) =>
        Promise.all(core.configs.map((c, i) => core.runBranch(c, i === 0 ? "main" : "variant", args, "all"))),
    });
    cores.set(wrapped, core as unknown as ExperimentCore<never, unknown, unknown>);
    return wrapped;
  }

  /** Resolves once every background branch (shadow variants, un-awaited runner variants) is done and sinks are flushed. */
  drain(): Promise<void> {
    return this.#background.drain();
  }

  /**
   * Runs `body` with a runner for `experiment`: each `runner(...args)` runs the main config, then
   * every variant, whatever the strategy, and resolves to `{ mainResult, variantResults }`.
   */
  static run<Args extends unknown[], R, C, T>(
    experiment: Experiment<Args, R, C, unknown>,
    body: (runner: Runner<Args, R, C>) => T | Promise<T>,
  ): Promise<T>;
  static run<Args extends unknown[], R, C, T>(
    experiment: Experiment<Args, R, C, unknown>,
    options: RunOptions,
    body: (runner: Runner<Args, R, C>) => T | Promise<T>,
  ): Promise<T>;
  static async run<Args extends unknown[], R, C, T>(
    experiment: Experiment<Args, R, C, unknown>,
    optionsOrBody: RunOptions | ((runner: Runner<Args, R, C>) => T | Promise<T>),
    maybeBody?: (runner: Runner<Args, R, C>) => T | Promise<T>,
  ): Promise<T> {
    const [options, body] = typeof optionsOrBody === "function" ? [{}, optionsOrBody] : [optionsOrBody, maybeBody];
    const core = cores.get(experiment) as ExperimentCore<Args, R, C> | undefined;
    if (!core || !body) {
      throw new SpearmintError(
        "Spearmint.run needs a function returned by mint.experiment(...) and a callback (runner) => ...",
      );
    }
    return body(createRunner(core, options));
  }
}

/** A class is instantiated; anything that is not a strategy fails here, not at the first call. */
function strategyFrom(given: unknown): Strategy {
  if (given === undefined) return new SingleConfigStrategy();
  const strategy = typeof given === "function" && isClass(given) ? new (given as StrategyClass)() : given;
  if (!isStrategy(strategy)) {
    throw new SpearmintError(
      `Spearmint's strategy must be a strategy class or instance (e.g. MultiBranchStrategy or new ShadowStrategy()), got ${formatGiven(given)}; a strategy has a name, returns ("single" or "all") and execute(ctx)`,
      { key: "strategy" },
    );
  }
  return strategy;
}

function isClass(fn: { prototype?: unknown }): boolean {
  return typeof fn.prototype === "object" && fn.prototype !== null && typeof (fn.prototype as { execute?: unknown }).execute === "function";
}

function isStrategy(value: unknown): value is Strategy {
  if (typeof value !== "object" || value === null) return false;
  const s = value as Partial<Strategy>;
  return typeof s.execute === "function" && typeof s.name === "string" && (s.returns === "single" || s.returns === "all");
}

function formatGiven(value: unknown): string {
  if (typeof value === "function") return `the function ${value.name || "(anonymous)"}`;
  if (typeof value === "object" && value !== null) return `an object with keys ${Object.keys(value).join(", ") || "(none)"}`;
  return JSON.stringify(value) ?? String(value);
}

function sinksFrom(options: SpearmintOptions<ConfigsInput, Strategy>): RecordSink[] {
  if (options.sink === false) return [];
  if (options.sink === undefined) return [new JsonlSink(resolve(options.recordDir ?? DEFAULT_RECORD_DIR))];
  return Array.isArray(options.sink) ? [...(options.sink as readonly RecordSink[])] : [options.sink as RecordSink];
}

/** Records and tables are keyed by config id, so two configs with one id could not be told apart. */
function rejectDuplicateIds(configs: readonly Config<unknown>[]): void {
  const seen = new Map<string, number>();
  for (const config of configs) {
    const first = seen.get(config.configId);
    if (first !== undefined) {
      throw new SpearmintError(
        `Configs #${first} and #${config.index} have the same id '${config.configId}'; remove the duplicate or give each its own __config_id__`,
        { key: "__config_id__" },
      );
    }
    seen.set(config.configId, config.index);
  }
}
