// "Solution"
import { Spearmint, type Config } from "hydrant/spearmint";
import { DynamicValue } from "hydrant/spearmint";

const configs = [
  {
    model: new DynamicValue(["gpt-4", "gpt-3.5"]),
    temperature: new DynamicValue([0.1, 0.5, 0.9]),
  },
];

const mint = new Spearmint({ configs });
// Automatically generates 2 × 3 = 6 configurations!
console.log(mint.configs.map((c: Config) => `${c["model"]}@${c["temperature"]}`).join(" "));
