/** The "Trainer": runs the epochs, logs through the job's logger, returns the metrics. */
import { takeRows } from "../../lib/data.js";
import { mulberry32, permutation } from "../../lib/rng.js";
import type { Logger } from "../../../src/index.js";
import type { ClassifierModule } from "./module.js";
import type { SyntheticDataModule } from "./data.js";

export interface Metrics {
  test_accuracy: number;
  test_loss: number;
  train_loss: number;
  epochs: number;
}

export class Trainer {
  constructor(readonly options: { max_epochs: number; batch_size: number; seed: number; log_every_n_epochs: number }) {}

  fit(model: ClassifierModule, datamodule: SyntheticDataModule, log: Logger): Metrics {
    const { train, test } = datamodule.setup();
    const optimizer = model.configureOptimizers();
    const rng = mulberry32(this.options.seed);
    log.info(`Training on ${train.n} samples of '${datamodule.name}', testing on ${test.n}`);
    let trainLoss = 0;
    for (let epoch = 1; epoch <= this.options.max_epochs; epoch++) {
      const order = permutation(train.n, rng);
      let sum = 0;
      for (let start = 0; start < train.n; start += this.options.batch_size) {
        const batch = takeRows(train, order.subarray(start, Math.min(start + this.options.batch_size, train.n)));
        sum += model.trainingStep(batch, optimizer) * batch.n;
      }
      trainLoss = sum / train.n;
      if (epoch % this.options.log_every_n_epochs === 0) log.debug(`epoch ${epoch}: train loss ${trainLoss.toFixed(4)}`);
    }
    const evaluation = model.evaluate(test);
    log.info(`test accuracy ${(100 * evaluation.accuracy).toFixed(1)}%`);
    return { test_accuracy: evaluation.accuracy, test_loss: evaluation.loss, train_loss: trainLoss, epochs: this.options.max_epochs };
  }
}
