/**
 * Builds the defaults tree (Hydra's `_create_defaults_tree_impl`). Each config's defaults are visited
 * last to first, so that `override` entries and later choices are known before the entries they
 * affect; interpolated choices are resolved after their siblings.
 */
import type { ConfigDict } from "../../config/node.js";
import { ConfigCompositionError, MissingConfigError } from "../../errors.js";
import type { ConfigRepository, LoadedConfig } from "../repository.js";
import { formatSource } from "../sources/config-source.js";
import {
  ConfigDefault,
  GroupDefault,
  InputDefault,
  type DefaultSource,
  type DefaultsTreeNode,
} from "./elements.js";
import { createInterpolationMap, resolveDefaultsInterpolation } from "./interpolate.js";
import type { DefaultsOverrides } from "./overrides.js";

export interface TreeContext {
  repo: ConfigRepository;
  overrides: DefaultsOverrides;
  /** MULTIRUN: a `???` choice may still be filled by a sweep. */
  skipMissing: boolean;
}

type Child = DefaultsTreeNode | InputDefault;

export function expandRoot(ctx: TreeContext, root: DefaultsTreeNode): DefaultsTreeNode {
  if (root.node.isVirtual()) return expandVirtualRoot(ctx, root);
  return buildTree(ctx, root, true, false);
}

function expandVirtualRoot(ctx: TreeContext, root: DefaultsTreeNode): DefaultsTreeNode {
  const children: Child[] = [];
  for (const d of [...(root.children as InputDefault[])].reverse()) {
    const sub: DefaultsTreeNode = { node: d, parent: root };
    d.updateParent("", "");
    const subtree = buildTree(ctx, sub, d.primary, false);
    children.push(subtree.children === undefined ? d : subtree);
  }
  if (children.length > 0) root.children = children.reverse();
  return root;
}

/** Appends an implicit `_self_` (last) unless the list has one; returns whether it was added. */
function validateSelf(containing: InputDefault, defaults: InputDefault[]): boolean {
  let hasSelf = false;
  let hasNonOverride = false;
  for (const d of defaults) {
    if (!d.isOverride()) hasNonOverride = true;
    if (d.isSelf()) {
      if (hasSelf) throw new ConfigCompositionError(`Duplicate _self_ defined in ${containing.getConfigPath()}`);
      hasSelf = true;
    }
  }
  if ((!hasSelf && hasNonOverride) || defaults.length === 0) defaults.push(new ConfigDefault({ path: "_self_" }));
  return !hasSelf;
}

function updateOverrides(ctx: TreeContext, defaults: InputDefault[], parent: InputDefault, interpolated: boolean): void {
  let lastOverride: GroupDefault | undefined;
  for (const d of defaults) {
    if (d.isSelf()) continue;
    d.updateParent(parent.getGroupPath(), parent.getFinalPackage());
    if (lastOverride && !(d.isOverride() || d.isExternalAppend())) {
      throw new ConfigCompositionError(
        `In ${parent.getConfigPath()}: Override '${lastOverride.getOverrideKey()} : ${lastOverride.getName()}'` +
          ` is defined before '${d.getOverrideKey()}: ${d.getName()}'.\nOverrides must be at the end of the defaults list`,
      );
    }
    if (d instanceof GroupDefault && d.override) {
      lastOverride = d;
      if (interpolated) {
        throw new ConfigCompositionError(
          `${parent.getConfigPath()}: Default List Overrides are not allowed in the subtree\n` +
            `of an in interpolated config group (override ${d.getOverrideKey()}=${d.getName()}).\n`,
        );
      }
      ctx.overrides.addOverride(parent.getConfigPath(), d);
    }
  }
}

function checkNotMissing(ctx: TreeContext, d: InputDefault): boolean {
  if (!d.getConfigPath().endsWith("???")) return false;
  if (ctx.skipMissing) return true;
  if (d instanceof GroupDefault) {
    const key = d.getOverrideKey();
    const options = ctx.repo.getGroupOptions(d.getGroupPath());
    throw new ConfigCompositionError(
      `You must specify '${key}', e.g, ${key}=<OPTION>\nAvailable options:\n` + options.map((o) => `\t${o}`).join("\n"),
      { key },
    );
  }
  throw new ConfigCompositionError(`Missing ConfigDefault is not supported : ${d.getConfigPath()}`);
}

function buildTree(ctx: TreeContext, root: DefaultsTreeNode, isRootConfig: boolean, interpolated: boolean): DefaultsTreeNode {
  const parent = root.node;
  if (parent.isVirtual()) return isRootConfig ? expandVirtualRoot(ctx, root) : root;
  const loaded = loadParent(ctx, root, isRootConfig);
  if (loaded === undefined) return root;
  const { overrides } = ctx;

  const defaults = loaded.defaults();
  let selfAdded = false;
  if (defaults.length > 0 || (isRootConfig && overrides.appendGroupDefaults.length > 0)) {
    // Hydra also warns here when a primary config with content lacks `_self_`; the library never prints.
    selfAdded = validateSelf(parent, defaults);
  }
  if (isRootConfig) defaults.push(...overrides.appendGroupDefaults);
  updateOverrides(ctx, defaults, parent, interpolated);

  const children = expandChildren(ctx, root, defaults, interpolated);
  // Interpolated choices are resolved once every sibling choice is known. The map of known choices is
  // built only for a node that has one: building it for every node made wide trees quadratic.
  expandInterpolatedChildren(ctx, root, children, () => createInterpolationMap(overrides.knownChoices, defaults, selfAdded));
  if (children.length > 0) root.children = children.reverse();
  return root;
}

/** The node's own config, or undefined when the node ends here (deleted, no choice, missing and optional). */
function loadParent(ctx: TreeContext, root: DefaultsTreeNode, isRootConfig: boolean): LoadedConfig | undefined {
  const parent = root.node;
  const { repo, overrides } = ctx;
  if (isRootConfig) {
    parent.updateParent("", "");
    if (!repo.configExists(parent.getConfigPath())) configNotFound(repo, root);
  }
  if (!parent.isMissing()) parent.setPackageHeader(repo.loadConfig(parent.getConfigPath())?.header.package);

  if (overrides.isDeleted(parent)) {
    overrides.delete(parent);
    return undefined;
  }
  overrides.setKnownChoice(parent);
  if (parent.getName() === null) return undefined;
  if (checkNotMissing(ctx, parent)) return undefined;

  const loaded = repo.loadConfig(parent.getConfigPath());
  if (loaded !== null) return loaded;
  if (!parent.isOptional()) configNotFound(repo, root);
  parent.deleted = true;
  return undefined;
}

/** The subtrees of a config's defaults list, last first (Hydra walks it backwards). */
function expandChildren(ctx: TreeContext, root: DefaultsTreeNode, defaults: readonly InputDefault[], interpolated: boolean): Child[] {
  const parent = root.node;
  const children: Child[] = [];
  const addChild = (sub: DefaultsTreeNode): void => {
    const subtree = buildTree(ctx, sub, false, interpolated);
    children.push(subtree.children === undefined ? sub.node : subtree);
  };
  for (const d of [...defaults].reverse()) {
    if (d.isSelf()) {
      d.updateParent(parent.parentBaseDir ?? "", parent.getPackage() ?? "");
      children.push(d);
      continue;
    }
    if (d.isOverride()) continue;
    d.updateParent(parent.getGroupPath(), parent.getFinalPackage());
    if (ctx.overrides.isOverridden(d)) ctx.overrides.overrideDefaultOption(d as GroupDefault);

    if (d instanceof GroupDefault && d.isOptions()) {
      for (const item of [...d.getOptions()].reverse()) {
        if (item.includes("${")) {
          throw new ConfigCompositionError(`In '${parent.getConfigPath()}': Defaults List interpolation is not supported in options list items`);
        }
        const node = new ConfigDefault({ path: `${d.group}/${item}`, package: d.package, optional: d.isOptional() });
        node.updateParent(parent.getGroupPath(), parent.getFinalPackage());
        addChild({ node, parent: root });
      }
    } else if (d.isInterpolation()) {
      children.push(d);
    } else {
      addChild({ node: d, parent: root });
    }
  }
  return children;
}

function expandInterpolatedChildren(ctx: TreeContext, root: DefaultsTreeNode, children: Child[], knownChoices: () => ConfigDict): void {
  const parent = root.node;
  // Taken once, before the first interpolated child is expanded, so every sibling sees the same choices.
  let known: ConfigDict | undefined;
  children.forEach((dd, idx) => {
    if (!isInputDefault(dd) || !dd.isInterpolation()) return;
    known ??= knownChoices();
    resolveInterpolation(dd, known);
    const sub: DefaultsTreeNode = { node: dd, parent: root };
    dd.updateParent(parent.getGroupPath(), parent.getFinalPackage());
    const subtree = buildTree(ctx, sub, false, true);
    if (subtree.children !== undefined) children[idx] = subtree;
  });
}

function isInputDefault(x: Child): x is InputDefault {
  return x instanceof InputDefault;
}

const LEGACY_INTERPOLATION = /^\$\{defaults\.\d\./;

function resolveInterpolation(d: InputDefault, known: ConfigDict): void {
  if (d instanceof GroupDefault) {
    const name = d.getName();
    if (name === null) return;
    if (LEGACY_INTERPOLATION.test(name)) {
      throw new ConfigCompositionError(
        `\nDefaults list element '${d.getOverrideKey()}=${name}' is using a deprecated interpolation form.\n` +
          `See http://hydra.cc/docs/1.1/upgrades/1.0_to_1.1/defaults_list_interpolation for migration information.`,
      );
    }
    d.value = resolveDefaultsInterpolation(known, name);
  } else if (d instanceof ConfigDefault) {
    d.path = resolveDefaultsInterpolation(known, d.getConfigPath());
  }
}

export function configNotFound(repo: ConfigRepository, tree: DefaultsTreeNode): never {
  const element = tree.node;
  let options: string[] | undefined;
  let group: string | undefined;
  if (element instanceof GroupDefault) {
    group = element.getGroupPath();
    options = repo.getGroupOptions(group);
  }
  let msg: string;
  if (element.primary) {
    msg = `Cannot find primary config '${element.getConfigPath()}'. Check that it's in your config search path.\n`;
  } else {
    if (element instanceof GroupDefault) {
      msg = `Could not find '${element.getConfigPath()}'\n`;
      if (options && options.length > 0) msg += `\nAvailable options in '${group}':\n` + options.map((o) => `\t${o}`).join("\n");
    } else {
      msg = `Could not load '${element.getConfigPath()}'.\n`;
    }
    const parentNode = tree.parent?.node;
    if (parentNode) msg = `In '${parentNode.getConfigPath()}': ${msg}`;
  }
  msg += "\nConfig search path:\n" + repo.sources.map((s) => `\t${formatSource(s)}`).join("\n");
  const chosen = element instanceof GroupDefault ? chosenBy(element) : undefined;
  if (chosen) return throwFrom(chosen, msg, options);
  throw new MissingConfigError(msg, { options, file: element.getConfigPath() });
}

/**
 * The missing option was chosen by an `override` entry in another config (an experiment's
 * `- override /model: nope`): Hydra's text names only the config that lists the group, so say
 * which file and line chose it.
 */
function chosenBy(element: GroupDefault): { text: string; source: DefaultSource } | undefined {
  const by = element.overriddenBy;
  const source = by?.entry.source;
  if (!by || !source) return undefined;
  const value = Array.isArray(by.entry.value) ? `[${by.entry.value.join(", ")}]` : String(by.entry.value);
  const where = source.line === undefined ? source.file : `${source.file}:${source.line}${source.column === undefined ? "" : `:${source.column}`}`;
  return { text: `\n\n'${element.getConfigPath()}' was chosen by '${source.key}: ${value}' in '${by.configPath}' (${where}).`, source };
}

function throwFrom(chosen: { text: string; source: DefaultSource }, msg: string, options: string[] | undefined): never {
  const { file, line, column } = chosen.source;
  throw new MissingConfigError(msg + chosen.text, { options, file, line, column });
}
