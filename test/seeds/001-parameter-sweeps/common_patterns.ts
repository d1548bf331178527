// "Common Patterns": Grid Search, Model Comparison, Temperature Sweep
import { DynamicValue, Spearmint, range } from "hydrant/spearmint";

let configs: Record<string, unknown>[] = [
  {
    learning_rate: new DynamicValue([0.001, 0.01, 0.1]),
    batch_size: new DynamicValue([16, 32, 64]),
    epochs: new DynamicValue([10, 20, 50]),
  },
];
// Creates 3 × 3 × 3 = 27 configurations
console.log(new Spearmint({ configs }).configs.length);

configs = [
  {
    model: new DynamicValue(["gpt-4", "gpt-3.5", "claude-3"]),
    temperature: 0.7,
    max_tokens: 150,
  },
];
// Creates 3 configurations
console.log(new Spearmint({ configs }).configs.length);

configs = [
  {
    model: "gpt-4",
    temperature: new DynamicValue([...range(0, 21, 2)].map((i) => i / 10)), // 0.0, 0.2, ..., 2.0
  },
];
// Creates 11 configurations
const mint = new Spearmint({ configs });
console.log(mint.configs.length, mint.configs.map((c) => c["temperature"]).join(","));
