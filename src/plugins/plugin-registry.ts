/**
 * Plugin registry for launchers and sweepers. Built-ins register through these same functions, which
 * also put their `hydra/launcher/<name>` / `hydra/sweeper/<name>` config into compose's ConfigStore so
 * that `hydra/launcher=<name>` composes.
 *
 * The built-ins are registered here, once, on the first use of the registry: every entry point that
 * looks a plugin up (or registers its own) has them, and one registered later under the same name
 * replaces them. What composes an app's config without a lookup first (app-composition.ts) calls
 * `registerBuiltinPlugins()`.
 */
import { fromPlain } from "../config/node.js";
import { registerConfig } from "../compose/sources/config-store.js";
import type { LauncherPlugin } from "../core/launcher.js";
import type { SweeperPlugin } from "../core/sweeper.js";
import { PluginError } from "../errors.js";
import { BUILTIN_LAUNCHERS, BUILTIN_SWEEPERS } from "./builtin-plugins.js";

const launchers = new Map<string, LauncherPlugin>();
const sweepers = new Map<string, SweeperPlugin>();
let builtinsRegistered = false;

/** Registers the built-in plugins, once (idempotent). */
export function registerBuiltinPlugins(): void {
  if (builtinsRegistered) return;
  builtinsRegistered = true;
  for (const p of BUILTIN_SWEEPERS) registerSweeper(p);
  for (const p of BUILTIN_LAUNCHERS) registerLauncher(p);
}

/** Adds a launcher: `hydra/launcher=<plugin.name>` selects it, and its config node joins the `hydra/launcher` group. */
export function registerLauncher(plugin: LauncherPlugin): void {
  registerBuiltinPlugins();
  launchers.set(plugin.name, plugin);
  registerConfig({ group: "hydra/launcher", name: plugin.name, node: fromPlain(plugin.configNode), provider: "hydrant" });
}

/** Adds a sweeper: `hydra/sweeper=<plugin.name>` selects it, and its config node joins the `hydra/sweeper` group. */
export function registerSweeper(plugin: SweeperPlugin): void {
  registerBuiltinPlugins();
  sweepers.set(plugin.name, plugin);
  registerConfig({ group: "hydra/sweeper", name: plugin.name, node: fromPlain(plugin.configNode), provider: "hydrant" });
}

/** The launcher a composed config asks for: by `_target_`, else by the `hydra/launcher` choice. */
export function findLauncher(target: unknown, choice: string | undefined): LauncherPlugin {
  registerBuiltinPlugins();
  return find(launchers, "launcher", target, choice);
}

export function findSweeper(target: unknown, choice: string | undefined): SweeperPlugin {
  registerBuiltinPlugins();
  return find(sweepers, "sweeper", target, choice);
}

function find<P extends { name: string; target: string }>(registry: Map<string, P>, kind: string, target: unknown, choice: string | undefined): P {
  for (const p of registry.values()) if (p.target === target) return p;
  const byName = choice === undefined ? undefined : registry.get(choice);
  if (byName) return byName;
  const known = [...registry.keys()].join(", ") || "none";
  const what = target ? `_target_ '${String(target)}'` : `'${choice ?? "?"}'`;
  throw new PluginError(`No ${kind} plugin for ${what}. Registered ${kind}s: ${known}. Choose one with hydra/${kind}=NAME or register yours with register${kind[0].toUpperCase()}${kind.slice(1)}().`, { key: `hydra.${kind}` });
}

export function registeredLaunchers(): string[] {
  registerBuiltinPlugins();
  return [...launchers.keys()];
}
