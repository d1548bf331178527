/**
 * Every config group reachable through the search path with its options, for `--info config-groups`
 * and shell completion.
 */
import { ConfigRepository } from "./repository.js";
import { registerBuiltinConfigs } from "./hydra-conf/index.js";
import { initialSources, withHydraSearchPath } from "./sources/search-path.js";

export interface ConfigGroupInfo {
  /** `db`, `server/site`, `hydra/launcher`. */
  group: string;
  options: string[];
}

export interface GroupsIndexOptions {
  configDir?: string;
  searchPath?: string[];
  /** Extra `hydra.searchpath` entries (as the primary config or overrides would add). */
  hydraSearchPath?: string[];
  cwd?: string;
}

/** All groups, depth first in sorted order, each with its sorted options (groups with none included). */
export function loadConfigGroupsIndex(options: GroupsIndexOptions = {}): ConfigGroupInfo[] {
  registerBuiltinConfigs();
  const cwd = options.cwd ?? process.cwd();
  let sources = initialSources({ configDir: options.configDir, extra: options.searchPath, baseDir: cwd });
  if (options.hydraSearchPath?.length) {
    sources = withHydraSearchPath(sources, options.hydraSearchPath, "hydra.searchpath in command-line", cwd);
  }
  const repo = new ConfigRepository(sources);
  const out: ConfigGroupInfo[] = [];
  const visit = (parent: string): void => {
    for (const name of repo.getGroups(parent)) {
      const group = parent === "" ? name : `${parent}/${name}`;
      out.push({ group, options: repo.getGroupOptions(group) });
      visit(group);
    }
  };
  visit("");
  return out;
}
