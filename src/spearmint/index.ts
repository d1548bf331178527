export {
  Spearmint,
  DEFAULT_RECORD_DIR,
  type ConfigsInput,
  type Experiment,
  type ExperimentOptions,
  type MintConfig,
  type SpearmintOptions,
} from "./spearmint.js";
export { isConfig, makeConfig, type Config, type ConfigAccess, type PathValue } from "./config.js";
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
  ConfigValidationError,
  compileValidator,
  type ConfigSchema,
  type ConfigValidator,
  type JsonSchema,
  type ParseSchema,
  type SafeParseSchema,
  type StandardSchemaLike,
  type ValidationIssue,
} from "./validation.js";
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
export { ResultSet } from "./results.js";
export { ConcurrencyLimiter } from "./limiter.js";
