/**
 * Composition as an app sees it: composeConfig, the config groups and one group's options, each with
 * the built-in plugins registered first, so that `hydra/launcher=local` composes from any entry point
 * (their config nodes join the ConfigStore when they are registered).
 */
import {
  composeConfig,
  listOptions,
  loadConfigGroupsIndex,
  type ComposeOptions,
  type ComposeResult,
  type ConfigGroupInfo,
  type GroupsIndexOptions,
} from "../compose/index.js";
import { registerBuiltinPlugins } from "./plugin-registry.js";

/** `composeConfig` with the built-in plugins' config nodes registered. */
export function composeAppConfig(options: ComposeOptions): ComposeResult {
  registerBuiltinPlugins();
  return composeConfig(options);
}

/** The config groups and their options, the built-in plugins' included. */
export function appConfigGroups(options: GroupsIndexOptions): ConfigGroupInfo[] {
  registerBuiltinPlugins();
  return loadConfigGroupsIndex(options);
}

/** `listOptions`: the options of one config group, the built-in plugins' included. */
export function appListOptions(options: Parameters<typeof listOptions>[0], group: string): string[] {
  registerBuiltinPlugins();
  return listOptions(options, group);
}
