/** Experiment specs: YAML files describing a sweep, run with the multirun's launchers and manifest. */
export { loadSpec, validateSpec } from "./definition/load.js";
export { expandRuns } from "./definition/run-plans.js";
export { prepareExperiment, type PrepareOptions, type PreparedExperiment } from "./directory/prepare.js";
export { executeExperiment } from "./directory/execute.js";
export { runExperiment, resumeExperiment, latestExperimentOf } from "./directory/run.js";
export { startBackground, orchestratorEntry, type BackgroundHandle, type BackgroundOptions } from "./directory/background.js";
export { listExperiments, experimentSummary, formatExperimentList, stopExperiment, type ExperimentSummary, type StopResult } from "./directory/control.js";
export { followLogs, type FollowOptions } from "./directory/logs.js";
export { experimentTable, type TableOptions } from "./directory/runs-table.js";
export { MODES_FILE } from "./definition/modes.js";
export { DEFAULT_ROOT, findExperimentDir, readExperiment, readOrchestrator, type OrchestratorRecord } from "./directory/layout.js";
export type {
  ExecuteOptions,
  ExperimentInfo,
  ExperimentManifest,
  ExperimentOutcome,
  ExperimentRunRecord,
  ExperimentSpec,
  ExperimentState,
  FixedOverride,
  RunExperimentOptions,
  RunPlan,
  SpecWarning,
  SweepAxis,
} from "./definition/types.js";
