/**
 * A spec's runs, in order: the grid of its sweep (last key varies fastest), or one per listed config.
 * The grid is the multirun's lazy one (src/sweep/grid.ts): its size is the product of the axes'
 * lengths and its runs are made one at a time, so a 10⁹-run spec costs what a 10-run one costs
 * until its runs start.
 */
import type { PlainValue } from "../../config/node.js";
import { gridProduct, productSize, type SweepDimension } from "../../sweep/grid.js";
import type { ExperimentSpec, RunPlan, SweepAxis } from "./types.js";

/** A spec's runs: how many, counted without making them, and the runs themselves, made as they are read. */
export interface RunGrid {
  total: number;
  /** Re-iterable: every call starts again from run 0. */
  plans(): Iterable<RunPlan>;
}

export function runGrid(spec: ExperimentSpec): RunGrid {
  const configs = spec.configs;
  if (configs) return { total: configs.length, plans: () => configs.map((source, num) => ({ num, source, values: {} })) };
  const base = spec.baseConfig as string;
  const dims = dimensions(spec.sweep);
  return { total: productSize(dims), plans: () => ({ [Symbol.iterator]: () => plansOf(dims, base) }) };
}

/** One row of a dimension: the value of each of its keys (one key, or a zip group's keys). */
type Row = readonly (readonly [string, PlainValue])[];

function* plansOf(dims: readonly SweepDimension<Row>[], source: string): Generator<RunPlan> {
  let num = 0;
  for (const rows of gridProduct(dims)) yield { num: num++, source, values: Object.fromEntries(rows.flat()) };
}

/** One dimension per swept key, or per zip group (its keys' n-th values together), at the place of its first key. */
function dimensions(axes: readonly SweepAxis[]): SweepDimension<Row>[] {
  const groups: { key: string; rows: [string, PlainValue][][] }[] = [];
  const zipped = new Map<string, (typeof groups)[number]>();
  for (const axis of axes) {
    const group = axis.zip === undefined ? undefined : zipped.get(axis.zip);
    if (group) {
      group.key += `+${axis.key}`;
      group.rows.forEach((row, i) => row.push([axis.key, axis.values[i] as PlainValue]));
      continue;
    }
    const dim = { key: axis.key, rows: axis.values.map((v): [string, PlainValue][] => [[axis.key, v]]) };
    if (axis.zip !== undefined) zipped.set(axis.zip, dim);
    groups.push(dim);
  }
  return groups.map(({ key, rows }) => ({ key, overrides: () => rows, count: () => rows.length }));
}

/** `key=value` as the runs table and the manifest's `overrides` show a run's values. */
export function formatValue(v: PlainValue): string {
  return typeof v === "string" ? v : JSON.stringify(v);
}

export function valuesAsOverrides(values: Record<string, PlainValue>): string[] {
  return Object.entries(values).map(([k, v]) => `${k}=${formatValue(v)}`);
}
