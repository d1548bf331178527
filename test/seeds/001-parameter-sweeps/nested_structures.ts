// "Advanced Usage › Nested Structures"
import { DynamicValue, Spearmint } from "hydrant/spearmint";

const configs = [
  {
    llm: {
      model: new DynamicValue(["gpt-4", "gpt-3.5"]),
      temperature: new DynamicValue([0.5, 0.7, 0.9]),
    },
    retrieval: {
      top_k: new DynamicValue([3, 5, 10]),
    },
  },
];

// Generates 2 × 3 × 3 = 18 configurations
const mint = new Spearmint({ configs });
console.log(mint.configs.length, JSON.stringify(mint.configs[0]!.llm), JSON.stringify(mint.configs[0]!.retrieval));
