// "Performance Considerations › Memory Efficiency": a million configs
import { DynamicValue, Spearmint } from "hydrant/spearmint";

// Generator is consumed once to create all configs
function* largeRange() {
  for (let i = 0; i < 1000000; i++) {
    yield i;
  }
}

const configs = [{
  param: new DynamicValue(largeRange()),
}];

// Creates 1,000,000 Config objects immediately
const mint = new Spearmint({ configs, sink: false });
console.log(mint.configs.length, new Set(mint.configs.map((c) => c.configId)).size);
