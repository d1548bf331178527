// "Use Cases › Parameter Sweep for Tuning"
import { Spearmint, type Config } from "hydrant/spearmint";
import { DynamicValue } from "hydrant/spearmint";

const configs = [{
  model: "gpt-4",
  temperature: new DynamicValue(Array.from({ length: 21 }, (_, i) => i * 0.1)), // 0.0 to 2.0
  top_p: new DynamicValue([0.9, 0.95, 1.0]),
  frequency_penalty: new DynamicValue([0.0, 0.5, 1.0]),
}];

const mint = new Spearmint({ configs });
// Creates 21 × 3 × 3 = 189 configurations
console.log(mint.configs.length);

const evaluateParams = mint.experiment((prompt: string, config: Config): number => {
  const response = generate(prompt, config.root);
  return evaluateQuality(response);
});
console.log(await evaluateParams("Hi"));

function generate(prompt: string, { model, temperature, top_p }: Record<string, unknown>): string {
  return `${prompt} from ${model} at ${temperature}/${top_p}`;
}
function evaluateQuality(response: string): number {
  return response.length;
}
