// "Limitations": a DynamicValue of whole mappings (one config each), then per-value DynamicValues;
// and "Type Checking", where TypeScript does catch the mixed list
import { DynamicValue, Spearmint } from "hydrant/spearmint";

// ❌ This won't work as expected
const whole = [{
  params: new DynamicValue([
    { temp: 0.7, tokens: 100 },
    { temp: 0.9, tokens: 200 },
  ]),
}];
console.log(new Spearmint({ configs: whole }).configs.length);

// ✅ Instead, use DynamicValue for individual values
const each = [{
  params: {
    temp: new DynamicValue([0.7, 0.9]),
    tokens: new DynamicValue([100, 200]),
  },
}];
console.log(new Spearmint({ configs: each }).configs.length);

// Type hint works
const temps: DynamicValue<number> = new DynamicValue([0.0, 0.5, 1.0]);
// Unlike Python's type checker, TypeScript catches this one
// @ts-expect-error a string among floats
const mixed: DynamicValue<number> = new DynamicValue([0.0, "not a float", 1.0]);
console.log(temps.size, mixed.size);
