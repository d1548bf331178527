#!/usr/bin/env node
/**
 * An external program driven by hydrant: it does not import hydrant. For each job hydrant writes the
 * resolved job config to <job dir>/.hydra/config.yaml and runs this script with
 *   HYDRANT_CONFIG   the path of that file
 *   HYDRANT_JOB_DIR  the job's output directory
 *   HYDRANT_RESULT   where to write the job's result as JSON (hydrant records it in the sweep manifest)
 *
 *   npx hydrant -cd conf +experiment=quick_test -- node examples/train-external.mjs
 *
 * It trains multinomial logistic regression (Adam or SGD, per cfg.optimizer) on the configured 2-D
 * dataset, prints one line per logged epoch and the final metrics, and writes metrics.json to
 * cfg.metrics_file (conf/ points it into the job's output dir), else to $HYDRANT_JOB_DIR or the cwd.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

function readConfig() {
  const file = process.env.HYDRANT_CONFIG;
  if (!file) {
    console.error("HYDRANT_CONFIG is not set: run this script through hydrant, e.g.\n" +
      "  npx hydrant -cd conf -- node examples/train-external.mjs");
    process.exit(2);
  }
  return parse(readFileSync(file, "utf8"), { version: "1.1" });
}

/** mulberry32 PRNG and a Box-Muller normal sample, so runs are reproducible from the seed. */
function makeRng(seed) {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

/** One labelled point of the configured dataset (the same shapes as examples/lib/data.ts). */
function samplePoint(ds, i, rng) {
  const noise = () => ds.noise * rng.normal();
  if (ds.name === "blobs") {
    const label = i % ds.n_centers;
    const a = (2 * Math.PI * label) / ds.n_centers;
    return { x: [2 * Math.cos(a) + noise(), 2 * Math.sin(a) + noise()], y: label };
  }
  const label = i % 2;
  if (ds.name === "spirals") {
    const r = Math.sqrt(rng.uniform());
    const a = r * ds.turns * 2 * Math.PI + label * Math.PI;
    return { x: [r * Math.cos(a) + noise(), r * Math.sin(a) + noise()], y: label };
  }
  const t = Math.PI * rng.uniform();
  const [px, py] = label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
  return { x: [px + noise(), py + noise()], y: label };
}

function makeData(ds, rng) {
  const points = Array.from({ length: ds.n_samples }, (_, i) => samplePoint(ds, i, rng));
  for (let i = points.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [points[i], points[j]] = [points[j], points[i]];
  }
  const nTest = Math.max(1, Math.round(points.length * ds.test_fraction));
  return { test: points.slice(0, nTest), train: points.slice(nTest), classes: ds.name === "blobs" ? ds.n_centers : 2 };
}

/** Softmax probabilities of a linear model; w is flat, 3 numbers per class (two weights, a bias). */
function probabilities(w, x) {
  const z = [];
  for (let k = 0; k < w.length / 3; k++) z.push(w[3 * k] * x[0] + w[3 * k + 1] * x[1] + w[3 * k + 2]);
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

function evaluate(w, points) {
  let loss = 0;
  let correct = 0;
  for (const p of points) {
    const prob = probabilities(w, p.x);
    loss -= Math.log(Math.max(prob[p.y], 1e-12));
    if (prob.indexOf(Math.max(...prob)) === p.y) correct++;
  }
  return { loss: loss / points.length, accuracy: correct / points.length };
}

/** Mean cross-entropy gradient over a minibatch. */
function gradient(w, batch) {
  const grad = new Array(w.length).fill(0);
  for (const p of batch) {
    probabilities(w, p.x).forEach((q, k) => {
      const d = (q - (k === p.y ? 1 : 0)) / batch.length;
      grad[3 * k] += d * p.x[0];
      grad[3 * k + 1] += d * p.x[1];
      grad[3 * k + 2] += d;
    });
  }
  return grad;
}

/** Adam or SGD with momentum, from the optimizer group of the config. */
function makeOptimizer(opt, size) {
  const m = new Array(size).fill(0);
  const v = new Array(size).fill(0);
  let t = 0;
  return (w, grad) => {
    t++;
    for (let i = 0; i < size; i++) {
      const g = grad[i] + (opt.weight_decay ?? 0) * w[i];
      if (opt.name === "adam") {
        const [b1, b2] = opt.betas;
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        w[i] -= (opt.learning_rate * m[i]) / (1 - b1 ** t) / (Math.sqrt(v[i] / (1 - b2 ** t)) + opt.eps);
      } else {
        m[i] = (opt.momentum ?? 0) * m[i] + g;
        w[i] -= opt.learning_rate * m[i];
      }
    }
  };
}

const cfg = readConfig();
const seed = Number.isInteger(cfg.dataset.seed) ? cfg.dataset.seed : (cfg.seed ?? 0);
const rng = makeRng(seed);
const { train, test, classes } = makeData(cfg.dataset, rng);
const w = new Array(3 * classes).fill(0);
const step = makeOptimizer(cfg.optimizer, w.length);
const { epochs, batch_size: batchSize, log_every: logEvery } = cfg.training;

for (let epoch = 1; epoch <= epochs; epoch++) {
  for (let start = 0; start < train.length; start += batchSize) {
    step(w, gradient(w, train.slice(start, start + batchSize)));
  }
  if (epoch % logEvery === 0 || epoch === epochs) {
    const tr = evaluate(w, train);
    const te = evaluate(w, test);
    console.log(`epoch ${epoch}  train loss ${tr.loss.toFixed(4)}  test loss ${te.loss.toFixed(4)} acc ${(100 * te.accuracy).toFixed(1)}%`);
  }
}

const trainEval = evaluate(w, train);
const testEval = evaluate(w, test);
const metrics = {
  test_accuracy: testEval.accuracy,
  test_loss: testEval.loss,
  train_loss: trainEval.loss,
  epochs,
};
// hydrant hands over the resolved config; the fallbacks keep the script usable with an unresolved one.
const metricsFile = typeof cfg.metrics_file === "string" && !cfg.metrics_file.includes("${")
  ? cfg.metrics_file
  : join(process.env.HYDRANT_JOB_DIR ?? process.cwd(), "metrics.json");
writeFileSync(metricsFile, `${JSON.stringify(metrics, null, 2)}\n`);
if (process.env.HYDRANT_RESULT) writeFileSync(process.env.HYDRANT_RESULT, JSON.stringify(metrics));
console.log(JSON.stringify(metrics));
