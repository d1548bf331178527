/**
 * "Did you mean …?" for a name that does not exist: the closest of the names that do. Shared by the
 * places that reject an unknown key (overrides, struct-mode schemas, spec fields).
 */
import { ConfigDict, type ConfigValue } from "./node.js";
import { parseKeyPath } from "./path.js";

/**
 * The candidate closest to `name`, or undefined when none is close enough to be a likely typo: at most
 * one edit for names of up to 4 characters, two up to 8, three beyond (letter case counts as no edit).
 * Ties go to the earlier candidate.
 */
export function suggestKey(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  const limit = wanted.length <= 4 ? 1 : wanted.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const d = editDistance(wanted, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: a swap of two neighbours is one edit), or
 * `cap` once it is certain to reach it, so long unrelated names cost little.
 */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
    }
    if (Math.min(...row) >= cap) return cap;
    [before, prev] = [prev, row];
  }
  return Math.min(prev[b.length], cap);
}

/**
 * The existing dotted key `key` was probably meant as (`optimizer.learnin_rate` →
 * `optimizer.learning_rate`, `optimiser.lr` → `optimizer.lr`): its first part that is not in its
 * dict replaced by the closest key there, when the rest of the path then exists. Undefined when the
 * key goes through a list or a value, or when nothing is close.
 */
export function suggestKeyPath(root: ConfigValue, key: string): string | undefined {
  const parts = parseKeyPath(key);
  let node: ConfigValue | undefined = root;
  for (let i = 0; i < parts.length; i++) {
    if (!(node instanceof ConfigDict)) return undefined;
    const next: ConfigValue | undefined = node.entries.get(parts[i]);
    if (next !== undefined) {
      node = next;
      continue;
    }
    const guess = suggestKey(parts[i], node.keys());
    if (guess === undefined) return undefined;
    const fixed = [...parts.slice(0, i), guess, ...parts.slice(i + 1)];
    return hasPath(node.entries.get(guess), parts.slice(i + 1)) ? fixed.join(".") : undefined;
  }
  return undefined;
}

function hasPath(node: ConfigValue | undefined, rest: readonly string[]): boolean {
  for (const part of rest) {
    if (!(node instanceof ConfigDict)) return false;
    node = node.entries.get(part);
  }
  return node !== undefined;
}
