// "Nested DynamicValues"
import { DynamicValue, Spearmint } from "hydrant/spearmint";

const configs = [{
  llm: {
    model: new DynamicValue(["gpt-4", "gpt-3.5-turbo"]),
    params: {
      temperature: new DynamicValue([0.0, 0.5, 1.0]),
      max_tokens: 1000,
    },
  },
}];

// Creates 6 configurations with nested structure preserved
const mint = new Spearmint({ configs });
console.log(mint.configs.length);
console.log(JSON.stringify(mint.configs[5]!.llm));
