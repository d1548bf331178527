/** `hydrant/spearmint`: Spearmint experiments over configs, and the DynamicValue configs they expand. */
export {
  Spearmint,
  DEFAULT_RECORD_DIR,
  type ConfigsInput,
  type Experiment,
  type ExperimentOptions,
  type MintConfig,
  type SpearmintOptions,
  type StrategyClass,
} from "./spearmint.js";
export { isConfig, makeConfig, type Config, type ConfigAccess, type PathValue } from "./config-view.js";
export {
  MultiBranchStrategy,
  RoundRobinStrategy,
  ShadowStrategy,
  SingleConfigStrategy,
  unwrapBranch,
  type BranchResult,
  type Strategy,
  type StrategyContext,
  type StrategyOutput,
} from "./strategies.js";
export type { ExperimentResults, RunOptions, Runner } from "./runner.js";
export type { ExperimentFunction } from "./experiment-core.js";
export {
  compileValidator,
  type ConfigSchema,
  type ConfigValidator,
  type JsonSchema,
  type ParseSchema,
  type SafeParseSchema,
  type StandardSchemaLike,
} from "./validation.js";
export { ConfigValidationError, DynamicValueError, SpearmintError, type ValidationIssue } from "../errors.js";
export {
  JsonlSink,
  MemorySink,
  readRecords,
  summarizeValue,
  type BranchRole,
  type RecordedError,
  type RecordSink,
  type RunRecord,
  type SummaryLimits,
} from "./records.js";
export { formatComparisonTable, type TableOptions } from "./comparison-table.js";
export { ResultSet } from "./result-set.js";
export { ConcurrencyLimiter } from "./limiter.js";
export {
  DynamicValue,
  isDynamicValue,
  Range,
  range,
  CONFIG_ID_KEY,
  canonicalJson,
  computeConfigId,
  configIdOf,
  countConfigs,
  expandConfigs,
  iterateConfigs,
  parseConfigsYaml,
  loadConfigsYaml,
  configsFromGroup,
  type ConfigInput,
  type Expanded,
  type ExpandedConfig,
  type ExpandedConfigOf,
  type DeclaredConfig,
  type GroupConfigsOptions,
} from "../dynamic/index.js";
