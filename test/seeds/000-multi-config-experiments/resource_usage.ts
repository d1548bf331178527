// "Best Practices › 3. Monitor Resource Usage" (psutil's rss is process.memoryUsage().rss)
import { Spearmint, type Config } from "hydrant/spearmint";

const mint = new Spearmint({ configs: [{ size: 100_000 }] });

const resourceIntensiveTask = mint.experiment((data: string, config: Config): Record<string, unknown> => {
  const startMemory = process.memoryUsage().rss;

  const result = process_(data, config);

  const endMemory = process.memoryUsage().rss;
  const memoryUsed = (endMemory - startMemory) / 1024 / 1024; // MB

  return {
    result: result,
    memory_mb: memoryUsed,
  };
});

const out = await resourceIntensiveTask("x");
console.log(Object.keys(out).join(","), typeof out["memory_mb"]);

function process_(data: string, config: Config): number {
  return Array.from({ length: config["size"] as number }, () => data).length;
}
