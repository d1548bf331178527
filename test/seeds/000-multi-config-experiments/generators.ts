// "Dynamic Configuration Generation › Using Generators"
import { DynamicValue, Spearmint } from "hydrant/spearmint";

function* learningRateSchedule() {
  // Generate learning rates on a log scale.
  for (let i = -5; i < 0; i++) {
    yield 10 ** i;
  }
}

const configs = [{
  learning_rate: new DynamicValue(learningRateSchedule()),
  batch_size: new DynamicValue([32, 64, 128]),
}];
const mint = new Spearmint({ configs });
console.log(mint.configs.length);
console.log(mint.configs.map((c) => `${c.learning_rate}/${c.batch_size}`).join(" "));
