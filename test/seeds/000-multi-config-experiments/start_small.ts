// "Best Practices › 1. Start Small"
import { DynamicValue, Spearmint } from "hydrant/spearmint";

// ✅ Start here
let configs: Record<string, unknown>[] = [
  { model: "gpt-4" },
  { model: "gpt-3.5-turbo" },
];
console.log(new Spearmint({ configs }).configs.length);

// Later expand to
configs = [{
  model: new DynamicValue(["gpt-4", "gpt-3.5-turbo", "claude-3"]),
  temperature: new DynamicValue([0.0, 0.5, 1.0]),
}];
console.log(new Spearmint({ configs }).configs.length);
