/** A perceptron with one hidden layer: dense -> tanh/relu -> dense -> softmax. */
import { isActivation, type Activation, type MlpConfig } from "./config.js";
import type { Dataset } from "./data.js";
import {
  activate,
  activationBackward,
  crossEntropy,
  denseBackward,
  denseForward,
  initDense,
  type Model,
} from "./nn.js";
import type { Rng } from "./rng.js";

/** What the MLP reads of `model` (the lightning example builds one outside conf/'s model group). */
export type MlpOptions = Pick<MlpConfig, "hidden_dim" | "activation">;

export function createMlp(cfg: MlpOptions, inputs: number, classes: number, rng: Rng): Model {
  const activation = checkMlpConfig(cfg);
  const gain = activation === "relu" ? 2 : 1;
  const hidden = initDense(inputs, cfg.hidden_dim, gain, rng);
  const output = initDense(cfg.hidden_dim, classes, 1, rng);

  const hiddenOutput = (x: Float64Array, rows: number): Float64Array =>
    activate(activation, denseForward(hidden, x, rows));

  return {
    params: [hidden.w, hidden.b, output.w, output.b],
    logits: (x, rows) => denseForward(output, hiddenOutput(x, rows), rows),
    lossAndGrads(batch: Dataset) {
      const h = hiddenOutput(batch.x, batch.n);
      const { loss, dLogits } = crossEntropy(denseForward(output, h, batch.n), batch.y, classes);
      const out = denseBackward(output, h, dLogits, batch.n, true);
      const dPre = activationBackward(activation, h, out.dx!);
      const hid = denseBackward(hidden, batch.x, dPre, batch.n, false);
      return { loss, grads: [hid.dw, hid.db, out.dw, out.db] };
    },
  };
}

function checkMlpConfig(cfg: MlpOptions): Activation {
  if (!Number.isInteger(cfg.hidden_dim) || cfg.hidden_dim < 1) {
    throw new Error(`model.hidden_dim must be a positive integer, got ${cfg.hidden_dim}`);
  }
  if (!isActivation(cfg.activation)) {
    throw new Error(`model.activation must be tanh or relu, got ${JSON.stringify(cfg.activation)}`);
  }
  return cfg.activation;
}
