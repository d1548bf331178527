/**
 * From the defaults tree to the ordered list of configs to merge (Hydra's `create_defaults_list`).
 */
import { ConfigCompositionError } from "../../errors.js";
import type { Override } from "../../overrides/types.js";
import type { ConfigRepository } from "../repository.js";
import { EMPTY_CONFIG_NAME } from "../hydra-conf/index.js";
import { ConfigDefault, GroupDefault, VirtualRoot, isTreeNode, type DefaultsTreeNode, type InputDefault, type ResultDefault } from "./elements.js";
import { DefaultsOverrides } from "./overrides.js";
import { expandRoot } from "./tree.js";

export interface DefaultsList {
  defaults: ResultDefault[];
  tree: DefaultsTreeNode;
  /** Overrides that are not about config groups: applied to the composed config. */
  configOverrides: Override[];
  overrides: DefaultsOverrides;
}

export interface DefaultsListOptions {
  repo: ConfigRepository;
  configName: string | null;
  overrides: readonly Override[];
  /** Put `hydra/config` before the primary config (always, except for tests of the algorithm). */
  prependHydra?: boolean;
  skipMissing?: boolean;
}

function createRoot(configName: string | null, withHydra: boolean): DefaultsTreeNode {
  const primary = new ConfigDefault({ path: configName ?? EMPTY_CONFIG_NAME, primary: true });
  if (!withHydra) return { node: primary };
  return { node: new VirtualRoot(), children: [new ConfigDefault({ path: "hydra/config" }), primary] };
}

function resultDefault(tree: DefaultsTreeNode | undefined, node: InputDefault): ResultDefault | undefined {
  if (node.isVirtual() || node.getName() === null) return undefined;
  let res: ResultDefault;
  if (node.isSelf()) {
    const owner = tree!.node;
    res = {
      configPath: owner.getConfigPath(),
      package: owner.getFinalPackage(),
      isSelf: true,
      primary: owner.primary,
    };
    const pn = tree!.parent?.node;
    if (pn !== undefined) res.parent = pn.getConfigPath();
  } else {
    res = { configPath: node.getConfigPath(), package: node.getFinalPackage(), isSelf: false, primary: node.primary };
    if (tree !== undefined) res.parent = tree.node.getConfigPath();
    if (node instanceof GroupDefault) res.overrideKey = node.getOverrideKey();
  }
  return res.configPath === EMPTY_CONFIG_NAME ? undefined : res;
}

function walk(tree: DefaultsTreeNode, visit: (owner: DefaultsTreeNode | undefined, node: InputDefault) => void): void {
  if (tree.children === undefined || tree.children.length === 0) {
    visit(tree.parent, tree.node);
    return;
  }
  for (const child of tree.children) {
    if (isTreeNode(child)) walk(child, visit);
    else visit(tree, child);
  }
}

export function treeToList(tree: DefaultsTreeNode): ResultDefault[] {
  const out: ResultDefault[] = [];
  walk(tree, (owner, node) => {
    if (node.deleted || node.isMissing()) return;
    const rd = resultDefault(owner, node);
    if (rd) out.push(rd);
  });
  return out;
}

export function ensureNoDuplicates(list: readonly ResultDefault[]): void {
  const keys = new Set<string>();
  for (const item of list) {
    if (item.isSelf || item.overrideKey === undefined) continue;
    if (keys.has(item.overrideKey)) {
      throw new ConfigCompositionError(`${item.overrideKey} appears more than once in the final defaults list`, {
        key: item.overrideKey,
      });
    }
    keys.add(item.overrideKey);
  }
}

export function createDefaultsList(opts: DefaultsListOptions): DefaultsList {
  const overrides = new DefaultsOverrides(opts.overrides, (g) => opts.repo.groupExists(g));
  const root = createRoot(opts.configName, opts.prependHydra ?? true);
  const tree = expandRoot({ repo: opts.repo, overrides, skipMissing: opts.skipMissing ?? false }, root);
  const defaults = treeToList(tree);
  ensureNoDuplicates(defaults);
  overrides.ensureOverridesUsed();
  overrides.ensureDeletionsUsed();
  return { defaults, tree, configOverrides: overrides.configOverrides, overrides };
}
