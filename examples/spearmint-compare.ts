/**
 * Compares text-retrieval scorers (word overlap, TF-IDF, BM25 with a small parameter grid) on a
 * generated corpus, with Spearmint: 7 configs from 3 config entries, every config run on the same
 * queries, each run recorded as JSON Lines, and a comparison table at the end.
 *
 *   npx tsx examples/spearmint-compare.ts
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamicValue } from "../src/dynamic/index.js";
import { Spearmint, type MintConfig } from "../src/spearmint/index.js";

// ---- deterministic data: documents over a Zipf-like vocabulary, queries drawn from one document each

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(42);
const VOCABULARY = 400;
const zipfWord = (): string => `w${Math.floor(VOCABULARY * random() ** 2.5)}`;

const docs: string[][] = Array.from({ length: 500 }, () =>
  Array.from({ length: 20 + Math.floor(random() * 80) }, zipfWord),
);

interface Query {
  terms: string[];
  relevant: number;
}

const queries: Query[] = Array.from({ length: 150 }, () => {
  const relevant = Math.floor(random() * docs.length);
  const doc = docs[relevant]!;
  const terms = Array.from({ length: 3 }, () => doc[Math.floor(random() * doc.length)]!);
  return { terms: [...terms, zipfWord()], relevant };
});

// ---- corpus statistics shared by the scorers

const docFreq = new Map<string, number>();
for (const doc of docs) for (const w of new Set(doc)) docFreq.set(w, (docFreq.get(w) ?? 0) + 1);
const termCounts = docs.map((doc) => {
  const counts = new Map<string, number>();
  for (const w of doc) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
});
const avgLength = docs.reduce((n, d) => n + d.length, 0) / docs.length;
const idf = (w: string): number => Math.log(1 + (docs.length - (docFreq.get(w) ?? 0) + 0.5) / ((docFreq.get(w) ?? 0) + 0.5));

// ---- the experiment

const recordDir = mkdtempSync(join(tmpdir(), "spearmint-compare-"));

const mint = new Spearmint({
  configs: [
    { scorer: "overlap" },
    { scorer: "tfidf", sublinear_tf: new DynamicValue([false, true]) },
    { scorer: "bm25", bm25: { k1: new DynamicValue([0.9, 1.5]), b: new DynamicValue([0.4, 0.75]) } },
  ],
  recordDir,
});

type ScorerConfig = MintConfig<typeof mint>;

function scoreDoc(terms: readonly string[], index: number, config: ScorerConfig): number {
  const counts = termCounts[index]!;
  let score = 0;
  for (const w of terms) {
    const tf = counts.get(w) ?? 0;
    if (tf === 0) continue;
    if (config.scorer === "overlap") score += 1;
    else if (config.scorer === "tfidf") score += (config.get("sublinear_tf") ? 1 + Math.log(tf) : tf) * idf(w);
    else {
      const k1 = config.require("bm25.k1") as number;
      const b = config.require("bm25.b") as number;
      const norm = k1 * (1 - b + (b * docs[index]!.length) / avgLength);
      score += (idf(w) * tf * (k1 + 1)) / (tf + norm);
    }
  }
  return score;
}

/** Rank of the relevant document (1 = best; ties count against the scorer). */
function rankOf(query: Query, config: ScorerConfig): number {
  const target = scoreDoc(query.terms, query.relevant, config);
  let rank = 1;
  for (let i = 0; i < docs.length; i++) if (i !== query.relevant && scoreDoc(query.terms, i, config) >= target) rank++;
  return rank;
}

const evaluate = mint.experiment(function retrieval(qs: readonly Query[], config: ScorerConfig) {
  const ranks = qs.map((q) => rankOf(q, config));
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    mrr: mean(ranks.map((r) => 1 / r)),
    hit_at_1: mean(ranks.map((r) => (r === 1 ? 1 : 0))),
    hit_at_10: mean(ranks.map((r) => (r <= 10 ? 1 : 0))),
  };
});

const results = await Spearmint.run(evaluate, { awaitVariants: true }, (runner) => runner(queries));
await mint.drain();

const best = [results.mainResult, ...results.variantResults]
  .filter((b) => b.status === "ok")
  .sort((a, b) => b.result!.mrr - a.result!.mrr)[0]!;

console.log(`${mint.configs.length} configs, ${docs.length} documents, ${queries.length} queries\n`);
console.log(results.table());
console.log(`\nbest: ${best.configId} (${JSON.stringify(best.config.toObject())}) with MRR ${best.result!.mrr.toFixed(3)}`);
console.log(`records: ${mint.results.records.length} runs written to ${join(recordDir, "retrieval.jsonl")}`);
