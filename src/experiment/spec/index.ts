/** Experiment specs: YAML files describing a sweep, run with the multirun's launchers and manifest. */
export { loadSpec, validateSpec } from "./load.js";
export { expandRuns } from "./expand.js";
export { prepareExperiment, type PrepareOptions, type PreparedExperiment } from "./prepare.js";
export { executeExperiment } from "./execute.js";
export { runExperiment, resumeExperiment, latestExperimentOf } from "./run.js";
export { startBackground, orchestratorEntry, type BackgroundHandle, type BackgroundOptions } from "./background.js";
export { listExperiments, experimentSummary, formatExperimentList, stopExperiment, type ExperimentSummary, type StopResult } from "./control.js";
export { followLogs, type FollowOptions } from "./logs.js";
export { experimentTable, type TableOptions } from "./table.js";
export { MODES_FILE } from "./modes.js";
export { DEFAULT_ROOT, findExperimentDir, readExperiment, readOrchestrator, type OrchestratorRecord } from "./layout.js";
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
} from "./types.js";
