// In-process compose() rate on the synthetic trees Hydra was measured on (Hydra, this machine:
// 67 ms per compose of `small`, 1.4 s of `large`, 106 ms of `deep` with +experiment=e9). Goal: >= 100x.
import path from "node:path";
import { fmt, table, timeInProcess } from "./lib.mjs";

const trees = path.resolve("bench/trees"); // vendored from ../shared/bench/trees (npm run conformance:sync)
const HYDRA_MS = { small: 67, large: 1400, deep: 106 };
const CASES = {
  small: { configDir: `${trees}/small`, configName: "config", overrides: [] },
  large: { configDir: `${trees}/large`, configName: "config", overrides: [] },
  deep: { configDir: `${trees}/deep`, configName: "config", overrides: ["+experiment=e9"] },
};

export async function benchCompose() {
  const { compose } = await import(path.resolve("dist/index.mjs"));
  const rows = [["tree", "ms/compose", "composes/s", "Hydra ms", "x Hydra"]];
  const results = {};
  for (const [name, opts] of Object.entries(CASES)) {
    const ms = timeInProcess(() => compose(opts));
    results[name] = { ms, perSecond: 1000 / ms, speedup: HYDRA_MS[name] / ms };
    rows.push([name, fmt(ms, 3), fmt(1000 / ms, 0), HYDRA_MS[name], fmt(HYDRA_MS[name] / ms, 0)]);
  }
  return { results, text: table(rows) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await benchCompose()).text);
