// "Best Practices › 1. Start Small" and "2. Watch Configuration Count"
import { DynamicValue, Spearmint, range } from "hydrant/spearmint";

// Start with 2 × 2 = 4 configurations
let configs: Record<string, unknown>[] = [
  {
    model: new DynamicValue(["gpt-4", "gpt-3.5"]),
    temperature: new DynamicValue([0.5, 0.9]),
  },
];
console.log(new Spearmint({ configs }).configs.length);

// This creates 3 × 5 × 10 × 4 = 600 configurations!
configs = [
  {
    param1: new DynamicValue(range(3)),
    param2: new DynamicValue(range(5)),
    param3: new DynamicValue(range(10)),
    param4: new DynamicValue(range(4)),
  },
];
console.log(new Spearmint({ configs }).configs.length);
