// "Complete Example"
import { Spearmint, type Config } from "hydrant/spearmint";
import { DynamicValue, range } from "hydrant/spearmint";

// Define parameter sweep
const configs = [
  {
    model: new DynamicValue(["gpt-4", "gpt-3.5"]),
    temperature: new DynamicValue(range(1, 10, 4)), // 1, 5, 9
    static_param: "always_same",
  },
];

const mint = new Spearmint({ configs });

const trainModel = mint.experiment((config: Config): string => {
  // Train model with given configuration.
  // Normalize temperature from integer to float
  const temp = (config["temperature"] as number) / 10.0;
  return `Model=${config["model"]}, Temp=${temp}`;
});

console.log(`Generated ${mint.configs.length} configurations`);
// Output: Generated 6 configurations (2 models × 3 temperatures)

// Run experiment with all configurations
await Spearmint.run(trainModel, { awaitVariants: true }, async (runner) => {
  const result = await runner();

  // Main result (first configuration)
  console.log(`Main: ${result.mainResult.result}`);
  // Output: Main: Model=gpt-4, Temp=0.1

  // All variant results
  for (const variant of result.variantResults) {
    console.log(`Variant: ${variant.result}`);
  }
});
