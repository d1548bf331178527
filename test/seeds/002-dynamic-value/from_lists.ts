// "Basic Usage › From Lists"
import { Spearmint } from "hydrant/spearmint";
import { DynamicValue } from "hydrant/spearmint";

const configs = [{
  model: new DynamicValue(["gpt-4", "gpt-3.5-turbo", "gpt-4o-mini"]),
}];

const mint = new Spearmint({ configs });
// Creates 3 configurations:
for (const config of mint.configs) console.log(JSON.stringify(config));
