// Start-up: `hydrant --cfg job` against the floor, `node -e 0`. Goal: at most 1.5x the floor.
// Hydra's own `--cfg job` on the small tree takes about 350 ms here, 19x Python's bare start-up.
import path from "node:path";
import { measureCommand, fmt, table } from "./lib.mjs";

const trees = path.resolve("../shared/bench/trees");
export function benchStartup({ runs = 15 } = {}) {
  const floor = measureCommand([process.execPath, "-e", "0"], { runs });
  const cases = [
    ["example conf/ (+experiment=quick_test)", ["-cd", "conf", "-cn", "config", "+experiment=quick_test"]],
    ["small", ["-cd", `${trees}/small`, "-cn", "config"]],
    ["large (40 groups)", ["-cd", `${trees}/large`, "-cn", "config"]],
    ["deep (+experiment=e9)", ["-cd", `${trees}/deep`, "-cn", "config", "+experiment=e9"]],
  ];
  const rows = [["command", "ms", "x floor", "peak RSS MiB", "x floor RSS"]];
  rows.push(["node -e 0 (floor)", fmt(floor.ms), "1.00", fmt(floor.rssMiB), "1.00"]);
  const results = { floor, cases: {} };
  for (const [name, args] of cases) {
    const r = measureCommand([process.execPath, "dist/cli.js", ...args, "--cfg", "job"], { runs });
    results.cases[name] = { ...r, ratio: r.ms / floor.ms, rssRatio: r.rssMiB / floor.rssMiB };
    rows.push([`hydrant --cfg job: ${name}`, fmt(r.ms), fmt(r.ms / floor.ms, 2), fmt(r.rssMiB), fmt(r.rssMiB / floor.rssMiB, 2)]);
  }
  return { results, text: table(rows) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(benchStartup().text);
