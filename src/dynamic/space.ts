/**
 * A value with DynamicValues inside is a "space" of concrete values with random access by index.
 * Indexing (instead of nested loops) lets huge grids be counted and walked lazily, one config at a
 * time, and keeps the order rule in one place: in a product, the first key varies slowest.
 */
import { DynamicValueError } from "../errors.js";
import { isDynamicValue } from "./dynamic-value.js";

export interface Space {
  readonly size: number;
  at(index: number): unknown;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Deep copy of plain objects and arrays; anything else (class instances, Dates...) is shared. */
export function cloneStatic(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneStatic);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneStatic(v);
    return out;
  }
  return value;
}

function containsDynamic(value: unknown): boolean {
  if (isDynamicValue(value)) return true;
  if (Array.isArray(value)) return value.some(containsDynamic);
  if (isPlainObject(value)) return Object.values(value).some(containsDynamic);
  return false;
}

/** `where` names the value's position (e.g. `config #2, key llm.model`) for error messages. */
export function buildSpace(value: unknown, where: string): Space {
  if (!containsDynamic(value)) return { size: 1, at: () => cloneStatic(value) };
  if (isDynamicValue(value)) {
    if (value.isRange || !value.items.some(containsDynamic)) {
      return { size: value.size, at: (i) => cloneStatic(value.at(i)) };
    }
    return unionSpace(value.items.map((item, i) => buildSpace(item, `${where}[item ${i}]`)), where);
  }
  if (Array.isArray(value)) {
    const factors = value.map((v, i) => buildSpace(v, `${where}[${i}]`));
    return productSpace(factors, (parts) => parts, where);
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  const factors = keys.map((k) => buildSpace(obj[k], where ? `${where}.${k}` : k));
  return productSpace(factors, (parts) => Object.fromEntries(keys.map((k, i) => [k, parts[i]])), where);
}

/** Concatenation: the items of the first space, then those of the second, ... */
export function unionSpace(parts: readonly Space[], where: string): Space {
  const offsets: number[] = [];
  let size = 0;
  for (const part of parts) {
    offsets.push(size);
    size = checkedSize(size + part.size, where);
  }
  return {
    size,
    at(index) {
      const i = lastOffsetAtOrBelow(offsets, parts, index);
      return parts[i]!.at(index - offsets[i]!);
    },
  };
}

/** Binary search; empty parts share an offset with their successor, so skip to a non-empty one. */
function lastOffsetAtOrBelow(offsets: readonly number[], parts: readonly Space[], index: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (offsets[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  while (parts[lo]!.size === 0) lo--;
  return lo;
}

/** Cartesian product in odometer order: the last factor varies fastest. */
function productSpace(factors: readonly Space[], build: (parts: unknown[]) => unknown, where: string): Space {
  const size = factors.reduce((n, f) => checkedSize(n * f.size, where), 1);
  return {
    size,
    at(index) {
      const parts = new Array<unknown>(factors.length);
      for (let i = factors.length - 1; i >= 0; i--) {
        const factor = factors[i]!;
        parts[i] = factor.at(index % factor.size);
        index = Math.floor(index / factor.size);
      }
      return build(parts);
    },
  };
}

function checkedSize(size: number, where: string): number {
  if (!Number.isSafeInteger(size)) {
    throw new DynamicValueError(
      `${where || "The configs"} expand to more than ${Number.MAX_SAFE_INTEGER} configs; split the grid into smaller ones`,
    );
  }
  return size;
}
