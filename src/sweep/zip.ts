/**
 * Zipped dimensions (hydrant's `zip()`): the keys of one zip group move in lockstep, their n-th values
 * together, instead of being crossed. The group becomes one dimension of the grid, at the place of its
 * first key, so it combines with ordinary dimensions like any other (a zip of two keys × a third key).
 */
import { OverrideApplyError } from "../errors.js";
import { iterationCount, type SweepDimension } from "./grid.js";

/** A dimension and the zip group it belongs to, if any. */
export interface ZipMember {
  dim: SweepDimension;
  zip: string | undefined;
}

/** Replaces each zip group's members by one dimension; ordinary dimensions keep their places. */
export function zipDimensions(members: readonly ZipMember[]): SweepDimension[] {
  const groups = new Map<string, SweepDimension[]>();
  for (const m of members) if (m.zip !== undefined) groups.set(m.zip, [...(groups.get(m.zip) ?? []), m.dim]);
  const out: SweepDimension[] = [];
  for (const m of members) {
    if (m.zip === undefined) out.push(m.dim);
    else if (groups.get(m.zip)?.[0] === m.dim) out.push(zipped(m.zip, groups.get(m.zip)!));
  }
  return out;
}

function zipped(name: string, dims: readonly SweepDimension[]): SweepDimension {
  const count = sameCount(name, dims);
  return {
    key: dims.map((d) => d.key).join("+"),
    overrides: () => ({ [Symbol.iterator]: () => lockstep(dims) }),
    count: () => count,
  };
}

function* lockstep(dims: readonly SweepDimension[]): Generator<string[]> {
  const iters = dims.map((d) => d.overrides()[Symbol.iterator]());
  for (;;) {
    const step: string[] = [];
    for (const it of iters) {
      const r = it.next();
      if (r.done) return;
      step.push(...(typeof r.value === "string" ? [r.value] : r.value));
    }
    yield step;
  }
}

/** Every key of a zip has as many values as the others; the error names the first two that differ. */
function sameCount(name: string, dims: readonly SweepDimension[]): number {
  const counts = dims.map((d) => (d.count ? d.count() : iterationCount(d.overrides())));
  const differs = counts.findIndex((c) => c !== counts[0]);
  if (differs > 0) {
    const group = name === "" ? "zip()" : `zip(…, name=${name})`;
    throw new OverrideApplyError(
      `The keys of a ${group} must have the same number of values: '${dims[0]!.key}' has ${counts[0]}, '${dims[differs]!.key}' has ${counts[differs]}.`,
      { key: dims[differs]!.key },
    );
  }
  return counts[0] ?? 0;
}
