// The guide's evaluate.py: reads the checkpoint a training run left.
import { readFileSync } from "node:fs";
import path from "node:path";
import { main } from "hydrant";

await main<{ checkpoint_dir: string }>({ configPath: "conf", configName: "evaluate" }, (cfg) => {
  const ckpt = JSON.parse(readFileSync(path.join(cfg.checkpoint_dir, "last.json"), "utf8")) as { experiment: string; loss: number };
  console.log(`evaluated ${ckpt.experiment}: loss=${ckpt.loss}`);
});
