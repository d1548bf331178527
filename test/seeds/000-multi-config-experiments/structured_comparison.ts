// "Comparing Results › Structured Comparison" (with the configs of "Best Practices › 1. Start Small")
import { DynamicValue, Spearmint, type Config } from "hydrant/spearmint";

const configs = [{
  model: new DynamicValue(["gpt-4", "gpt-3.5-turbo", "claude-3"]),
}];
const mint = new Spearmint({ configs });

const evaluate = mint.experiment((text: string, config: Config): Record<string, unknown> => {
  // Return structured evaluation results.
  const result = processWithConfig(text, config);
  return {
    output: result,
    tokens: countTokens(result),
    quality_score: evaluateQuality(result),
  };
});

await Spearmint.run(evaluate, { awaitVariants: true }, async (runner) => {
  const results = await runner("Test input");

  // Create comparison table
  const comparison = [];
  for (const branch of [results.mainResult, ...results.variantResults]) {
    comparison.push({
      config: branch.config["model"],
      tokens: branch.result!["tokens"],
      quality: branch.result!["quality_score"],
    });
  }

  // Display as table (pandas' DataFrame.to_string: an index column, then the columns)
  const rows = [["", "config", "tokens", "quality"], ...comparison.map((r, i) => [String(i), String(r.config), String(r.tokens), String(r.quality)])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padStart(widths[c]!)).join("  "));
});

function processWithConfig(text: string, config: Config): string {
  return `${config["model"]}: ${text}`;
}
function countTokens(text: string): number {
  return text.split(/\s+/).length;
}
function evaluateQuality(text: string): number {
  return text.length / 100;
}
