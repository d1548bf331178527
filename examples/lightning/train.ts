/**
 * A Lightning-Hydra-template-style app: data, model (network + optimizer) and trainer are all built
 * with instantiate() from conf/, a callback summarizes a multirun, and the job logs to
 * `<output dir>/<job name>.log` in Hydra's format.
 *
 *   npx tsx examples/lightning/train.ts
 *   npx tsx examples/lightning/train.ts model=sgd data=blobs trainer.max_epochs=5
 *   npx tsx examples/lightning/train.ts -m model.optimizer.lr=0.001,0.01,0.1   # then see summary.json
 */
import { instantiate, main } from "../../src/index.js";
import type { SyntheticDataModule } from "./src/data.js";
import type { ClassifierModule } from "./src/module.js";
import type { Metrics, Trainer } from "./src/trainer.js";

interface Cfg {
  data: object;
  model: object;
  trainer: object;
}

await main<Cfg>({ configPath: "conf", configName: "train" }, async (cfg, ctx): Promise<Metrics> => {
  ctx.log.info(`Instantiating data <${(cfg.data as { _target_: string })._target_}>`);
  const datamodule = await instantiate<SyntheticDataModule>(cfg.data);
  ctx.log.info(`Instantiating model <${(cfg.model as { _target_: string })._target_}>`);
  const model = await instantiate<ClassifierModule>(cfg.model);
  const trainer = await instantiate<Trainer>(cfg.trainer);
  return trainer.fit(model, datamodule, ctx.log);
});
