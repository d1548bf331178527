/**
 * A Hydra callback (`hydra.callbacks.summary` in conf/hydra/default.yaml): at the end of a multirun,
 * writes `summary.json` in the sweep dir with every job's metric and the best job.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Callback, CallbackConfig, MultirunEndInfo } from "../../../src/index.js";

export class SweepSummary implements Callback {
  constructor(readonly options: { filename: string; metric: string; mode: "max" | "min" }) {}

  onMultirunEnd(_config: CallbackConfig, info: MultirunEndInfo): void {
    const jobs = info.jobs.map((j) => ({ num: j.num, overrides: j.overrides, status: j.status, [this.options.metric]: metricOf(j.result, this.options.metric) }));
    const scored = jobs.filter((j) => typeof j[this.options.metric] === "number");
    const sign = this.options.mode === "max" ? -1 : 1;
    scored.sort((a, b) => sign * ((a[this.options.metric] as number) - (b[this.options.metric] as number)));
    const summary = { sweep_dir: info.sweepDir, metric: this.options.metric, completed: info.completed, failed: info.failed, best: scored[0] ?? null, jobs };
    writeFileSync(path.join(info.sweepDir, this.options.filename), JSON.stringify(summary, null, 2) + "\n");
  }
}

function metricOf(result: unknown, metric: string): unknown {
  return result !== null && typeof result === "object" ? (result as Record<string, unknown>)[metric] : undefined;
}
