/** Networks built from config (`_target_: ./src/nets.js:DenseNet`), sized by the config as in the template. */
import type { Activation } from "../../lib/config.js";
import { createLogistic } from "../../lib/logistic.js";
import { createMlp } from "../../lib/mlp.js";
import type { Model } from "../../lib/nn.js";
import { mulberry32 } from "../../lib/rng.js";

export interface DenseNetOptions {
  input_size: number;
  hidden_size: number;
  output_size: number;
  activation: Activation;
  seed: number;
}

/** One hidden layer; hidden_size 0 is a linear (logistic) model. */
export function DenseNet(options: DenseNetOptions): Model {
  const rng = mulberry32(options.seed);
  if (options.hidden_size === 0) return createLogistic(options.input_size, options.output_size, rng);
  return createMlp({ hidden_dim: options.hidden_size, activation: options.activation }, options.input_size, options.output_size, rng);
}
