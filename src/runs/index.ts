export { ManifestWriter } from "./manifest-writer.js";
export { readManifest, countJobs, MANIFEST_FILE, JOURNAL_FILE, type JobRecord, type JobStatus, type Manifest, type SweepOrigin, type SweepStatus } from "./manifest.js";
export { formatProgress, formatDuration, estimateRemainingMs, type ProgressCounts } from "./progress-line.js";
export { formatResultsTable, type ResultsTableOptions } from "./results-table.js";
export { writeFileAtomic } from "./atomic.js";
export { iterateSweepJobs, planSweep, writeMultirunYaml, type SweepJobView, type SweepJobsArgs, type SweepPlan } from "./plan.js";
export type { RunEvent } from "./events.js";
