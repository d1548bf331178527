// "Basic Usage › From Generators"
import { DynamicValue, Spearmint, range } from "hydrant/spearmint";

function* temperatureValues() {
  // Generate temperature values.
  for (const temp of range(0, 101, 50)) {
    yield temp / 100.0; // 0.0, 0.5, 1.0
  }
}

const configs = [{
  model: "gpt-4",
  temperature: new DynamicValue(temperatureValues()),
}];
// Creates 3 configurations with temperatures: 0.0, 0.5, 1.0
console.log(new Spearmint({ configs }).configs.map((c) => c.temperature.toFixed(1)).join(", "));
