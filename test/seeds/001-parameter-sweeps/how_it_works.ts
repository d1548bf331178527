// "How It Works": the example expansion
import { DynamicValue, expandConfigs } from "hydrant/spearmint";

// Input configuration
const input = {
  model: new DynamicValue(["A", "B"]),
  temp: new DynamicValue([1, 2]),
  static: "X",
};

// Expands to 4 configurations
for (const { __config_id__: _id, ...config } of expandConfigs(input)) console.log(JSON.stringify(config));
