/**
 * hydrant's public API: Hydra-style config composition, command-line overrides and multirun sweeps
 * for TypeScript. Nothing outside this file is public.
 */

// Composition
export {
  compose,
  composeConfig,
  jobConfig,
  resolveJobConfig,
  resolveFullConfig,
  listOptions,
  loadConfigGroupsIndex,
  registerConfig,
  configStore,
  ConfigStore,
  type ComposeOptions,
  type ComposeHelperOptions,
  type ComposeResult,
  type ConfigGroupInfo,
  type RunMode,
  type ResultDefault,
  type SearchPathElement,
  type StoreOptions,
} from "./compose/index.js";
// Schemas as configs (the ConfigStore's typed nodes, main({ schema }))
export type { ConfigSchemaNode, InferConfig, StandardSchemaLike, JsonSchemaDocument } from "./typed/index.js";

// The config tree
export { ConfigDict, ConfigList, MISSING, fromPlain, isDict, isList, isMissing, isInterpolation, cloneValue, toPlainUnresolved } from "./config/node.js";
export type { ConfigValue, Scalar, PlainValue, NodeSource } from "./config/node.js";
export { parseYaml, toYaml } from "./config/yaml.js";
export { mergeConfigs } from "./config/merge.js";
export { selectNode, updateNode, deleteNode } from "./config/path.js";
export {
  registerResolver,
  hasResolver,
  clearResolver,
  resolveTree,
  resolveValue,
  select,
  toPlain,
  ResolverRegistry,
  type Resolver,
  type ResolverContext,
  type ResolveOptions,
} from "./config/interpolation/index.js";

// Overrides
export { parseOverride, parseOverrides } from "./overrides/index.js";
export type { Override, OverrideType, ValueType, ParsedElement, Sweep } from "./overrides/types.js";

// Building objects from `_target_` nodes (Hydra's instantiate)
export { instantiate, registerTarget, clearTargets, type InstantiateOptions, type InstantiateOverrides, type Target } from "./instantiate/index.js";

// Callbacks (hydra.callbacks) and job logging (hydra/job_logging)
export { LogJobReturnCallback, SaveJobReturnCallback, type Callback, type CallbackConfig, type JobReturn, type RunInfo, type RunEndInfo, type MultirunEndInfo, type JobStartInfo, type ComposeInfo } from "./callbacks/index.js";
export { getLogger, configureLogging, Logger, LEVELS, type ConfigureLoggingOptions, type LoggingSession } from "./logging/index.js";

// Running apps and sweeps
export { main, type MainOptions } from "./cli/main-app.js";
export { runApp, parseAppArgv } from "./app/index.js";
export { iterateSweepJobs } from "./runs/index.js";
export type { AppArgs, AppOutcome, MultirunOutcome, SingleRunOutcome, RunHooks } from "./app/index.js";
export type { TaskContext, TaskFunction, CommandTask, Launcher, LauncherPlugin, LaunchContext, LaunchSink, PreparedJob, JobOutcome } from "./core/index.js";
export { registerLauncher, registerSweeper, deferredLauncherPlugin, type LauncherDescriptor } from "./plugins/index.js";
export type { Sweeper, SweeperPlugin } from "./core/index.js";
export { readManifest, formatResultsTable, formatProgress, type Manifest, type JobRecord, type JobStatus, type RunEvent } from "./runs/index.js";

// The dashboard: what `hydrant ui` (a local read-only web server) and `hydrant results DIR --html FILE` run
export {
  startDashboard,
  writeHtmlReport,
  reportData,
  discoverSweeps,
  type Dashboard,
  type DashboardOptions,
  type ReportOptions,
  type FoundSweep,
  type SweepData,
  type SweepSummary,
  type ReportData,
} from "./dashboard/index.js";

// Types and schemas generated from a config tree (`hydrant types`, `hydrant schema`)
export {
  generateConfigTypes,
  generateConfigSchema,
  type ConfigSchemaOptions,
  type ConfigSchemaResult,
  type JsonSchema,
  collectConfigShapes,
  type ConfigTypesOptions,
  type ConfigTypesResult,
  type ConfigShapes,
  type ConfigTreeOptions,
  type GroupShapes,
  type Shape,
  type Field,
  type Primitive,
} from "./schemas/index.js";
// Spearmint and DynamicValue: "hydrant/spearmint"; experiment specs: "hydrant/experiment";
// distributed sweeps' workers and queue status: "hydrant/bullmq".

// Errors
export {
  HydrantError,
  ConfigParseError,
  ConfigKeyError,
  MissingMandatoryValueError,
  ConfigTypeError,
  InterpolationError,
  OverrideParseError,
  OverrideApplyError,
  MissingConfigError,
  ConfigCompositionError,
  SearchPathError,
  ExperimentSpecError,
  DynamicValueError,
  SpearmintError,
  ConfigValidationError,
  GrammarParseError,
  InterpolationKeyError,
  InterpolationToMissingValueError,
  UnsupportedInterpolationTypeError,
  UsageError,
  PluginError,
  ManifestError,
  LaunchError,
  InstantiationError,
  type HydrantErrorDetails,
  type SourcePosition,
  type ValidationIssue,
} from "./errors.js";
