import { fromPlain } from "../../src/config/node.js";
import { describe, expect, it } from "vitest";
import { suggestKey, suggestKeyPath } from "../../src/config/did-you-mean.js";

describe("suggestKey", () => {
  it("names the closest candidate within a third of the name's length", () => {
    expect(suggestKey("prot", ["host", "port", "user"])).toBe("port");
    expect(suggestKey("learning_rat", ["learning_rate", "momentum"])).toBe("learning_rate");
    expect(suggestKey("lr", ["rl", "xyz"])).toBe("rl");
    expect(suggestKey("Port", ["port"])).toBe("port");
  });

  it("names none when nothing is close", () => {
    expect(suggestKey("database", ["host", "port"])).toBeUndefined();
    expect(suggestKey("x", [])).toBeUndefined();
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
