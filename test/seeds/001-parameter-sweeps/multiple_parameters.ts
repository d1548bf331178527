// "Basic Usage › Multiple Parameters"
import { DynamicValue, Spearmint } from "hydrant/spearmint";

const configs = [
  {
    model: new DynamicValue(["gpt-4", "gpt-3.5"]),
    temperature: new DynamicValue([0.1, 0.5, 0.9]),
    max_tokens: 100, // Static
  },
];

const mint = new Spearmint({ configs });
console.log(`Generated ${mint.configs.length} configurations`);
// Output: Generated 6 configurations (2 models × 3 temperatures)
