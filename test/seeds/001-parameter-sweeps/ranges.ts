// "Advanced Usage › Using Ranges" (Python's range() is hydrant's range())
import { DynamicValue, Spearmint, range } from "hydrant/spearmint";

const configs = [
  {
    model: "gpt-4",
    temperature: new DynamicValue(range(1, 10, 2)), // 1, 3, 5, 7, 9
    learning_rate: new DynamicValue([0.001, 0.01, 0.1]),
  },
];
const mint = new Spearmint({ configs });
console.log(mint.configs.length, [...new Set(mint.configs.map((c) => c.temperature))].join(","));
