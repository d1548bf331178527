// "Basic Usage › From Ranges"
import { DynamicValue, Spearmint, range } from "hydrant/spearmint";

const configs = [{
  temperature: new DynamicValue(range(0, 101, 25)), // 0, 25, 50, 75, 100
}];
// Creates 5 configurations with temperature: 0, 25, 50, 75, 100
console.log(new Spearmint({ configs }).configs.map((c) => c.temperature).join(", "));
