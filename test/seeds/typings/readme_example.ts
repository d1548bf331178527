// The README's programmatic example, typed as written: an unannotated config parameter after an input.
import { DynamicValue, Spearmint, ShadowStrategy, range, type Config } from "hydrant/spearmint";

const mint = new Spearmint({
  configs: [{ model: new DynamicValue(["small", "large"]), temperature: new DynamicValue([0, 0.5, 1]), top_k: new DynamicValue(range(1, 10, 2)) }],
  strategy: new ShadowStrategy(),
  sink: false,
});
const answer = mint.experiment(async (question: string, config) => callModel(question, config));
export const reply: Promise<string> = answer("What is hydrant?");

async function callModel(question: string, config: Config<{ model: string; temperature: number; top_k: number }>): Promise<string> {
  return `${config.model}/${config.temperature}/${config.top_k}: ${question}`;
}

// Docs' `(data: list[int], config: Config)`: a loosely typed config parameter, and a class as strategy.
const sorter = new Spearmint({ configs: [{ algorithm: "quicksort" }], strategy: ShadowStrategy, sink: false });
export const sortData = sorter.experiment((data: number[], config: Config): number[] => (config["algorithm"] === "quicksort" ? [...data].sort() : data));
