// "Advanced Usage › Using Generators"
import { DynamicValue, Spearmint } from "hydrant/spearmint";

function* temperatureValues() {
  // Custom generator for temperature values.
  for (let i = 1; i < 10; i++) {
    yield i / 10.0; // 0.1, 0.2, ..., 0.9
  }
}

const configs = [
  {
    model: "gpt-4",
    temperature: new DynamicValue(temperatureValues()),
  },
];
console.log(new Spearmint({ configs }).configs.map((c) => c.temperature).join(","));
