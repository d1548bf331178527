/**
 * The training loop, independent of how the config was obtained: examples/train.ts passes it the
 * config hydrant composed, tests and scripts can pass a hand-written one.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { ModelConfig, TrainConfig, TrainingConfig } from "./config.js";
import { loadDataset, takeRows, type Dataset } from "./data.js";
import { createLogistic } from "./logistic.js";
import { createMlp } from "./mlp.js";
import { evaluate, type Model } from "./nn.js";
import { createOptimizer, type Optimizer } from "./optim.js";
import { mulberry32, permutation, type Rng } from "./rng.js";

export interface Metrics {
  test_accuracy: number;
  test_loss: number;
  train_accuracy: number;
  train_loss: number;
  /** Epochs actually run (fewer than training.epochs when early stopping triggered). */
  epochs: number;
  stopped_early: boolean;
}

export interface TrainOptions {
  /** Receives one progress line per logged epoch; console.log by default. */
  log?: (line: string) => void;
  /** Receives every epoch's metrics (examples/train.ts appends them to metrics.jsonl). */
  onEpoch?: (metrics: Metrics) => void;
}

export async function train(cfg: TrainConfig, options: TrainOptions = {}): Promise<Metrics> {
  const log = options.log ?? console.log;
  checkTraining(cfg.training);
  const { train: trainSet, test } = loadDataset(cfg.dataset);
  const rng = mulberry32(cfg.seed);
  const model = createModel(cfg.model, trainSet, rng);
  const optimizer = createOptimizer(cfg.optimizer);
  const stopper = earlyStopping(cfg.training.early_stopping);

  log(`${cfg.run_name}: ${trainSet.n} train / ${test.n} test samples, ${cfg.training.epochs} epochs max`);
  let metrics: Metrics | undefined;
  for (let epoch = 1; epoch <= cfg.training.epochs; epoch++) {
    const trainLoss = runEpoch(model, optimizer, trainSet, cfg.training.batch_size, rng);
    const testEval = evaluate(model, test);
    const stop = stopper(testEval.loss);
    metrics = {
      test_accuracy: testEval.accuracy,
      test_loss: testEval.loss,
      train_accuracy: evaluate(model, trainSet).accuracy,
      train_loss: trainLoss,
      epochs: epoch,
      stopped_early: stop,
    };
    options.onEpoch?.(metrics);
    const last = stop || epoch === cfg.training.epochs;
    if (last || epoch % cfg.training.log_every === 0) log(formatEpoch(metrics));
    if (stop) {
      log(`early stopping: no improvement of the test loss for ${cfg.training.early_stopping.patience} epochs`);
      break;
    }
    // Yield to the event loop between epochs so a launcher can observe or cancel the job.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return metrics!;
}

export function createModel(cfg: ModelConfig, data: Dataset, rng: Rng): Model {
  switch (cfg.name) {
    case "mlp":
    case "mlp_large":
      return createMlp(cfg, data.dim, data.nClasses, rng);
    case "logistic":
      return createLogistic(data.dim, data.nClasses, rng);
    default:
      throw new Error(`model.name must be mlp, mlp_large or logistic, got ${JSON.stringify((cfg as { name: unknown }).name)}`);
  }
}

/** One pass over the shuffled training set; returns the mean minibatch loss. */
function runEpoch(model: Model, optimizer: Optimizer, data: Dataset, batchSize: number, rng: Rng): number {
  const order = permutation(data.n, rng);
  let lossSum = 0;
  for (let start = 0; start < data.n; start += batchSize) {
    const batch = takeRows(data, order.subarray(start, Math.min(start + batchSize, data.n)));
    const { loss, grads } = model.lossAndGrads(batch);
    optimizer.step(model.params, grads);
    lossSum += loss * batch.n;
  }
  return lossSum / data.n;
}

/**
 * Returns a function fed with each epoch's monitored loss that says when to stop. The held-out split
 * doubles as the validation set in this toy example.
 */
export function earlyStopping(cfg: TrainingConfig["early_stopping"]): (loss: number) => boolean {
  let best = Infinity;
  let epochsWithoutImprovement = 0;
  return (loss) => {
    if (loss < best - cfg.min_delta) {
      best = loss;
      epochsWithoutImprovement = 0;
    } else {
      epochsWithoutImprovement++;
    }
    return epochsWithoutImprovement >= cfg.patience;
  };
}

function checkTraining(cfg: TrainingConfig): void {
  for (const key of ["epochs", "batch_size", "log_every"] as const) {
    if (!Number.isInteger(cfg[key]) || cfg[key] < 1) {
      throw new Error(`training.${key} must be a positive integer, got ${cfg[key]}`);
    }
  }
}

function formatEpoch(m: Metrics): string {
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  return (
    `epoch ${String(m.epochs).padStart(3)}  train loss ${m.train_loss.toFixed(4)} acc ${pct(m.train_accuracy)}` +
    `  test loss ${m.test_loss.toFixed(4)} acc ${pct(m.test_accuracy)}`
  );
}

/** Writes metrics as pretty JSON, creating the directory if needed. */
export async function writeMetrics(file: string, metrics: Metrics): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(metrics, null, 2)}\n`);
}
