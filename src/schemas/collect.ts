/**
 * The shapes of a config tree, found by composing it: once with its defaults, once per other option of
 * each group it selects, and once per option of each group it can add (`+experiment=...`). Each group's
 * subtree goes to the shape of the option chosen in that composition; the rest to the root's shape.
 */
import { composeConfig, type ComposeResult } from "../compose/compose.js";
import { loadConfigGroupsIndex } from "../compose/groups-index.js";
import { jobConfig, resolveJobConfig } from "../compose/helpers.js";
import { isInterpolation, toPlainUnresolved, type PlainValue } from "../config/node.js";
import { emptyShape, mergeShapes, shapeOf, type Shape } from "./shape.js";

/** Where the configs are: as for composition. */
export interface ConfigTreeOptions {
  /** The config dir, relative to `cwd`. */
  configDir: string;
  /** The primary config's name. */
  configName: string;
  /** More search path entries (as `--config-dir`'s neighbours, `hydra.searchpath`). */
  searchPath?: string[];
  /** Base for relative paths; default process.cwd(). */
  cwd?: string;
}

/** One config group as the composed config uses it. */
export interface GroupShapes {
  /** `optimizer`, `db/server`; with `@pkg` when the defaults list puts it at another package. */
  key: string;
  group: string;
  /** Where its options land in the config (dot path); "" for `_global_` options, which merge into the root. */
  package: string;
  /** The option the defaults list chooses; undefined for a group only added from the command line. */
  defaultChoice?: string;
  /** Every option of the group, sorted. */
  choices: string[];
  /**
   * Shape of each option's subtree, by option name, for the options that composed; empty for `_global_`
   * groups and for groups placed inside another group's subtree (both are part of the other shapes).
   */
  options: Map<string, Shape>;
}

/** What composing every option of every group showed. */
export interface ConfigShapes {
  /** The config without the groups' subtrees (their packages are given by {@link GroupShapes.package}). */
  root: Shape;
  groups: GroupShapes[];
  /** Compositions that failed (an option that needs another choice, say), with why. */
  skipped: { overrides: string[]; reason: string }[];
}

/** Composes each option of each group of the tree and gathers the shapes. */
export function collectConfigShapes(options: ConfigTreeOptions): ConfigShapes {
  const base = composeWith(options, []);
  const index = new Map(loadConfigGroupsIndex(options).map((g) => [g.group, g.options]));
  const groups = new Map<string, GroupShapes>();
  for (const d of groupDefaults(base)) {
    groups.set(d.key, { key: d.key, group: groupOf(d.key), package: d.package, defaultChoice: base.choices[d.key] ?? undefined, choices: index.get(groupOf(d.key)) ?? [], options: new Map() });
  }
  const runs: string[][] = [[]];
  for (const g of groups.values()) for (const o of g.choices) if (o !== g.defaultChoice) runs.push([`${g.key}=${o}`]);
  for (const [group, opts] of index) {
    if (group.includes("/") || group === "hydra" || groups.has(group)) continue;
    for (const o of opts) runs.push([`+${group}=${o}`]);
  }
  const out: ConfigShapes = { root: emptyShape(), groups: [], skipped: [] };
  let rootSeen = false;
  for (const overrides of runs) {
    let result: ComposeResult;
    try {
      result = overrides.length === 0 ? base : composeWith(options, overrides);
    } catch (err) {
      out.skipped.push({ overrides, reason: err instanceof Error ? err.message : String(err) });
      continue;
    }
    const rest = absorbGroups(result, groups, index);
    out.root = rootSeen ? mergeShapes(out.root, rest) : rest;
    rootSeen = true;
  }
  out.groups = [...groups.values()];
  return out;
}

function composeWith(options: ConfigTreeOptions, overrides: string[]): ComposeResult {
  return composeConfig({ configDir: options.configDir, configName: options.configName, searchPath: options.searchPath, cwd: options.cwd, overrides });
}

/**
 * The groups chosen in a composition (outside the `hydra` groups), in defaults-list order, each with the
 * package its option landed at ("" for `_global_` or when no option was chosen).
 */
function groupDefaults(result: ComposeResult): { key: string; package: string }[] {
  const out: { key: string; package: string; order: number }[] = [];
  for (const [key, choice] of Object.entries(result.choices)) {
    if (isHydraGroup(key)) continue;
    const path = choice == null ? undefined : `${groupOf(key)}/${choice}`;
    const matches = result.defaults.filter((d) => d.configPath === path);
    // An option with its own defaults list appears as its `_self_` entry, without the override key.
    const d = matches.find((m) => m.overrideKey === key) ?? matches.find((m) => m.isSelf) ?? matches[0];
    out.push({ key, package: d?.package ?? "", order: d ? result.defaults.indexOf(d) : Number.POSITIVE_INFINITY });
  }
  return out.sort((a, b) => a.order - b.order).map(({ key, package: pkg }) => ({ key, package: pkg }));
}

function isHydraGroup(key: string): boolean {
  return key === "hydra" || key.startsWith("hydra/");
}

function groupOf(key: string): string {
  const at = key.indexOf("@");
  return at === -1 ? key : key.slice(0, at);
}

/**
 * Moves each group's subtree of this composition into its option's shape; returns the shape of the rest.
 * A group whose package lies inside another group's stays part of that group's subtree.
 */
function absorbGroups(result: ComposeResult, groups: Map<string, GroupShapes>, index: Map<string, string[]>): Shape {
  const plain = plainJobConfig(result);
  const isUnresolved = (s: string) => isInterpolation(s);
  const mine = groupDefaults(result);
  for (const d of mine) {
    if (!groups.has(d.key)) groups.set(d.key, { key: d.key, group: groupOf(d.key), package: d.package, choices: index.get(groupOf(d.key)) ?? [], options: new Map() });
  }
  const placed = mine.filter((d) => d.package !== "");
  const separated = placed.filter((d) => !placed.some((o) => o !== d && d.package.startsWith(`${o.package}.`)));
  for (const d of separated) {
    const g = groups.get(d.key)!;
    const choice = result.choices[d.key];
    const subtree = takeAt(plain, d.package);
    if (choice == null || subtree === undefined) continue;
    const shape = shapeOf(subtree, isUnresolved);
    const seen = g.options.get(choice);
    g.options.set(choice, seen ? mergeShapes(seen, shape) : shape);
  }
  return shapeOf(plain, isUnresolved);
}

/** The job config as plain data, resolved when every interpolation resolves (then types are exact). */
function plainJobConfig(result: ComposeResult): { [key: string]: PlainValue } {
  try {
    return toPlainUnresolved(resolveJobConfig(result)) as { [key: string]: PlainValue };
  } catch {
    return toPlainUnresolved(jobConfig(result)) as { [key: string]: PlainValue };
  }
}

/** Removes and returns the value at a dot path (undefined when absent). */
function takeAt(root: { [key: string]: PlainValue }, dotted: string): PlainValue | undefined {
  const keys = dotted.split(".");
  let node: { [key: string]: PlainValue } = root;
  for (const k of keys.slice(0, -1)) {
    const next = node[k];
    if (next === null || typeof next !== "object" || Array.isArray(next)) return undefined;
    node = next;
  }
  const last = keys[keys.length - 1]!;
  if (!(last in node)) return undefined;
  const value = node[last]!;
  delete node[last];
  return value;
}
