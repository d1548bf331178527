/**
 * The best job of a sweep by one metric (`--best test_accuracy`, `--best loss:min`): at the end of a
 * sweep and in `hydrant results`. Only completed jobs with a numeric value for the metric compete; the
 * lowest job number wins a tie, so the answer does not depend on the order jobs finished in.
 */
import { UsageError } from "../errors.js";
import type { JobRecord } from "./manifest.js";
import { flattenDotted } from "../table/index.js";

/** Which metric, and whether higher or lower is better. */
export interface BestSpec {
  metric: string;
  mode: "max" | "min";
}

/** `METRIC`, `METRIC:max` or `METRIC:min` (highest is best unless `:min`). */
export function parseBestSpec(text: string): BestSpec {
  const at = text.lastIndexOf(":");
  const suffix = at < 0 ? "" : text.slice(at + 1);
  const mode = suffix === "min" ? "min" : "max";
  const metric = suffix === "max" || suffix === "min" ? text.slice(0, at) : text;
  if (metric === "" || metric.includes(":")) throw new UsageError(`--best takes METRIC[:max|min] (e.g. test_accuracy or loss:min); got '${text}'.`);
  return { metric, mode };
}

/** The best completed job and its value; undefined when no completed job reported the metric. */
export function bestJob(jobs: Iterable<JobRecord>, spec: BestSpec): { job: JobRecord; value: number } | undefined {
  // One pass, so that a big sweep's records can be streamed through it.
  const known = new Set<string>();
  let best: { job: JobRecord; value: number } | undefined;
  for (const job of jobs) {
    const metrics = flattenDotted(job.result);
    for (const k of metrics.keys()) known.add(k);
    if (job.status !== "completed") continue;
    const value = metrics.get(spec.metric);
    if (typeof value !== "number" || Number.isNaN(value)) continue;
    const better = best === undefined || (spec.mode === "max" ? value > best.value : value < best.value) || (value === best.value && job.num < best.job.num);
    if (better) best = { job, value };
  }
  checkMetric(known, spec.metric);
  return best;
}

/** One paragraph: the metric, the job, its value, overrides and dir. */
export function formatBestJob(jobs: Iterable<JobRecord>, spec: BestSpec): string {
  const best = bestJob(jobs, spec);
  const how = spec.mode === "max" ? "highest" : "lowest";
  if (!best) return `Best job by ${spec.metric} (${how}): none yet (no completed job reported it).`;
  const { job, value } = best;
  const overrides = job.overrides.length > 0 ? job.overrides.join(" ") : "(no overrides)";
  return `Best job by ${spec.metric} (${how}): #${job.num}, ${spec.metric}=${value}\n  overrides: ${overrides}${job.job_dir ? `\n  dir: ${job.job_dir}` : ""}`;
}

/** An unknown metric lists the ones the jobs reported (a typo must not silently pick nothing). */
function checkMetric(known: Set<string>, metric: string): void {
  if (known.size === 0 || known.has(metric)) return;
  throw new UsageError(`No job reported a metric '${metric}'; the jobs report ${[...known].join(", ")}.`, { key: metric });
}
