/** Composition: search path, config sources, defaults tree/list, composed config with its `hydra` node. */
export { composeConfig, defaultJobName, listOptions, type ComposeOptions, type ComposeResult, type RunMode } from "./compose.js";
export { compose, jobConfig, resolveJobConfig, resolveFullConfig, type ComposeHelperOptions } from "./helpers.js";
export { loadConfigGroupsIndex, type ConfigGroupInfo, type GroupsIndexOptions } from "./groups-index.js";
export { ConfigStore, configStore, registerConfig, type StoreOptions } from "./sources/config-store.js";
export type { ConfigSource, RawConfig, ConfigHeader } from "./sources/config-source.js";
export { FileConfigSource } from "./sources/file-source.js";
export { PackageConfigSource } from "./sources/package-source.js";
export { MemoryConfigSource } from "./sources/memory-source.js";
export type { SearchPathElement } from "./sources/search-path.js";
export type { DefaultsTreeNode, ResultDefault } from "./defaults/elements.js";
export { ConfigDefault, GroupDefault, InputDefault, VirtualRoot } from "./defaults/elements.js";
export { formatDefaultsList, formatDefaultsTree } from "./defaults/format-defaults.js";
export { overridesDirname, HYDRA_VERSION, VERSION_BASE } from "./hydra-node.js";
export { composeResolvers, ensureComposeResolvers, hydraResolver, nowResolver } from "./hydra-resolvers.js";
export { strftime } from "./strftime.js";
