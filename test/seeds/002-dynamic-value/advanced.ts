// "Advanced Examples": Custom Value Generation, Conditional Value Generation, Mixing Static and Dynamic
import { DynamicValue, Spearmint, range } from "hydrant/spearmint";

function* learningRates() {
  // Generate learning rates on log scale.
  for (const exp of range(-5, 0)) { // 10^-5 to 10^-1
    yield 10 ** exp;
  }
}
const custom = [{
  optimizer: "adam",
  learning_rate: new DynamicValue(learningRates()),
}];
console.log(new Spearmint({ configs: custom }).configs.length);

function modelSpecificTemps(model: string): number[] {
  // Different temperature ranges for different models.
  if (model === "gpt-4") {
    return [0.0, 0.3, 0.7];
  } else {
    return [0.5, 1.0];
  }
}
// For a single model
const conditional = [{
  model: "gpt-4",
  temperature: new DynamicValue(modelSpecificTemps("gpt-4")),
}];
console.log(new Spearmint({ configs: conditional }).configs.map((c) => c.temperature).join(","));

const mixed = [
  // Static config
  {
    model: "gpt-4",
    temperature: 0.7,
    mode: "production",
  },
  // Dynamic configs
  {
    model: new DynamicValue(["gpt-4o-mini", "gpt-3.5-turbo"]),
    temperature: new DynamicValue([0.0, 0.5, 1.0]),
    mode: "evaluation",
  },
];
// Creates 7 configurations total: 1 static + 6 from dynamic (2 models × 3 temperatures)
const mint = new Spearmint({ configs: mixed });
console.log(mint.configs.length, mint.configs.map((c) => c.mode[0]).join(""));
