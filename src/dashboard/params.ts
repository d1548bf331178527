/**
 * The swept parameters of a sweep: the override keys whose values differ between jobs (or that the
 * sweep was started with as a sweep, `lr=0.1,0.01`), with each job's value and how to plot them.
 */
import { keyText } from "../config/dict-key.js";
import { ConfigFloat } from "../config/float.js";
import { parseOverride } from "../overrides/parser.js";
import { isSweep } from "../overrides/sweep.js";
import { QuotedString, type OverrideValue } from "../overrides/types.js";
import type { CellValue, ParamInfo, ParamKind } from "./types.js";

type KeyValue = { key: string; value: CellValue } | undefined;

/** A big sweep repeats a few override texts thousands of times: each is parsed once. */
const parsed = new Map<string, KeyValue>();
const MAX_CACHED = 100_000;

/** An override's key and value as the page shows them; undefined for a delete (`~key`). */
export function splitOverride(text: string): KeyValue {
  let kv = parsed.get(text);
  if (kv === undefined && !parsed.has(text)) {
    if (parsed.size >= MAX_CACHED) parsed.clear();
    parsed.set(text, (kv = parseKeyValue(text)));
  }
  return kv;
}

function parseKeyValue(text: string): KeyValue {
  try {
    const o = parseOverride(text);
    if (o.type === "delete" || o.value === undefined) return undefined;
    const key = o.pkg === undefined ? o.keyOrGroup : `${o.keyOrGroup}@${o.pkg}`;
    return { key, value: cellOf(o.value) };
  } catch {
    // Recorded overrides always parse; a hand-edited one is still shown, split at its first '='.
    const eq = text.indexOf("=");
    return eq < 0 ? undefined : { key: text.slice(0, eq).replace(/^[+~]+/, ""), value: text.slice(eq + 1) };
  }
}

function cellOf(v: OverrideValue): CellValue {
  if (v === null || typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  if (v instanceof ConfigFloat) return v.value;
  if (v instanceof QuotedString) return v.text;
  const plainMap = (m: Map<string, unknown>): object => Object.fromEntries([...m].map(([k, x]) => [keyText(k), x]));
  return JSON.stringify(v, (_k, x: unknown) => (x instanceof Map ? plainMap(x as Map<string, unknown>) : x instanceof QuotedString ? x.text : x));
}

/** Keys the sweep was started with as sweeps (a `,` list, `range(…)`, `choice(…)`…). */
export function sweptKeysOf(originOverrides: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const text of originOverrides) {
    try {
      const o = parseOverride(text);
      if (isSweep(o)) keys.add(o.pkg === undefined ? o.keyOrGroup : `${o.keyOrGroup}@${o.pkg}`);
    } catch {
      // Not ours to judge here; the jobs' own overrides still tell what varies.
    }
  }
  return keys;
}

/** Each param's info, from the values the jobs took; `order` fixes the column order when known. */
export function paramInfos(jobValues: ReadonlyArray<Record<string, CellValue>>, order: readonly string[]): ParamInfo[] {
  const seen = new Map<string, CellValue[]>();
  for (const k of order) seen.set(k, []);
  for (const values of jobValues) for (const [k, v] of Object.entries(values)) (seen.get(k) ?? seen.set(k, []).get(k)!).push(v);
  return [...seen].map(([key, vs]) => {
    const distinct = [...new Set(vs.map((v) => (typeof v === "number" ? v : String(v))))];
    const kind = kindOf(distinct);
    if (kind !== "categorical") (distinct as number[]).sort((a, b) => a - b);
    return { key, kind, values: distinct };
  });
}

/**
 * Numbers spaced evenly on a log scale (0.001, 0.01, 0.1) get a log axis: their log steps vary less
 * than their linear steps. Two values need a factor of 100 between them, more need 4 end to end (16, 32, 64 is log-spaced).
 */
export function kindOf(values: ReadonlyArray<number | string>): ParamKind {
  if (values.length === 0 || !values.every((v) => typeof v === "number" && Number.isFinite(v))) return "categorical";
  const xs = [...(values as number[])].sort((a, b) => a - b);
  if (xs[0] <= 0 || xs.length < 2) return "numeric";
  if (xs.length === 2) return xs[1] / xs[0] >= 100 ? "log" : "numeric";
  const logs = xs.map(Math.log);
  return spread(steps(logs)) < spread(steps(xs)) && xs[xs.length - 1] / xs[0] >= 4 ? "log" : "numeric";
}

function steps(xs: number[]): number[] {
  return xs.slice(1).map((x, i) => x - xs[i]);
}

/** Coefficient of variation: how unevenly spaced the steps are, whatever their size. */
function spread(ds: number[]): number {
  const mean = ds.reduce((a, b) => a + b, 0) / ds.length;
  if (mean === 0) return 0;
  const variance = ds.reduce((a, d) => a + (d - mean) ** 2, 0) / ds.length;
  return Math.sqrt(variance) / mean;
}
