/**
 * Applies a list function override (`key=extend_list(4,5)`, `key=pop_list(0)`, …) to the list already at
 * `key`. Hydra's main branch has `extend_list`; the other edits are hydrant's. Each edit needs an existing
 * list: there is nothing to edit otherwise, and the error says what is at the key instead.
 */
import { ConfigList, isDict, type ConfigValue } from "../config/node.js";
import { selectNode } from "../config/path.js";
import { OverrideApplyError } from "../errors.js";
import { elementToConfig } from "../overrides/index.js";
import type { ListEdit, Override } from "../overrides/types.js";

/** Edits the list at the override's key in place. */
export function applyListEdit(o: Override & { value: ListEdit }, cfg: ConfigValue): void {
  const key = o.keyOrGroup;
  const fail = (why: string): never => {
    throw new OverrideApplyError(`Could not apply '${o.inputLine}': ${why}`, { override: o.inputLine, key });
  };
  if (o.type !== "change") fail(`a list function edits an existing list; write it without '${o.type === "delete" ? "~" : "+"}': ${key}=…`);
  const found = selectNode(cfg, key);
  if (!found.found) fail(`there is no '${key}' in the config to edit.`);
  const list = found.value ?? null;
  if (!(list instanceof ConfigList)) fail(`'${key}' is ${formatKind(list)}, not a list.`);
  editList((list as ConfigList).items, o.value, fail);
}

function editList(items: ConfigValue[], edit: ListEdit, fail: (why: string) => never): void {
  const values = edit.values.map(elementToConfig);
  switch (edit.op) {
    case "extend":
      items.push(...values);
      return;
    case "prepend":
      items.unshift(...values);
      return;
    case "insert":
      items.splice(position(edit.index ?? 0, items.length, items.length, fail), 0, ...values);
      return;
    case "pop":
      items.splice(position(edit.index ?? -1, items.length, items.length - 1, fail), 1);
      return;
    case "remove":
      for (const v of values) {
        const at = items.findIndex((x) => sameScalar(x, v));
        if (at < 0) fail(`${JSON.stringify(v)} is not in the list (${items.length} items).`);
        items.splice(at, 1);
      }
  }
}

/** Python's index rules (negative counts from the end); out of range is an error, never a silent clamp. */
function position(index: number, length: number, last: number, fail: (why: string) => never): number {
  const at = index < 0 ? index + length : index;
  if (at < 0 || at > last) fail(`index ${index} is out of range for a list of ${length} item${length === 1 ? "" : "s"}.`);
  return at;
}

function sameScalar(a: ConfigValue, b: ConfigValue): boolean {
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return a === b || (a !== null && b !== null && typeof a !== "string" && typeof b !== "string" && Number(a) === Number(b));
}

function formatKind(v: ConfigValue): string {
  if (v === null) return "null";
  if (isDict(v)) return "a dict";
  return `the value ${JSON.stringify(String(v))}`;
}
