export { DynamicValue, isDynamicValue, Range, range } from "./dynamic-value.js";
export { CONFIG_ID_KEY, canonicalJson, computeConfigId, configIdOf } from "./config-id.js";
export {
  countConfigs,
  expandConfigs,
  iterateConfigs,
  type ConfigInput,
  type Expanded,
  type ExpandedConfig,
  type ExpandedConfigOf,
} from "./expand.js";
export { parseConfigsYaml, loadConfigsYaml, configsFromGroup, type DeclaredConfig, type GroupConfigsOptions } from "./from-yaml.js";
