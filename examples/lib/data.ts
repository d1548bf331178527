/**
 * Synthetic 2-D classification datasets, generated deterministically from `dataset.seed`.
 * Features are stored row-major in a Float64Array (n rows of `dim` columns), labels in an Int32Array.
 */
import type { BlobsConfig, DatasetConfig, MoonsConfig, SpiralsConfig } from "./config.js";
import { gaussian, mulberry32, permutation, type Rng } from "./rng.js";

export interface Dataset {
  x: Float64Array;
  y: Int32Array;
  n: number;
  dim: number;
  nClasses: number;
}

export interface Split {
  train: Dataset;
  test: Dataset;
}

/** Generates the configured dataset, splits it and standardises both parts with the train statistics. */
export function loadDataset(cfg: DatasetConfig): Split {
  checkCommon(cfg);
  const rng = mulberry32(cfg.seed);
  const split = trainTestSplit(generate(cfg, rng), cfg.test_fraction, rng);
  standardize(split);
  return split;
}

function generate(cfg: DatasetConfig, rng: Rng): Dataset {
  switch (cfg.name) {
    case "moons":
      return makeMoons(cfg, rng);
    case "spirals":
      return makeSpirals(cfg, rng);
    case "blobs":
      return makeBlobs(cfg, rng);
    default:
      throw new Error(`dataset.name must be moons, spirals or blobs, got ${JSON.stringify((cfg as { name: unknown }).name)}`);
  }
}

function checkCommon(cfg: DatasetConfig): void {
  if (!Number.isInteger(cfg.n_samples) || cfg.n_samples < 10) {
    throw new Error(`dataset.n_samples must be an integer >= 10, got ${cfg.n_samples}`);
  }
  if (!(cfg.test_fraction > 0 && cfg.test_fraction < 1)) {
    throw new Error(`dataset.test_fraction must be between 0 and 1 (exclusive), got ${cfg.test_fraction}`);
  }
}

function emptyDataset(n: number, nClasses: number): Dataset {
  return { x: new Float64Array(n * 2), y: new Int32Array(n), n, dim: 2, nClasses };
}

/** Two interleaving half circles; class 0 is the upper moon, class 1 the lower one. */
export function makeMoons(cfg: MoonsConfig, rng: Rng): Dataset {
  const data = emptyDataset(cfg.n_samples, 2);
  for (let i = 0; i < data.n; i++) {
    const label = i % 2;
    const t = Math.PI * rng();
    const px = label === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const py = label === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    setPoint(data, i, px + cfg.noise * gaussian(rng), py + cfg.noise * gaussian(rng), label);
  }
  return data;
}

/** Two arms winding `turns` times around the origin, the second rotated by half a turn. */
export function makeSpirals(cfg: SpiralsConfig, rng: Rng): Dataset {
  const data = emptyDataset(cfg.n_samples, 2);
  for (let i = 0; i < data.n; i++) {
    const label = i % 2;
    // sqrt spreads points evenly along the arm instead of crowding the centre
    const r = Math.sqrt(rng());
    const angle = r * cfg.turns * 2 * Math.PI + label * Math.PI;
    const px = r * Math.cos(angle) + cfg.noise * gaussian(rng);
    const py = r * Math.sin(angle) + cfg.noise * gaussian(rng);
    setPoint(data, i, px, py, label);
  }
  return data;
}

/** Gaussian clusters around centres placed evenly on a circle, so the classes never coincide by chance. */
export function makeBlobs(cfg: BlobsConfig, rng: Rng): Dataset {
  if (!Number.isInteger(cfg.n_centers) || cfg.n_centers < 2) {
    throw new Error(`dataset.n_centers must be an integer >= 2, got ${cfg.n_centers}`);
  }
  const data = emptyDataset(cfg.n_samples, cfg.n_centers);
  const radius = 2;
  for (let i = 0; i < data.n; i++) {
    const label = i % cfg.n_centers;
    const angle = (2 * Math.PI * label) / cfg.n_centers;
    const px = radius * Math.cos(angle) + cfg.noise * gaussian(rng);
    const py = radius * Math.sin(angle) + cfg.noise * gaussian(rng);
    setPoint(data, i, px, py, label);
  }
  return data;
}

function setPoint(data: Dataset, i: number, px: number, py: number, label: number): void {
  data.x[2 * i] = px;
  data.x[2 * i + 1] = py;
  data.y[i] = label;
}

/** Rows of `data` at `indices`, in that order (also used to build minibatches). */
export function takeRows(data: Dataset, indices: ArrayLike<number>): Dataset {
  const out: Dataset = {
    x: new Float64Array(indices.length * data.dim),
    y: new Int32Array(indices.length),
    n: indices.length,
    dim: data.dim,
    nClasses: data.nClasses,
  };
  for (let r = 0; r < indices.length; r++) {
    const src = indices[r]!;
    out.x.set(data.x.subarray(src * data.dim, (src + 1) * data.dim), r * data.dim);
    out.y[r] = data.y[src]!;
  }
  return out;
}

export function trainTestSplit(data: Dataset, testFraction: number, rng: Rng): Split {
  const order = permutation(data.n, rng);
  const nTest = Math.max(1, Math.round(data.n * testFraction));
  return { test: takeRows(data, order.subarray(0, nTest)), train: takeRows(data, order.subarray(nTest)) };
}

/** Zero mean, unit variance per feature, using train statistics only (no test leakage). */
export function standardize(split: Split): void {
  const { train } = split;
  for (let c = 0; c < train.dim; c++) {
    let mean = 0;
    for (let i = 0; i < train.n; i++) mean += train.x[i * train.dim + c]!;
    mean /= train.n;
    let variance = 0;
    for (let i = 0; i < train.n; i++) variance += (train.x[i * train.dim + c]! - mean) ** 2;
    const std = Math.sqrt(variance / train.n) || 1;
    for (const part of [split.train, split.test]) {
      for (let i = 0; i < part.n; i++) part.x[i * part.dim + c] = (part.x[i * part.dim + c]! - mean) / std;
    }
  }
}
