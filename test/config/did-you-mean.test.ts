import { describe, expect, it } from "vitest";
import { suggestKey } from "../../src/config/did-you-mean.js";

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
