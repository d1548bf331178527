// "Use Cases › A/B/n Testing"
import { DynamicValue, Spearmint } from "hydrant/spearmint";

const configs = [{
  algorithm_version: new DynamicValue(["v1", "v2", "v3", "v4"]),
  feature_flags: {
    use_cache: true,
    timeout: 30,
  },
}];

// Test 4 algorithm versions with same feature flags
const mint = new Spearmint({ configs });
console.log(mint.configs.map((c) => `${c.algorithm_version}:${c.feature_flags.timeout}`).join(" "));
