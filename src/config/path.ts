/**
 * OmegaConf's dotted keys: `a.b`, `a[0]`, `a.b[1].c`, `a[b]`, and the operations on them that never
 * resolve interpolations: select (`OmegaConf.select`), update (`OmegaConf.update`) and delete. Also
 * getPath/setPath, the lenient pair hydrant uses on the keys of its own `hydra` node.
 */
import { ConfigKeyError } from "../errors.js";
import { mergeInto, notInStruct } from "./merge.js";
import { cloneValue, ConfigDict, ConfigList, isDict, isInterpolation, type ConfigContainer, type ConfigValue } from "./node.js";

const KEY_PATH_HEAD = /^\.*[^.[]*/;
const KEY_PATH_OTHER = /\.([^.[]*)|\[(.*?)\]/g;

/**
 * Split a key into its parts, like OmegaConf's split_key: `a.b[1].c` -> ["a", "b", "1", "c"],
 * `[a].b` -> ["a", "b"], `.a` -> ["", "a"]. Parts are strings; lists read them as indices.
 */
export function parseKeyPath(key: string): string[] {
  const head = KEY_PATH_HEAD.exec(key)![0];
  const tokens = head.split(".");
  if (head.length === key.length) return tokens;
  // `[a]` or `..[a]`: the bracket starts the next part, it does not end an empty one.
  if (key[head.length] === "[" && tokens[tokens.length - 1] === "") tokens.pop();
  for (const m of key.slice(head.length).matchAll(KEY_PATH_OTHER)) tokens.push(m[1] || m[2] || "");
  return tokens;
}

/** Python's int(): what OmegaConf accepts as a list index. */
const INDEX_RE = /^\s*[-+]?[0-9]+(?:_[0-9]+)*\s*$/;

function listIndex(list: ConfigList, part: string, fullKey: string): number {
  if (!INDEX_RE.test(part)) {
    throw new ConfigKeyError(`Index '${part}' (str) is not an int: '${fullKey}' is a list`, { key: fullKey });
  }
  return Number(part.replace(/_/g, ""));
}

/** The child at `part`, or undefined when absent (out-of-range and negative indices included). */
function child(node: ConfigContainer, part: string, fullKey: string): ConfigValue | undefined {
  if (node instanceof ConfigDict) return node.entries.get(part);
  const i = listIndex(node, part, fullKey);
  return i < 0 || i >= node.items.length ? undefined : node.items[i];
}

/** OmegaConf's full key notation: dict keys dotted, list indices in brackets. */
function joinKey(prefix: string, parent: ConfigContainer, part: string): string {
  if (parent instanceof ConfigList) return `${prefix}[${part}]`;
  return prefix ? `${prefix}.${part}` : part;
}

export interface SelectResult {
  found: boolean;
  value?: ConfigValue;
}

export interface SelectOptions {
  /** Called for an interpolation met on the way (not at the end); return what it points to. */
  dereference?: (interpolation: string, fullKey: string) => ConfigValue | undefined;
}

/**
 * The node at `key` without resolving it (`???` and `${...}` come back as they are); "" is the root.
 * A missing key is `{ found: false }`; stepping into a scalar is an error, as in OmegaConf.
 */
export function selectNode(root: ConfigValue, key: string, options: SelectOptions = {}): SelectResult {
  // A leading dot is relative to the node selected from (here the root); each further dot goes up.
  if (key.startsWith("..")) {
    throw new ConfigKeyError(`Error resolving key '${key}': the root config has no parent`, { key });
  }
  const relative = key.startsWith(".") ? key.slice(1) : key;
  if (relative === "") return { found: true, value: root };
  const parts = parseKeyPath(relative);
  let node: ConfigValue = root;
  let path = "";
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!(node instanceof ConfigDict || node instanceof ConfigList)) {
      throw new ConfigKeyError(
        `Error trying to access ${key}: node \`${path}\` is not a container and thus cannot contain \`${part}\``,
        { key },
      );
    }
    const next = child(node, part, joinKey(path, node, part));
    if (next === undefined) return { found: false };
    path = joinKey(path, node, part);
    const last = i === parts.length - 1;
    node = !last && isInterpolation(next) && options.dereference ? (options.dereference(next, path) ?? next) : next;
  }
  return { found: true, value: node };
}

export interface UpdateOptions {
  /** Merge a dict/list value into an existing dict/list instead of replacing it (OmegaConf's default). */
  merge: boolean;
  /** Create whatever is missing along the way, even in struct mode (`++key=value`). */
  forceAdd: boolean;
  /** False is Hydra's struct mode: only existing keys may be set. */
  allowNewKeys: boolean;
}

/**
 * `OmegaConf.update(root, key, value, merge=..., force_add=...)`: scalars met on the way are replaced by
 * empty dicts; the value is copied in. In struct mode a key that does not exist yet is a ConfigKeyError.
 */
export function updateNode(root: ConfigDict, key: string, value: ConfigValue, options: UpdateOptions): void {
  const parts = parseKeyPath(key);
  const allowNew = options.allowNewKeys || options.forceAdd;
  let node: ConfigContainer = root;
  let path = "";
  for (const part of parts.slice(0, -1)) {
    const fullKey = joinKey(path, node, part);
    let next = child(node, part, fullKey);
    if (!(next instanceof ConfigDict || next instanceof ConfigList)) {
      next = new ConfigDict();
      setChild(node, part, next, fullKey, allowNew);
    }
    node = next;
    path = fullKey;
  }
  const last = parts[parts.length - 1]!;
  const fullKey = joinKey(path, node, last);
  const existing = child(node, last, fullKey);
  if (options.merge && existing !== undefined && mergeableInto(existing, value, fullKey)) {
    if (existing instanceof ConfigDict) mergeInto(existing, value as ConfigDict, { struct: !allowNew, path: fullKey });
    else setChild(node, last, cloneValue(value), fullKey, allowNew);
    return;
  }
  setChild(node, last, cloneValue(value), fullKey, allowNew);
}

/** Both containers: same kind merges, different kinds are OmegaConf's "Cannot merge" error. */
function mergeableInto(existing: ConfigValue, value: ConfigValue, fullKey: string): boolean {
  const isContainer = (v: ConfigValue) => v instanceof ConfigDict || v instanceof ConfigList;
  if (!isContainer(existing) || !isContainer(value)) return false;
  if ((existing instanceof ConfigDict) !== (value instanceof ConfigDict)) {
    throw new ConfigKeyError(
      `Cannot merge DictConfig with ListConfig at '${fullKey}': it holds a ${existing instanceof ConfigDict ? "mapping" : "list"} ` +
        `and the new value is a ${value instanceof ConfigDict ? "mapping" : "list"}`,
      { key: fullKey },
    );
  }
  return true;
}

function setChild(node: ConfigContainer, part: string, value: ConfigValue, fullKey: string, allowNew: boolean): void {
  if (node instanceof ConfigDict) {
    if (!allowNew && !node.entries.has(part)) throw notInStruct(part, fullKey);
    node.entries.set(part, value);
    return;
  }
  const i = listIndex(node, part, fullKey);
  if (i < 0) {
    throw new ConfigKeyError(`Negative index ${i} in '${fullKey}': list items are addressed from 0`, { key: fullKey });
  }
  if (i >= node.items.length) {
    throw new ConfigKeyError(`Index ${i} is out of range in '${fullKey}': the list has ${node.items.length} items`, { key: fullKey });
  }
  node.items[i] = value;
}

/** Remove the node at `key`; false when there is nothing there (or its parent is not a container). */
export function deleteNode(root: ConfigValue, key: string): boolean {
  const parts = parseKeyPath(key);
  const last = parts.pop()!;
  let node: ConfigValue | undefined = root;
  let path = "";
  for (const part of parts) {
    if (!(node instanceof ConfigDict || node instanceof ConfigList)) return false;
    path = joinKey(path, node, part);
    node = child(node, part, path);
  }
  if (node instanceof ConfigDict) return node.entries.delete(last);
  if (!(node instanceof ConfigList)) return false;
  const i = listIndex(node, last, joinKey(path, node, last));
  if (i < 0 || i >= node.items.length) return false;
  node.items.splice(i, 1);
  return true;
}

/**
 * The node at a plain dotted key (`hydra.job.num`), unresolved; undefined when the key is missing or
 * the path runs through something that is not a mapping. Unlike selectNode it never throws: hydrant
 * reads its own keys with it, where a user's config may have put a scalar on the way.
 */
export function getPath(root: ConfigDict, dotted: string): ConfigValue | undefined {
  let node: ConfigValue | undefined = root;
  for (const part of dotted.split(".")) {
    if (!isDict(node)) return undefined;
    node = node.get(part);
  }
  return node;
}

/**
 * Sets a plain dotted key, creating mappings on the way (over anything else there), the value itself
 * not copied: how Hydra writes into its `hydra` node under open_dict. updateNode is OmegaConf's update.
 */
export function setPath(root: ConfigDict, dotted: string, value: ConfigValue): void {
  const parts = dotted.split(".");
  let node = root;
  for (const part of parts.slice(0, -1)) {
    let next = node.get(part);
    if (!isDict(next)) {
      next = new ConfigDict();
      node.set(part, next);
    }
    node = next;
  }
  node.set(parts[parts.length - 1]!, value);
}
