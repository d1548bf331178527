/** Minibatch optimizers. Each keeps its per-parameter state (momentum, moment estimates) itself. */
import type { AdamConfig, OptimizerConfig, SgdConfig } from "./config.js";

export interface Optimizer {
  /** Updates `params` in place from `grads` (same order and sizes). */
  step(params: Float64Array[], grads: Float64Array[]): void;
}

export function createOptimizer(cfg: OptimizerConfig): Optimizer {
  if (!(cfg.learning_rate > 0)) {
    throw new Error(`optimizer.learning_rate must be a positive number, got ${cfg.learning_rate}`);
  }
  switch (cfg.name) {
    case "sgd":
      return sgd(cfg);
    case "adam":
      return adam(cfg);
    default:
      throw new Error(`optimizer.name must be sgd or adam, got ${JSON.stringify((cfg as { name: unknown }).name)}`);
  }
}

/** L2 regularisation folded into the gradient, as torch.optim does with weight_decay. */
function decayedGrad(param: Float64Array, grad: Float64Array, i: number, weightDecay: number): number {
  return grad[i]! + weightDecay * param[i]!;
}

/** SGD with (optionally Nesterov) momentum, torch.optim.SGD's formulation. */
export function sgd(cfg: SgdConfig): Optimizer {
  const velocity: Float64Array[] = [];
  return {
    step(params, grads) {
      params.forEach((p, k) => {
        const v = (velocity[k] ??= new Float64Array(p.length));
        for (let i = 0; i < p.length; i++) {
          const g = decayedGrad(p, grads[k]!, i, cfg.weight_decay);
          v[i] = cfg.momentum * v[i]! + g;
          p[i]! -= cfg.learning_rate * (cfg.nesterov ? g + cfg.momentum * v[i]! : v[i]!);
        }
      });
    },
  };
}

/** Adam with bias-corrected first and second moment estimates. */
export function adam(cfg: AdamConfig): Optimizer {
  const [beta1, beta2] = cfg.betas;
  const m: Float64Array[] = [];
  const v: Float64Array[] = [];
  let t = 0;
  return {
    step(params, grads) {
      t++;
      const correction1 = 1 - beta1 ** t;
      const correction2 = 1 - beta2 ** t;
      params.forEach((p, k) => {
        const mk = (m[k] ??= new Float64Array(p.length));
        const vk = (v[k] ??= new Float64Array(p.length));
        for (let i = 0; i < p.length; i++) {
          const g = decayedGrad(p, grads[k]!, i, cfg.weight_decay);
          mk[i] = beta1 * mk[i]! + (1 - beta1) * g;
          vk[i] = beta2 * vk[i]! + (1 - beta2) * g * g;
          const mHat = mk[i]! / correction1;
          const vHat = vk[i]! / correction2;
          p[i]! -= (cfg.learning_rate * mHat) / (Math.sqrt(vHat) + cfg.eps);
        }
      });
    },
  };
}
