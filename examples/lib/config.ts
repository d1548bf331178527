/**
 * The shape of the composed config in conf/, generated from conf/ itself by `hydrant types` into
 * config.generated.ts (checked in `npm test`, so it cannot drift from the YAML). Group options are
 * discriminated unions on `name` (`model.name`, `optimizer.name`, `dataset.name`): adding an option to
 * conf/ makes the switches over them fail to compile until the code handles it.
 */
import type * as Conf from "./config.generated.js";

export type TrainConfig = Conf.Config;
export type ModelConfig = Conf.Model;
export type MlpConfig = Conf.ModelMlp | Conf.ModelMlpLarge;
export type LogisticConfig = Conf.ModelLogistic;
export type OptimizerConfig = Conf.Optimizer;
export type SgdConfig = Conf.OptimizerSgd;
export type AdamConfig = Conf.OptimizerAdam;
export type DatasetConfig = Conf.Dataset;
export type MoonsConfig = Conf.DatasetMoons;
export type SpiralsConfig = Conf.DatasetSpirals;
export type BlobsConfig = Conf.DatasetBlobs;
export type TrainingConfig = Conf.Training;

/** The hidden layer's activations the MLP implements (conf/ keeps it a string: checked at run time). */
export type Activation = "tanh" | "relu";

export function isActivation(s: string): s is Activation {
  return s === "tanh" || s === "relu";
}
