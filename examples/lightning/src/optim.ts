/**
 * Optimizers in torch's shape: built with the parameters they update (`optimizer({ params })`), which
 * is why the config marks them `_partial_: true` and the module supplies `params`.
 */
import { adam, sgd, type Optimizer } from "../../lib/optim.js";

export class Adam {
  private readonly inner: Optimizer;
  constructor(readonly options: { params: Float64Array[]; lr: number; betas?: [number, number]; eps?: number; weight_decay?: number }) {
    this.inner = adam({ name: "adam", learning_rate: options.lr, betas: options.betas ?? [0.9, 0.999], eps: options.eps ?? 1e-8, weight_decay: options.weight_decay ?? 0 });
  }
  step(grads: Float64Array[]): void {
    this.inner.step(this.options.params, grads);
  }
}

export class SGD {
  private readonly inner: Optimizer;
  constructor(readonly options: { params: Float64Array[]; lr: number; momentum?: number; weight_decay?: number }) {
    this.inner = sgd({ name: "sgd", learning_rate: options.lr, momentum: options.momentum ?? 0, nesterov: false, weight_decay: options.weight_decay ?? 0 });
  }
  step(grads: Float64Array[]): void {
    this.inner.step(this.options.params, grads);
  }
}
