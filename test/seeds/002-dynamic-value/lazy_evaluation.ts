// "Performance Considerations › Lazy Evaluation Not Supported"
import { DynamicValue, Spearmint, range } from "hydrant/spearmint";

// DynamicValue is NOT lazy - all configs created upfront
const configs = [{
  model: new DynamicValue(range(1000)),
}];

const mint = new Spearmint({ configs });
// All 1000 configs are created now, not when experiments run
console.log(mint.configs.length);
