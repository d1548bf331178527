// "Best Practices › 3. Use with Pydantic": the model as a JSON Schema, checked on every config
import { DynamicValue, Spearmint, type Config } from "hydrant/spearmint";

interface ModelConfig {
  model: string;
  temperature: number;
}
const modelConfigSchema = {
  type: "object",
  properties: { model: { type: "string" }, temperature: { type: "number", minimum: 0.0, maximum: 2.0 } },
  required: ["model", "temperature"],
};

const configs = [
  {
    model: new DynamicValue(["gpt-4", "gpt-3.5"]),
    temperature: new DynamicValue([0.1, 0.5, 0.9, 2.5]),
  },
];
const mint = new Spearmint({ configs });

const generate = mint.experiment(
  (config: Config<ModelConfig>): string => {
    // Config is validated and typed
    return config.model;
  },
  { schema: modelConfigSchema },
);

await Spearmint.run(generate, async (runner) => {
  const results = await runner();
  for (const b of [results.mainResult, ...results.variantResults]) {
    console.log(`${b.config.model}@${b.config.temperature}: ${b.status === "ok" ? b.result : "invalid"}`);
  }
});
