// "Parallel Execution with MultiBranchStrategy › Basic Example"
import { Spearmint, type Config } from "hydrant/spearmint";
import { MultiBranchStrategy } from "hydrant/spearmint";

const configs = [
  { algorithm: "quicksort", optimization: "standard" },
  { algorithm: "mergesort", optimization: "standard" },
  { algorithm: "heapsort", optimization: "optimized" },
];

const mint = new Spearmint({ strategy: MultiBranchStrategy, configs });

const sortData = mint.experiment((data: number[], config: Config): [number[], number] => {
  // Sort data and return result + execution time.
  const start = performance.now() / 1000;

  // Select algorithm based on config
  let result: number[] = data;
  if (config["algorithm"] === "quicksort") {
    result = [...data].sort((a, b) => a - b); // JavaScript's sort is a TimSort too
  } else if (config["algorithm"] === "mergesort") {
    result = mergeSort(data);
  } else if (config["algorithm"] === "heapsort") {
    result = heapSort(data);
  }

  const duration = performance.now() / 1000 - start;
  return [result, duration];
});

// Test all configs
await Spearmint.run(sortData, { awaitVariants: true }, async (runner) => {
  const data = Array.from({ length: 1000 }, (_, i) => 1000 - i); // Reverse sorted
  const results = await runner(data);

  // Compare results
  for (const branch of [results.mainResult, ...results.variantResults]) {
    const config = branch.config;
    const [, duration] = branch.result!;
    console.log(`${config["algorithm"]}: ${duration.toFixed(4)}s`);
  }
});

function mergeSort(xs: number[]): number[] {
  if (xs.length <= 1) return xs;
  const mid = xs.length >> 1;
  const [a, b] = [mergeSort(xs.slice(0, mid)), mergeSort(xs.slice(mid))];
  const out: number[] = [];
  while (a.length && b.length) out.push((a[0]! <= b[0]! ? a : b).shift()!);
  return [...out, ...a, ...b];
}

function heapSort(xs: number[]): number[] {
  const h = [...xs];
  const sift = (i: number, n: number) => {
    for (let c = 2 * i + 1; c < n; i = c, c = 2 * i + 1) {
      if (c + 1 < n && h[c + 1]! > h[c]!) c++;
      if (h[i]! >= h[c]!) return;
      [h[i], h[c]] = [h[c]!, h[i]!];
    }
  };
  for (let i = (h.length >> 1) - 1; i >= 0; i--) sift(i, h.length);
  for (let end = h.length - 1; end > 0; end--) {
    [h[0], h[end]] = [h[end]!, h[0]!];
    sift(0, end);
  }
  return h;
}
