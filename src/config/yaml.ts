/**
 * YAML in and out, the way Hydra reads and prints it.
 *
 * Reading follows OmegaConf's loader (PyYAML SafeLoader, YAML 1.1): `yes/no/on/off` are booleans,
 * `0x1F`/`0o`-less octal `017`/`1_000`/`1:30` are ints, `1e-5` is a float (OmegaConf's extra resolver),
 * timestamps stay strings, duplicate keys are errors, aliases are copies and `<<` merge keys work.
 * Config files go through a hand-written reader for the common subset (yaml-fast.ts); whatever it
 * does not fully support, errors included, goes through the `yaml` package, loaded lazily: it only
 * tokenizes (failsafe schema, every scalar a string) and one walk over its AST types the scalars and
 * builds ConfigDict/ConfigList with positions. Both paths build identical trees.
 */
import type { Alias, LineCounter, Scalar as YamlScalar, YAMLMap, YAMLSeq } from "yaml";
import { ConfigParseError } from "../errors.js";
import { cloneValue, ConfigDict, ConfigList, isDict, type ConfigValue, type NodeSource, type Scalar } from "./node.js";
import { syntaxError } from "./yaml-errors.js";
import { readYamlFast } from "./yaml-fast.js";
import { isStackOverflow, MAX_ALIAS_NODES, MAX_YAML_DEPTH, nodeCount, rejectNul, tooDeep } from "./yaml-limits.js";
import { yamlLib } from "./yaml-lib.js";
import { constructBool, constructFloat, constructInt, plainKind, resolvePlainScalar, yamlKeyString } from "./yaml-scalar.js";

export { toYaml } from "./yaml-dump.js";
export { formatFloat, formatYamlNumber, resolvePlainScalar } from "./yaml-scalar.js";

export interface ParseYamlOptions {
  /**
   * Extra tags this reader accepts, by tag as written (`"!sweep"`). A scalar's handler receives its
   * raw text; a mapping's or sequence's receives the built ConfigDict/ConfigList.
   */
  customTags?: Record<string, (value: ConfigValue) => ConfigValue>;
}

// The `yaml` package's node guards, through the lazy loader.
const isAlias = (node: unknown): node is Alias => yamlLib().isAlias(node);
const isScalar = (node: unknown): node is YamlScalar => yamlLib().isScalar(node);
const isMap = (node: unknown): node is YAMLMap => yamlLib().isMap(node);
const isSeq = (node: unknown): node is YAMLSeq => yamlLib().isSeq(node);

const TAG = "tag:yaml.org,2002:";
const BUILDING = Symbol("building");

type YamlNode = YamlScalar | YAMLMap | YAMLSeq | Alias;

/** Parse one YAML document into a config tree; an empty document is `null`. */
export function parseYaml(text: string, file?: string, options: ParseYamlOptions = {}): ConfigValue {
  rejectNul(text, file);
  const fast = readYamlFast(text, file);
  return fast !== undefined ? fast : parseYamlFull(text, file, options);
}

/** parseYaml through the `yaml` package only (what the fast reader must agree with). */
export function parseYamlFull(text: string, file?: string, options: ParseYamlOptions = {}): ConfigValue {
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    // resolveKnownTags off: `!!omap`, `!!timestamp`, ... reach the walk below with their tags, untouched.
    doc = parseDocument(text, {
      schema: "failsafe",
      resolveKnownTags: false,
      lineCounter,
      uniqueKeys: false,
      keepSourceTokens: false,
      prettyErrors: false,
    });
  } catch (e) {
    throw isStackOverflow(e) ? tooDeep(file) : e;
  }
  const first = doc.errors[0];
  if (first && /call stack/i.test(first.message)) throw tooDeep(file);
  if (first) throw syntaxError(doc, text, lineCounter, file);
  if (doc.contents === null) return null;
  try {
    return new TreeBuilder(text, lineCounter, file, options.customTags ?? {}).build(doc.contents as YamlNode);
  } catch (e) {
    throw isStackOverflow(e) ? tooDeep(file) : e;
  }
}

interface Entry {
  key: string;
  value: ConfigValue;
  line: number;
  column: number;
}

/** One pass over the `yaml` AST, building the config tree. */
class TreeBuilder {
  private readonly anchors = new Map<string, ConfigValue | typeof BUILDING>();
  private depth = 0;
  /** Nodes added by aliases so far, bounded so a "billion laughs" document fails at once. */
  private aliasNodes = 0;
  private readonly sizes = new WeakMap<object, number>();

  constructor(
    private readonly text: string,
    private readonly lines: LineCounter,
    private readonly file: string | undefined,
    private readonly customTags: Record<string, (value: ConfigValue) => ConfigValue>,
  ) {}

  build(node: YamlNode | null): ConfigValue {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return this.alias(node);
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) this.anchors.set(anchor, BUILDING);
    let value: ConfigValue;
    if (isScalar(node)) value = this.scalar(node);
    else if (isMap(node) || isSeq(node)) value = this.collection(node);
    else throw this.error(`unsupported YAML node`, node);
    if (anchor) this.anchors.set(anchor, value);
    return value;
  }

  private collection(node: YAMLMap | YAMLSeq): ConfigValue {
    if (++this.depth > MAX_YAML_DEPTH) {
      const pos = this.pos(node);
      throw tooDeep(this.file, pos.line, pos.column);
    }
    try {
      if (isSeq(node) && isPairsTag(node.tag)) return this.pairs(node);
      return isMap(node) ? this.tagged(node, this.map(node), "map") : this.tagged(node, this.seq(node as YAMLSeq), "seq");
    } finally {
      this.depth--;
    }
  }

  private alias(node: Alias): ConfigValue {
    const target = this.anchors.get(node.source);
    if (target === undefined) throw this.error(`unknown alias *${node.source}`, node, `define the anchor &${node.source} before using it`);
    if (target === BUILDING) throw this.error(`recursive alias *${node.source}`, node, "an alias cannot refer to the node that contains it");
    this.aliasNodes += nodeCount(target, this.sizes);
    if (this.aliasNodes > MAX_ALIAS_NODES) {
      throw this.error(`aliases expand to more than ${MAX_ALIAS_NODES} nodes`, node, "aliases of aliases multiply (a \"billion laughs\" document); write the values out or use interpolations like ${a.b}");
    }
    // PyYAML shares the object; OmegaConf then copies it into separate nodes, so a copy is what users see.
    return cloneValue(target);
  }

  private scalar(node: YamlScalar): ConfigValue {
    const text = String(node.value);
    const tag = node.tag;
    if (tag === undefined) {
      if (node.type !== "PLAIN") return text;
      const value = resolvePlainScalar(text);
      if (value === undefined) {
        throw this.error(`unquoted '${text}'`, node, `YAML 1.1 readers reject it as a value; write '${text}' in quotes`);
      }
      return value;
    }
    if (tag === "!" || tag === `${TAG}str`) return text;
    const typed = this.typedScalar(tag, text, node);
    if (typed !== undefined) return typed;
    const custom = this.customTags[tag];
    if (custom) return custom(text);
    throw this.unknownTag(tag, node);
  }

  private typedScalar(tag: string, text: string, node: YamlNode): Scalar | undefined {
    let value: Scalar | undefined;
    if (tag === `${TAG}null`) return null;
    if (tag === `${TAG}int`) value = constructInt(text);
    else if (tag === `${TAG}float`) value = constructFloat(text);
    else if (tag === `${TAG}bool`) value = constructBool(text);
    else if (tag === `${TAG}map` || tag === `${TAG}seq`) {
      throw this.error(`!!${tag.slice(TAG.length)} on the scalar '${text}'`, node, "only a collection can take this tag");
    } else return undefined;
    if (value === undefined) throw this.error(`invalid !!${tag.slice(TAG.length)} value '${text}'`, node);
    return value;
  }

  private tagged(node: YAMLMap | YAMLSeq, value: ConfigDict | ConfigList, kind: "map" | "seq"): ConfigValue {
    const tag = node.tag;
    if (tag === undefined || tag === "!" || tag === `${TAG}${kind}`) return value;
    const custom = this.customTags[tag];
    if (custom) return custom(value);
    if (isPairsTag(tag)) throw this.error(`!!${tag.slice(TAG.length)} on a mapping`, node, "it takes a sequence of `key: value` items");
    if (tag.startsWith(TAG) && ["str", "int", "float", "bool", "null", "map", "seq"].includes(tag.slice(TAG.length))) {
      throw this.error(`!!${tag.slice(TAG.length)} on a ${kind === "map" ? "mapping" : "sequence"}`, node, "this tag applies to scalars only");
    }
    throw this.unknownTag(tag, node);
  }

  private map(node: YAMLMap): ConfigDict {
    const explicit: Entry[] = [];
    const merged: Entry[][] = [];
    const seen = new Map<string, { line: number; column: number }>();
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      if (keyNode && isScalar(keyNode) && isMergeKey(keyNode)) {
        merged.push(this.mergeSources(pair.value as YamlNode | null, keyNode));
        continue;
      }
      const { key, isString } = this.key(keyNode, node);
      const pos = this.pos(keyNode ?? node);
      const previous = seen.get(key);
      // Like OmegaConf's loader, only keys that read as strings are checked; `1: a` twice keeps the last.
      if (previous && isString) {
        throw this.error(`duplicate key '${key}'`, keyNode ?? node, `it is already defined at ${this.where(previous)}`);
      }
      if (isString) seen.set(key, pos);
      explicit.push({ key, value: this.build(pair.value as YamlNode | null), ...pos });
    }
    const source = this.source(node);
    const dict = new ConfigDict(undefined, source);
    // PyYAML puts merged pairs first; later assignments win but keep the first position.
    for (const entry of [...merged.flat(), ...explicit]) {
      if (!dict.entries.has(entry.key)) source.positions!.set(entry.key, { line: entry.line, column: entry.column });
      dict.entries.set(entry.key, entry.value);
    }
    return dict;
  }

  /** `<<: *a` or `<<: [*a, *b]`; with a list, earlier mappings win, so they are applied last. */
  private mergeSources(valueNode: YamlNode | null, keyNode: YamlNode): Entry[] {
    const value = this.build(valueNode);
    const maps = value instanceof ConfigList ? [...value.items].reverse() : [value];
    if (maps.length === 0 || !maps.every(isDict)) {
      throw this.error(`invalid merge key '<<'`, valueNode ?? keyNode, "its value must be a mapping or a list of mappings");
    }
    return (maps as ConfigDict[]).flatMap((m) =>
      [...m.entries].map(([key, v]) => {
        const p = m.source?.positions?.get(key) ?? { line: m.source?.line ?? 0, column: m.source?.column ?? 0 };
        return { key, value: v, line: p.line, column: p.column };
      }),
    );
  }

  private key(keyNode: YamlNode | null, mapNode: YAMLMap): { key: string; isString: boolean } {
    if (keyNode === null || keyNode === undefined) return { key: "null", isString: false };
    const value = this.build(keyNode);
    if (value instanceof ConfigDict || value instanceof ConfigList) {
      throw this.error(`${isDict(value) ? "mapping" : "sequence"} used as a key`, keyNode ?? mapNode, "config keys must be scalars");
    }
    return { key: yamlKeyString(value), isString: typeof value === "string" };
  }

  private seq(node: YAMLSeq): ConfigList {
    const source = this.source(node);
    const items = node.items.map((item, i) => {
      const itemNode = item as YamlNode | null;
      if (itemNode) source.positions!.set(String(i), this.pos(itemNode));
      return this.build(itemNode);
    });
    return new ConfigList(items, source);
  }

  /**
   * `!!omap`/`!!pairs`: PyYAML makes a list of (key, value) tuples, which OmegaConf keeps as a list of
   * two-item lists. Each item must be a mapping of one pair; keys are not checked for duplicates.
   */
  private pairs(node: YAMLSeq): ConfigList {
    const what = node.tag === `${TAG}omap` ? "an ordered map" : "pairs";
    const source = this.source(node);
    const items = node.items.map((item, i) => {
      const itemNode = item as YamlNode | null;
      if (!itemNode || !isMap(itemNode) || itemNode.items.length !== 1) {
        const found = !itemNode || !isMap(itemNode) ? "not a mapping" : `a mapping of ${itemNode.items.length} items`;
        throw this.error(`!!${node.tag!.slice(TAG.length)} item ${i} is ${found}`, itemNode ?? node, `each item of ${what} is one \`key: value\``);
      }
      const pair = itemNode.items[0]!;
      source.positions!.set(String(i), this.pos(itemNode));
      const key = this.build(pair.key as YamlNode | null);
      const value = this.build(pair.value as YamlNode | null);
      return new ConfigList([key, value], this.source(itemNode));
    });
    return new ConfigList(items, source);
  }

  private source(node: YamlNode): NodeSource {
    const pos = this.pos(node);
    return { file: this.file, line: pos.line, column: pos.column, positions: new Map() };
  }

  private pos(node: YamlNode): { line: number; column: number } {
    return this.offsetPos(node.range?.[0] ?? 0);
  }

  private offsetPos(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  private where(pos: { line: number; column: number }): string {
    return `${this.file ?? "<yaml>"}:${pos.line}:${pos.column}`;
  }

  private unknownTag(tag: string, node: YamlNode): ConfigParseError {
    const shown = tag.startsWith(TAG) ? `!!${tag.slice(TAG.length)}` : tag;
    return this.error(`unknown YAML tag ${shown}`, node, "hydrant reads plain data only", this.tagOffset(node));
  }

  /** Where the tag before a node starts (the AST only keeps the node's own range). */
  private tagOffset(node: YamlNode): number | undefined {
    const start = node.range?.[0];
    if (start === undefined) return undefined;
    let i = this.text.lastIndexOf("!", start);
    if (i < 0) return undefined;
    while (i > 0 && !/\s/.test(this.text[i - 1]!)) i--;
    return i;
  }

  /** "<what> at file:line:column; <hint>" */
  private error(what: string, node: YamlNode, hint?: string, offset?: number): ConfigParseError {
    const pos = offset === undefined ? this.pos(node) : this.offsetPos(offset);
    const message = `${what} at ${this.where(pos)}${hint ? `; ${hint}` : ""}`;
    return new ConfigParseError(message, { file: this.file, line: pos.line, column: pos.column });
  }
}

function isPairsTag(tag: string | undefined): boolean {
  return tag === `${TAG}omap` || tag === `${TAG}pairs`;
}

function isMergeKey(node: YamlScalar): boolean {
  if (node.tag === `${TAG}merge`) return true;
  return node.tag === undefined && node.type === "PLAIN" && plainKind(String(node.value)) === "merge";
}

