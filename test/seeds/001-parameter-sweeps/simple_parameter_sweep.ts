// "Basic Usage › Simple Parameter Sweep"
import { Spearmint, type Config } from "hydrant/spearmint";
import { DynamicValue } from "hydrant/spearmint";

const configs = [
  {
    model: new DynamicValue(["gpt-4", "gpt-3.5", "claude-3"]),
    max_tokens: 100, // Static value
  },
];

const mint = new Spearmint({ configs });

export const generate = mint.experiment((config: Config): string => {
  return `Using ${config["model"]}`;
});

console.log(`Generated ${mint.configs.length} configurations`);
// Output: Generated 3 configurations
