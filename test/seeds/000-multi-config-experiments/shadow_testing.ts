// "Shadow Testing › Production Example"
import { Spearmint, type Config } from "hydrant/spearmint";
import { ShadowStrategy } from "hydrant/spearmint";

const configs = [
  { model: "gpt-4", version: "production" }, // Main
  { model: "gpt-5", version: "beta" }, // Shadow
];

const mint = new Spearmint({ strategy: ShadowStrategy, configs });

const generateResponse = mint.experiment(async (prompt: string, config: Config): Promise<string> => {
  // Generate response with configured model.
  return callLlm(config["model"] as string, prompt);
});

// User gets production result immediately
const response = await generateResponse("Hello");
console.log(response);
// Beta model runs in background, results logged for comparison
await mint.drain();
for (const record of mint.results.records) console.log(`${record.role} ${record.config["model"]}: ${String(record.result)}`);

async function callLlm(model: string, prompt: string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, model === "gpt-5" ? 20 : 1));
  return `${model} says ${prompt}`;
}
