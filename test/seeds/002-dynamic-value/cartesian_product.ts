// "Multiple DynamicValues (Cartesian Product)": the model × temperature grid, then the 3-D grid
import { DynamicValue, Spearmint } from "hydrant/spearmint";

const configs = [{
  model: new DynamicValue(["gpt-4", "gpt-3.5-turbo"]),
  temperature: new DynamicValue([0.0, 0.5, 1.0]),
}];
// Creates 6 configurations (2 models × 3 temperatures)
for (const c of new Spearmint({ configs }).configs) console.log(JSON.stringify({ model: c.model, temperature: c.temperature }));

const grid3 = [{
  model: new DynamicValue(["gpt-4o", "gpt-4o-mini"]),
  temperature: new DynamicValue([0.0, 0.7]),
  max_tokens: new DynamicValue([500, 1000, 2000]),
}];
// Creates 12 configurations (2 × 2 × 3)
console.log(new Spearmint({ configs: grid3 }).configs.length);
