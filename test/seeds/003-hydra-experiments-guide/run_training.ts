// The guide's run_training.py: a Hydra app that "trains" and leaves a checkpoint.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { main } from "hydrant";

interface Cfg {
  model: { name: string; lora_rank: number };
  optimizer: { name: string; learning_rate: number };
  training: { num_batches: number; micro_batch_size: number };
  grpo: { num_generations: number };
  experiment_name: string;
  tags: string[];
  checkpoint_dir: string;
}

await main<Cfg>({ configPath: "conf", configName: "config" }, (cfg) => {
  console.log(
    `experiment=${cfg.experiment_name} model=${cfg.model.name} lora_rank=${cfg.model.lora_rank} optimizer=${cfg.optimizer.name} ` +
      `lr=${cfg.optimizer.learning_rate} num_batches=${cfg.training.num_batches} micro_batch_size=${cfg.training.micro_batch_size} ` +
      `num_generations=${cfg.grpo.num_generations} tags=${cfg.tags.join(",")}`,
  );
  mkdirSync(cfg.checkpoint_dir, { recursive: true });
  writeFileSync(path.join(cfg.checkpoint_dir, "last.json"), JSON.stringify({ experiment: cfg.experiment_name, loss: 1 / cfg.training.num_batches }));
  return { loss: 1 / cfg.training.num_batches };
});
