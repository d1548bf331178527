// "Use Cases › Model Comparison": a DynamicValue over a mapping iterates its keys, as Python's does
import { DynamicValue, Spearmint } from "hydrant/spearmint";

const configs = [{
  provider: new DynamicValue(["openai", "anthropic", "cohere"]),
  model: new DynamicValue({
    openai: "gpt-4",
    anthropic: "claude-3-opus",
    cohere: "command-r-plus",
  }),
  temperature: 0.7,
}];
const mint = new Spearmint({ configs });
console.log(mint.configs.length, mint.configs.slice(0, 3).map((c) => `${c.provider}/${c.model}`).join(" "));
