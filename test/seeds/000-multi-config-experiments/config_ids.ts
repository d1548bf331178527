// "Best Practices › 2. Use Meaningful Config IDs"
import { Spearmint } from "hydrant/spearmint";

const configs = [
  { model: "gpt-4", __config_id__: "prod-stable" },
  { model: "gpt-5", __config_id__: "test-beta" },
];
const mint = new Spearmint({ configs });
console.log(mint.configs.map((c) => c.configId).join(" "));
