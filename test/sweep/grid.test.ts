import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigDict } from "../../src/config/node.js";
import { sweepDimensions } from "../../src/sweep/basic-sweeper.js";
import { cartesianProduct, drop, productSize, type SweepDimension } from "../../src/sweep/grid.js";

const dim = (key: string, values: string[]): SweepDimension => ({ key, overrides: () => values.map((v) => `${key}=${v}`) });

describe("cartesianProduct", () => {
  it("varies the first dimension slowest (itertools.product order)", () => {
    const jobs = [...cartesianProduct([dim("a", ["1", "2"]), dim("b", ["x", "y", "z"])])];
    expect(jobs).toEqual([
      ["a=1", "b=x"], ["a=1", "b=y"], ["a=1", "b=z"],
      ["a=2", "b=x"], ["a=2", "b=y"], ["a=2", "b=z"],
    ]);
  });

  it("gives one empty job without dimensions and none with an empty one", () => {
    expect([...cartesianProduct([])]).toEqual([[]]);
    expect([...cartesianProduct([dim("a", ["1"]), dim("b", [])])]).toEqual([]);
  });

  it("matches a nested-loop product and productSize", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 3 }), { minLength: 0, maxLength: 4 }), { maxLength: 4 }), (lists) => {
        const dims = lists.map((l, i) => dim(`k${i}`, l));
        let expected: string[][] = [[]];
        lists.forEach((l, i) => {
          expected = expected.flatMap((prefix) => l.map((v) => [...prefix, `k${i}=${v}`]));
        });
        expect([...cartesianProduct(dims)]).toEqual(expected);
        expect(productSize(dims)).toBe(expected.length);
      }),
    );
  });

  it("streams a huge grid without materializing it", () => {
    const big: SweepDimension = { key: "i", overrides: function* () { for (let i = 0; i < 1000; i++) yield `i=${i}`; } };
    const dims = [big, big, big].map((d, n) => ({ ...d, key: `k${n}` }));
    expect(productSize(dims)).toBe(1e9);
    const first = [...drop(take(cartesianProduct(dims), 1002), 1000)];
    expect(first).toEqual([["i=0", "i=1", "i=0"], ["i=0", "i=1", "i=1"]]);
  });
});

function* take<T>(it: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  for (const x of it) {
    yield x;
    if (--n <= 0) return;
  }
}

describe("sizes counted without iterating", () => {
  it("an integer range's count is the number of values it yields, for any bounds and step", () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: -7, max: 7 }).filter((s) => s !== 0), (start, stop, step) => {
        const [dim] = sweepDimensions({ master: new ConfigDict(), taskOverrides: [`x=range(${start},${stop},${step})`], listOptions: () => [] });
        expect(dim.count?.()).toBe([...dim.overrides()].length);
        expect(productSize([dim])).toBe([...dim.overrides()].length);
      }),
    );
  });
});
