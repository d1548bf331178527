/** Canonical text of a parsed tree with every source position, for exact comparisons. */
import { ConfigDict, ConfigList, type ConfigValue, type NodeSource } from "../../src/config/node.js";

function formatSource(s: NodeSource | undefined): unknown {
  if (s === undefined) return null;
  return {
    keys: Object.keys(s),
    file: s.file,
    line: s.line,
    column: s.column,
    positions: s.positions ? [...s.positions].map(([k, p]) => [k, p.line, p.column, Object.keys(p)]) : null,
  };
}

function describe(v: ConfigValue): unknown {
  if (v instanceof ConfigDict) return { dict: [...v.entries].map(([k, x]) => [k, describe(x)]), source: formatSource(v.source) };
  if (v instanceof ConfigList) return { list: v.items.map(describe), source: formatSource(v.source) };
  if (typeof v === "number") return { num: Object.is(v, -0) ? "-0" : String(v) };
  return v;
}

export function treeText(v: ConfigValue): string {
  return JSON.stringify(describe(v));
}
