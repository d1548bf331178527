/** A spec's runs, in order: the full grid of its sweep (last key varies fastest), or one per listed config. */
import type { PlainValue } from "../../config/node.js";
import { ExperimentSpecError } from "../../errors.js";
import type { ExperimentSpec, RunPlan, SweepAxis } from "./types.js";

/**
 * Most runs one experiment may have: each run's config is written before the first one starts, so a
 * grid of 10^9 would fill memory and disk before doing anything (a `hydrant -m` sweep is lazy instead).
 */
export const MAX_EXPERIMENT_RUNS = 100_000;

export function expandRuns(spec: ExperimentSpec): RunPlan[] {
  if (spec.configs) return spec.configs.map((source, num) => ({ num, source, values: {} }));
  const base = spec.baseConfig as string;
  const size = spec.sweep.reduce((n, axis) => n * axis.values.length, 1);
  if (size > MAX_EXPERIMENT_RUNS) {
    throw new ExperimentSpecError(`${spec.file}: its sweep grid has ${size.toPrecision(3)} runs; an experiment writes every run's config up front, so it may have at most ${MAX_EXPERIMENT_RUNS}. Split the sweep into several specs, or sweep lazily with \`hydrant -m\` (which also takes --limit).`, { file: spec.file, key: "sweep" });
  }
  return [...grid(spec.sweep)].map((values, num) => ({ num, source: base, values }));
}

/** The cartesian product of the axes, as itertools.product orders it (Hydra's basic sweeper order). */
function* grid(axes: readonly SweepAxis[], at = 0, acc: Record<string, PlainValue> = {}): Generator<Record<string, PlainValue>> {
  if (at === axes.length) {
    yield { ...acc };
    return;
  }
  const { key, values } = axes[at];
  for (const v of values) yield* grid(axes, at + 1, { ...acc, [key]: v });
}

/** `key=value` as the runs table and the manifest's `overrides` show a run's values. */
export function formatValue(v: PlainValue): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

export function valuesAsOverrides(values: Record<string, PlainValue>): string[] {
  return Object.entries(values).map(([k, v]) => `${k}=${formatValue(v)}`);
}
