import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance, suggestKey, suggestKeyPath } from "../../src/config/did-you-mean.js";
import { fromPlain } from "../../src/config/node.js";

describe("suggestKey", () => {
  it("finds the existing name a typo was meant as", () => {
    expect(suggestKey("learnin_rate", ["momentum", "learning_rate", "weight_decay"])).toBe("learning_rate");
    expect(suggestKey("lerning_rat", ["learning_rate"])).toBe("learning_rate");
    expect(suggestKey("modle", ["model", "mode"])).toBe("model");
    expect(suggestKey("Batch_Size", ["batch_size"])).toBe("batch_size");
  });

  it("suggests nothing far off, nothing for the name itself, nothing from no candidates", () => {
    expect(suggestKey("zzz", ["learning_rate", "lr"])).toBeUndefined();
    expect(suggestKey("ab", ["xy"])).toBeUndefined();
    expect(suggestKey("lr", ["lr"])).toBeUndefined();
    expect(suggestKey("lr", [])).toBeUndefined();
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and neighbour swaps as one edit each", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("lr", "rl")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("is a symmetric distance, and the cap only ever lowers it to the cap", () => {
    const word = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 14 }), (a, b, cap) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(editDistance(a, b, cap)).toBe(Math.min(d, cap));
      }),
      { numRuns: 300 },
    );
  });
});

describe("suggestKeyPath", () => {
  const cfg = fromPlain({ optimizer: { learning_rate: 0.1, momentum: 0.9 }, model: { layers: [1, 2] } });

  it("fixes the first part that is not there, when the rest of the path then exists", () => {
    expect(suggestKeyPath(cfg, "optimizer.learnin_rate")).toBe("optimizer.learning_rate");
    expect(suggestKeyPath(cfg, "optimiser.momentum")).toBe("optimizer.momentum");
    expect(suggestKeyPath(cfg, "optimiser.nothing_like_it")).toBeUndefined();
    expect(suggestKeyPath(cfg, "model.layers.x")).toBeUndefined();
    expect(suggestKeyPath(cfg, "optimizer.momentum")).toBeUndefined();
  });
});
