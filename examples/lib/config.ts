/**
 * The shape of the composed config in conf/ (conf/config.yaml plus one option of each group).
 * Discriminated unions follow the groups: `model.type`, `optimizer.name` and `dataset.name` tell which
 * option was chosen (model uses `type` because variants such as mlp_large share one implementation).
 */
export type Activation = "tanh" | "relu";

export interface MlpConfig {
  type: "mlp";
  name: string;
  hidden_dim: number;
  activation: Activation;
}

export interface LogisticConfig {
  type: "logistic";
  name: string;
}

export type ModelConfig = MlpConfig | LogisticConfig;

export interface SgdConfig {
  name: "sgd";
  learning_rate: number;
  momentum: number;
  nesterov: boolean;
  weight_decay: number;
}

export interface AdamConfig {
  name: "adam";
  learning_rate: number;
  betas: [number, number];
  eps: number;
  weight_decay: number;
}

export type OptimizerConfig = SgdConfig | AdamConfig;

interface DatasetCommon {
  n_samples: number;
  noise: number;
  test_fraction: number;
  seed: number;
}

export interface MoonsConfig extends DatasetCommon {
  name: "moons";
}

export interface SpiralsConfig extends DatasetCommon {
  name: "spirals";
  turns: number;
}

export interface BlobsConfig extends DatasetCommon {
  name: "blobs";
  n_centers: number;
}

export type DatasetConfig = MoonsConfig | SpiralsConfig | BlobsConfig;

export interface TrainingConfig {
  epochs: number;
  batch_size: number;
  log_every: number;
  early_stopping: { patience: number; min_delta: number };
}

export interface TrainConfig {
  seed: number;
  run_name: string;
  tags: string[];
  metadata: { description: string; author: string };
  /** Where to write metrics.json; conf/ sets it to `${hydra:runtime.output_dir}/metrics.json`. */
  metrics_file?: string;
  model: ModelConfig;
  optimizer: OptimizerConfig;
  dataset: DatasetConfig;
  training: TrainingConfig;
}
