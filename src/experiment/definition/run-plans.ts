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
  const dims = dimensions(spec.sweep);
  const size = dims.reduce((n, dim) => n * dim.rows.length, 1);
  if (size > MAX_EXPERIMENT_RUNS) {
    throw new ExperimentSpecError(`${spec.file}: its sweep grid has ${size.toPrecision(3)} runs; an experiment writes every run's config up front, so it may have at most ${MAX_EXPERIMENT_RUNS}. Split the sweep into several specs, or sweep lazily with \`hydrant -m\` (which also takes --limit).`, { file: spec.file, key: "sweep" });
  }
  return [...grid(dims)].map((values, num) => ({ num, source: base, values }));
}

/** One dimension of the grid: a swept key, or a zip group (its keys' n-th values together). */
interface Dimension {
  keys: string[];
  rows: PlainValue[][];
}

/** Each zip group becomes one dimension, at the place of its first key. */
function dimensions(axes: readonly SweepAxis[]): Dimension[] {
  const dims: Dimension[] = [];
  const zipped = new Map<string, Dimension>();
  for (const axis of axes) {
    const group = axis.zip === undefined ? undefined : zipped.get(axis.zip);
    if (group) {
      group.keys.push(axis.key);
      group.rows.forEach((row, i) => row.push(axis.values[i] as PlainValue));
      continue;
    }
    const dim = { keys: [axis.key], rows: axis.values.map((v) => [v]) };
    if (axis.zip !== undefined) zipped.set(axis.zip, dim);
    dims.push(dim);
  }
  return dims;
}

/** The cartesian product of the dimensions, as itertools.product orders it (Hydra's basic sweeper order). */
function* grid(dims: readonly Dimension[], at = 0, acc: Record<string, PlainValue> = {}): Generator<Record<string, PlainValue>> {
  if (at === dims.length) {
    yield { ...acc };
    return;
  }
  const { keys, rows } = dims[at];
  for (const row of rows) {
    const next = { ...acc };
    keys.forEach((k, i) => (next[k] = row[i] as PlainValue));
    yield* grid(dims, at + 1, next);
  }
}

/** `key=value` as the runs table and the manifest's `overrides` show a run's values. */
export function formatValue(v: PlainValue): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

export function valuesAsOverrides(values: Record<string, PlainValue>): string[] {
  return Object.entries(values).map(([k, v]) => `${k}=${formatValue(v)}`);
}
