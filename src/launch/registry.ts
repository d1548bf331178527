/**
 * Plugin registry for launchers and sweepers. Built-ins register through these same functions, which
 * also put their `hydra/launcher/<name>` / `hydra/sweeper/<name>` config into compose's ConfigStore so
 * that `hydra/launcher=<name>` composes.
 */
import { fromPlain } from "../config/node.js";
import { registerConfig } from "../compose/sources/config-store.js";
import { LaunchError } from "../errors.js";
import type { SweeperPlugin } from "../sweep/types.js";
import type { LauncherPlugin } from "./types.js";

const launchers = new Map<string, LauncherPlugin>();
const sweepers = new Map<string, SweeperPlugin>();

/** Adds a launcher: `hydra/launcher=<plugin.name>` selects it, and its config node joins the `hydra/launcher` group. */
export function registerLauncher(plugin: LauncherPlugin): void {
  launchers.set(plugin.name, plugin);
  registerConfig({ group: "hydra/launcher", name: plugin.name, node: fromPlain(plugin.configNode), provider: "hydrant" });
}

/** Adds a sweeper: `hydra/sweeper=<plugin.name>` selects it, and its config node joins the `hydra/sweeper` group. */
export function registerSweeper(plugin: SweeperPlugin): void {
  sweepers.set(plugin.name, plugin);
  registerConfig({ group: "hydra/sweeper", name: plugin.name, node: fromPlain(plugin.configNode), provider: "hydrant" });
}

/** The launcher a composed config asks for: by `_target_`, else by the `hydra/launcher` choice. */
export function findLauncher(target: unknown, choice: string | undefined): LauncherPlugin {
  return find(launchers, "launcher", target, choice);
}

export function findSweeper(target: unknown, choice: string | undefined): SweeperPlugin {
  return find(sweepers, "sweeper", target, choice);
}

function find<P extends { name: string; target: string }>(registry: Map<string, P>, kind: string, target: unknown, choice: string | undefined): P {
  for (const p of registry.values()) if (p.target === target) return p;
  const byName = choice === undefined ? undefined : registry.get(choice);
  if (byName) return byName;
  const known = [...registry.keys()].join(", ") || "none";
  const what = target ? `_target_ '${String(target)}'` : `'${choice ?? "?"}'`;
  throw new LaunchError(`No ${kind} plugin for ${what}. Registered ${kind}s: ${known}. Choose one with hydra/${kind}=NAME or register yours with register${kind[0].toUpperCase()}${kind.slice(1)}().`, { key: `hydra.${kind}` });
}

export function registeredLaunchers(): string[] {
  return [...launchers.keys()];
}
