import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TrainConfig } from "../../examples/lib/config.js";
import { loadDataset } from "../../examples/lib/data.js";
import { earlyStopping, train, writeMetrics } from "../../examples/lib/train.js";

/** conf/ defaults (model=mlp, optimizer=adam, dataset=moons, training=default), composed by hand. */
function defaults(): TrainConfig {
  return {
    seed: 0,
    run_name: "mlp-adam-moons",
    tags: [],
    metadata: { description: "test", author: "test" },
    metrics_file: "metrics.json",
    model: { type: "mlp", name: "mlp", hidden_dim: 32, activation: "tanh" },
    optimizer: { name: "adam", learning_rate: 0.01, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0 },
    dataset: { name: "moons", n_samples: 1000, noise: 0.2, test_fraction: 0.2, seed: 0 },
    training: { epochs: 100, batch_size: 32, log_every: 10, early_stopping: { patience: 10, min_delta: 0.0001 } },
  };
}

const quiet = { log: () => {} };

describe("examples/lib", () => {
  it("generates the same split from the same seed", () => {
    const a = loadDataset(defaults().dataset);
    const b = loadDataset(defaults().dataset);
    expect(a.train.x).toEqual(b.train.x);
    expect(a.test.y).toEqual(b.test.y);
    expect(a.train.n + a.test.n).toBe(1000);
    expect(a.test.n).toBe(200);
  });

  it("learns the moons with the default MLP", async () => {
    const metrics = await train(defaults(), quiet);
    expect(metrics.test_accuracy).toBeGreaterThan(0.9);
    expect(metrics.epochs).toBeLessThanOrEqual(100);
  });

  it("is deterministic", async () => {
    expect(await train(defaults(), quiet)).toEqual(await train(defaults(), quiet));
  });

  it("fits logistic regression on three blobs", async () => {
    const cfg = defaults();
    cfg.model = { type: "logistic", name: "logistic" };
    cfg.dataset = { name: "blobs", n_samples: 600, noise: 1, n_centers: 3, test_fraction: 0.2, seed: 1 };
    expect((await train(cfg, quiet)).test_accuracy).toBeGreaterThan(0.8);
  });

  it("trains faster with a larger SGD learning rate (lr_ablation)", async () => {
    const losses: number[] = [];
    for (const lr of [0.001, 0.01, 0.1]) {
      const cfg = defaults();
      cfg.optimizer = { name: "sgd", learning_rate: lr, momentum: 0.9, nesterov: false, weight_decay: 0 };
      cfg.training = { epochs: 20, batch_size: 64, log_every: 5, early_stopping: { patience: 3, min_delta: 0.001 } };
      losses.push((await train(cfg, quiet)).test_loss);
    }
    expect(losses[0]).toBeGreaterThan(losses[1]!);
    expect(losses[1]).toBeGreaterThan(losses[2]!);
  });

  it("rejects an unknown activation with the key in the message", async () => {
    const cfg = defaults();
    cfg.model = { type: "mlp", name: "mlp", hidden_dim: 8, activation: "sigmoid" as "tanh" };
    await expect(train(cfg, quiet)).rejects.toThrow(/model\.activation/);
  });

  it("stops after `patience` epochs without improvement", () => {
    const stop = earlyStopping({ patience: 2, min_delta: 0.1 });
    expect([1.0, 0.5, 0.45, 0.44, 0.3].map(stop)).toEqual([false, false, false, true, false]);
  });

  it("writes metrics.json, creating the run directory", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "hydrant-ex-")), "run", "metrics.json");
    const metrics = { test_accuracy: 1, test_loss: 0, train_accuracy: 1, train_loss: 0, epochs: 1, stopped_early: false };
    await writeMetrics(file, metrics);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(metrics);
  });
});
