// "Dynamic Configuration Generation › Using DynamicValue"
import { Spearmint } from "hydrant/spearmint";
import { DynamicValue } from "hydrant/spearmint";

const configs = [{
  model: new DynamicValue(["gpt-4", "gpt-3.5-turbo", "claude-3"]),
  temperature: new DynamicValue([0.0, 0.3, 0.7, 1.0]),
  max_tokens: new DynamicValue([100, 250, 500]),
}];
// Creates 36 configurations (3 × 4 × 3)
console.log(new Spearmint({ configs }).configs.length);
