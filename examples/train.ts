/**
 * Example hydrant app: trains a small classifier on a synthetic 2-D dataset, configured by conf/.
 *
 *   npx tsx examples/train.ts                                    # defaults from conf/config.yaml
 *   npx tsx examples/train.ts model=logistic dataset=blobs       # pick other group options
 *   npx tsx examples/train.ts +experiment=lr_ablation --multirun # one job per learning rate
 *
 * The job's return value (the metrics) is what hydrant records for the run; metrics.json is also written
 * to the run's output directory so that other tools can read it, and metrics.jsonl gets one line per
 * epoch (the dashboard's metric-over-time plot, `hydrant ui`).
 */
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../src/index.js";
import type { Config } from "./lib/config.generated.js";
import { train, writeMetrics, type Metrics } from "./lib/train.js";

// Config is generated from conf/ (`hydrant types`): a misspelt key such as cfg.optimizer.learning_rat fails to compile.
await main<Config>({ configPath: "../conf", configName: "config" }, async (cfg, ctx): Promise<Metrics> => {
  mkdirSync(ctx.outputDir, { recursive: true });
  const series = join(ctx.outputDir, "metrics.jsonl");
  writeFileSync(series, ""); // a job run again (resume) starts its series afresh
  const metrics = await train(cfg, { onEpoch: (m) => appendFileSync(series, JSON.stringify(m) + "\n") });
  // conf/ points metrics_file into the run's output dir (hydra.job.chdir is false, so not the cwd).
  await writeMetrics(cfg.metrics_file, metrics);
  return metrics;
});
