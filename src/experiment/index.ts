/**
 * `hydrant/experiment`: experiment specs (YAML files describing a sweep) and the life of an experiment
 * dir, run with the multirun's engine, launchers and manifest. What `hydrant experiment …` runs.
 */
export { loadSpec, validateSpec } from "./definition/load-spec.js";
export { runExperiment, resumeExperiment, latestExperimentOf } from "./directory/run-experiment.js";
export type { PrepareOptions } from "./directory/prepare.js";
export { startBackground, type BackgroundHandle, type BackgroundOptions } from "./directory/background.js";
export { listExperiments, experimentSummary, formatExperimentList, stopExperiment, type ExperimentSummary, type StopResult } from "./directory/control.js";
export { followLogs, type FollowOptions } from "./directory/logs.js";
export { formatExperimentTable, type ExperimentTableOptions } from "./directory/runs-table.js";
export { DEFAULT_ROOT, findExperimentDir, readExperiment } from "./directory/layout.js";
export { ExperimentSpecError } from "../errors.js";
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
