/**
 * Text views of the defaults, as Hydra prints them for `--info defaults-tree` and `--info defaults`.
 */
import { formatPipeTable } from "../../table/index.js";
import { GroupDefault, isTreeNode, type DefaultsTreeNode, type InputDefault, type ResultDefault } from "./elements.js";

function label(node: InputDefault): string {
  if (node.isVirtual()) return node.getConfigPath();
  if (node instanceof GroupDefault) return `${node.getOverrideKey()}: ${node.getName() ?? "null"}`;
  return node.getConfigPath();
}

/** One line per node, two spaces per level; a node with children ends with ':'. */
export function formatDefaultsTree(tree: DefaultsTreeNode | InputDefault, indent = 0): string[] {
  const pad = "  ".repeat(indent);
  if (!isTreeNode(tree)) return [pad + label(tree)];
  if (!tree.children || tree.children.length === 0) return [pad + label(tree.node)];
  return [`${pad}${label(tree.node)}:`, ...tree.children.flatMap((c) => formatDefaultsTree(c, indent + 1))];
}

/**
 * Hydra's defaults table: Config path | Package | _self_ | Parent, columns padded to fit, a rule of
 * dashes above the header unless `ruleAbove` is false (`--info defaults` has none).
 */
export function formatDefaultsList(defaults: readonly ResultDefault[], { ruleAbove = true }: { ruleAbove?: boolean } = {}): string[] {
  const rows = defaults.map((d) => [d.configPath, d.package, d.isSelf ? "True" : "False", d.parent ?? ""]);
  return formatPipeTable(["Config path", "Package", "_self_", "Parent"], rows, { ruleAbove });
}
