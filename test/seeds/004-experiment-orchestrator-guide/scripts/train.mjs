// Stands for the guide's training/simulation script: reads its config (--config FILE, else
// $HYDRANT_CONFIG), checks it as the guide's validators do, makes its own run dir under
// runs/<dataset>/<model>/ and reports it (with its metrics) in $HYDRANT_RESULT.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseYaml, toPlainUnresolved } from "hydrant";

const args = process.argv.slice(2);
const at = args.indexOf("--config");
const file = at >= 0 ? args[at + 1] : process.env.HYDRANT_CONFIG;
const cfg = toPlainUnresolved(parseYaml(readFileSync(file, "utf8"), file));
const mode = process.env.HYDRANT_MODE ?? "training";
const flags = args.filter((a, i) => a.startsWith("--") && a !== "--config" && args[i - 1] !== "--config");

if (cfg.model === "greedy" && (!Array.isArray(cfg.lambda_ace) || cfg.lambda_ace.length !== cfg.layers - 1)) {
  console.error(`greedy requires lambda_ace length = layers - 1 = ${cfg.layers - 1}, got ${JSON.stringify(cfg.lambda_ace)}`);
  process.exit(2);
}
if (process.env.TRAIN_SLEEP_MS) await new Promise((r) => setTimeout(r, Number(process.env.TRAIN_SLEEP_MS)));

const stamp = `${new Date().toISOString().replace(/[:.]/g, "-")}_${process.pid}`;
const runDir = path.join("runs", String(cfg.dataset), String(cfg.model), stamp);
mkdirSync(runDir, { recursive: true });
const accuracy = Math.round((1 - Math.abs(Math.log10(cfg.lr) + 2.5) / 10) * 1e4) / 1e4;
writeFileSync(path.join(runDir, "config_used.yaml"), readFileSync(file, "utf8"));
console.log(`${mode} model=${cfg.model} lr=${cfg.lr} seed=${cfg.seed} scheduler=${cfg.scheduler ?? "-"} similarity=${cfg.similarity ?? "-"} lambda_ace=${JSON.stringify(cfg.lambda_ace ?? null)} flags=${flags.join(",") || "-"} config=${file}`);
if (!flags.includes("--no_report") && process.env.HYDRANT_RESULT) writeFileSync(process.env.HYDRANT_RESULT, JSON.stringify({ run_dir: runDir, accuracy }));
