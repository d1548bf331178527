/**
 * What the dashboard's server (and the HTML report) hands the page: plain JSON, no file paths beyond
 * display names. The page's code (client/) imports these types only, never this folder's Node code.
 */

/** How a swept parameter is plotted: a line on a linear or log axis, or points grouped by category. */
export type ParamKind = "numeric" | "log" | "categorical";

/** A value as the page sees it: numbers stay numbers, everything else is text. */
export type CellValue = number | string | boolean | null;

/** A parameter that takes more than one value across the sweep's jobs. */
export interface ParamInfo {
  key: string;
  kind: ParamKind;
  /** Its distinct values, sorted (numbers ascending, text as first seen). */
  values: Array<number | string>;
}

/** A sweep or an experiment in the list. */
export interface SweepSummary {
  /** Stable id (a hash of its dir): safe in a URL, never a path. */
  id: string;
  /** The dir relative to where the dashboard was started (or absolute when outside it). */
  name: string;
  kind: "multirun" | "experiment";
  status: string;
  launcher: string;
  total: number;
  /** Jobs by status; jobs the manifest does not list yet count as pending. */
  counts: Record<string, number>;
  createdAt: string;
  updatedAt: string;
  /** From the first start to the last end (or to now while it runs). */
  durationMs?: number;
}

/** One job (a run of an experiment) as a row of the jobs table. */
export interface JobRow {
  num: number;
  status: string;
  overrides: string[];
  /** Its value of each swept parameter. */
  params: Record<string, CellValue>;
  /** Its result, flattened to dotted keys. */
  metrics: Record<string, CellValue>;
  durationMs?: number;
  startedAt?: string;
  endedAt?: string;
  error?: string;
  exitCode?: number | null;
}

/** Everything the sweep view needs at once. */
export interface SweepData extends SweepSummary {
  params: ParamInfo[];
  /** Metric keys, the numeric ones first. */
  metrics: string[];
  /** The metric keys whose values are numbers (the ones that can be plotted). */
  numericMetrics: string[];
  /** Overrides every job shares (not plotted). */
  fixed: string[];
  jobs: JobRow[];
}

/** A job's files, read on demand: its composed config and its logs (each cut to its last bytes). */
export interface JobFiles {
  num: number;
  config?: { name: string; text: string };
  logs: Array<{ name: string; text: string; truncated: boolean }>;
}

/** Per-job series (a `metrics.jsonl` line per step): x is `epoch`, `step` or the line number. */
export interface SweepSeries {
  /** The x key used for every job. */
  x: string;
  /** Numeric keys seen in any line, x excluded. */
  keys: string[];
  jobs: Array<{ num: number; points: Array<Record<string, number>> }>;
  /** Jobs with a series that were left out to keep the page fast. */
  omitted: number;
}

/** What `hydrant results DIR --html FILE` inlines into the page. */
export interface ReportData {
  generatedAt: string;
  sweeps: SweepData[];
  /** Job files by `${sweepId}/${num}`. */
  files: Record<string, JobFiles>;
  series: Record<string, SweepSeries>;
  /** Jobs whose files were left out of the report to keep it small. */
  filesOmitted: number;
}
