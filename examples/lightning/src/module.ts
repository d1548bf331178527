/** The "LightningModule": a network and how to optimize it, both given by instantiate. */
import type { Dataset } from "../../lib/data.js";
import { evaluate, type Model } from "../../lib/nn.js";

export interface StepOptimizer {
  step(grads: Float64Array[]): void;
}

export class ClassifierModule {
  readonly net: Model;
  private readonly makeOptimizer: (o: { params: Float64Array[] }) => StepOptimizer;

  constructor(options: { net: Model; optimizer: (o: { params: Float64Array[] }) => StepOptimizer }) {
    this.net = options.net;
    this.makeOptimizer = options.optimizer;
  }

  configureOptimizers(): StepOptimizer {
    return this.makeOptimizer({ params: this.net.params });
  }

  trainingStep(batch: Dataset, optimizer: StepOptimizer): number {
    const { loss, grads } = this.net.lossAndGrads(batch);
    optimizer.step(grads);
    return loss;
  }

  evaluate(data: Dataset): { loss: number; accuracy: number } {
    return evaluate(this.net, data);
  }
}
