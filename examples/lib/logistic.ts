/** Multinomial logistic regression: one dense layer followed by a softmax. */
import type { Dataset } from "./data.js";
import { crossEntropy, denseBackward, denseForward, initDense, type Model } from "./nn.js";
import type { Rng } from "./rng.js";

export function createLogistic(inputs: number, classes: number, rng: Rng): Model {
  const layer = initDense(inputs, classes, 1, rng);
  return {
    params: [layer.w, layer.b],
    logits: (x, rows) => denseForward(layer, x, rows),
    lossAndGrads(batch: Dataset) {
      const { loss, dLogits } = crossEntropy(denseForward(layer, batch.x, batch.n), batch.y, classes);
      const { dw, db } = denseBackward(layer, batch.x, dLogits, batch.n, false);
      return { loss, grads: [dw, db] };
    },
  };
}
