/**
 * The few dense-layer primitives both models are made of. Matrices are row-major Float64Arrays:
 * a batch is `rows x cols`, a weight matrix `inputs x outputs`.
 */
import type { Activation } from "./config.js";
import { gaussian, type Rng } from "./rng.js";
import type { Dataset } from "./data.js";

export interface Model {
  /** Trainable tensors, updated in place by the optimizer. */
  readonly params: Float64Array[];
  /** Class scores (rows x nClasses) for `rows` inputs. */
  logits(x: Float64Array, rows: number): Float64Array;
  /** Mean cross-entropy on the batch and its gradient for each of `params`, in the same order. */
  lossAndGrads(batch: Dataset): { loss: number; grads: Float64Array[] };
}

export interface Dense {
  w: Float64Array;
  b: Float64Array;
  inputs: number;
  outputs: number;
}

/** Gaussian weights with variance gain / fan_in (LeCun for tanh with gain 1, He for relu with gain 2). */
export function initDense(inputs: number, outputs: number, gain: number, rng: Rng): Dense {
  const w = new Float64Array(inputs * outputs);
  const std = Math.sqrt(gain / inputs);
  for (let i = 0; i < w.length; i++) w[i] = std * gaussian(rng);
  return { w, b: new Float64Array(outputs), inputs, outputs };
}

export function denseForward(layer: Dense, x: Float64Array, rows: number): Float64Array {
  const { w, b, inputs, outputs } = layer;
  const out = new Float64Array(rows * outputs);
  for (let r = 0; r < rows; r++) {
    const o = r * outputs;
    out.set(b, o);
    for (let i = 0; i < inputs; i++) {
      const xi = x[r * inputs + i]!;
      if (xi === 0) continue;
      const wRow = i * outputs;
      for (let j = 0; j < outputs; j++) out[o + j]! += xi * w[wRow + j]!;
    }
  }
  return out;
}

/** Gradients of a dense layer from the gradient of its output; `dx` only when an earlier layer needs it. */
export function denseBackward(
  layer: Dense,
  x: Float64Array,
  dOut: Float64Array,
  rows: number,
  needInputGrad: boolean,
): { dw: Float64Array; db: Float64Array; dx?: Float64Array } {
  const { w, inputs, outputs } = layer;
  const dw = new Float64Array(w.length);
  const db = new Float64Array(outputs);
  const dx = needInputGrad ? new Float64Array(rows * inputs) : undefined;
  for (let r = 0; r < rows; r++) {
    const o = r * outputs;
    for (let j = 0; j < outputs; j++) db[j]! += dOut[o + j]!;
    for (let i = 0; i < inputs; i++) {
      const xi = x[r * inputs + i]!;
      const wRow = i * outputs;
      let acc = 0;
      for (let j = 0; j < outputs; j++) {
        dw[wRow + j]! += xi * dOut[o + j]!;
        acc += dOut[o + j]! * w[wRow + j]!;
      }
      if (dx) dx[r * inputs + i] = acc;
    }
  }
  return dx ? { dw, db, dx } : { dw, db };
}

export function activate(kind: Activation, pre: Float64Array): Float64Array {
  const out = new Float64Array(pre.length);
  if (kind === "tanh") for (let i = 0; i < pre.length; i++) out[i] = Math.tanh(pre[i]!);
  else for (let i = 0; i < pre.length; i++) out[i] = Math.max(0, pre[i]!);
  return out;
}

/** d(loss)/d(pre-activation), from the gradient at the activation output and the output itself. */
export function activationBackward(kind: Activation, post: Float64Array, dPost: Float64Array): Float64Array {
  const dPre = new Float64Array(post.length);
  if (kind === "tanh") for (let i = 0; i < post.length; i++) dPre[i] = dPost[i]! * (1 - post[i]! ** 2);
  else for (let i = 0; i < post.length; i++) dPre[i] = post[i]! > 0 ? dPost[i]! : 0;
  return dPre;
}

/** Row-wise softmax, shifted by the row maximum so exp never overflows. */
export function softmax(logits: Float64Array, rows: number, classes: number): Float64Array {
  const p = new Float64Array(logits.length);
  for (let r = 0; r < rows; r++) {
    const o = r * classes;
    let max = -Infinity;
    for (let k = 0; k < classes; k++) max = Math.max(max, logits[o + k]!);
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += p[o + k] = Math.exp(logits[o + k]! - max);
    for (let k = 0; k < classes; k++) p[o + k]! /= sum;
  }
  return p;
}

/** Mean cross-entropy and its gradient with respect to the logits, (p - onehot(y)) / rows. */
export function crossEntropy(
  logits: Float64Array,
  y: Int32Array,
  classes: number,
): { loss: number; dLogits: Float64Array } {
  const rows = y.length;
  const dLogits = softmax(logits, rows, classes);
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    const target = r * classes + y[r]!;
    loss -= Math.log(Math.max(dLogits[target]!, 1e-12));
    dLogits[target]! -= 1;
  }
  for (let i = 0; i < dLogits.length; i++) dLogits[i]! /= rows;
  return { loss: loss / rows, dLogits };
}

/** Loss and accuracy of a model on a whole dataset. */
export function evaluate(model: Model, data: Dataset): { loss: number; accuracy: number } {
  const logits = model.logits(data.x, data.n);
  const { loss } = crossEntropy(logits, data.y, data.nClasses);
  let correct = 0;
  for (let r = 0; r < data.n; r++) {
    if (argmax(logits, r * data.nClasses, data.nClasses) === data.y[r]) correct++;
  }
  return { loss, accuracy: correct / data.n };
}

function argmax(values: Float64Array, offset: number, length: number): number {
  let best = 0;
  for (let k = 1; k < length; k++) if (values[offset + k]! > values[offset + best]!) best = k;
  return best;
}
