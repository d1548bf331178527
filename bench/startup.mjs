// Start-up: `hydrant --cfg job` against the floor, `node -e 0`. Goals: at most 1.25x the floor on `small`
// and `deep`, 1.5x on `large`.
// Hydra's own `--cfg job` on the small tree takes about 350 ms here, 19x Python's bare start-up.
import path from "node:path";
import { fmt, measureAgainstFloor, table } from "./lib.mjs";

const trees = path.resolve("bench/trees"); // vendored from ../shared/bench/trees (npm run conformance:sync)
const FLOOR = [process.execPath, "-e", "0"];

export function benchStartup({ runs = 21 } = {}) {
  const cases = [
    ["example conf/ (+experiment=quick_test)", ["-cd", "conf", "-cn", "config", "+experiment=quick_test"]],
    ["small", ["-cd", `${trees}/small`, "-cn", "config"]],
    ["large (40 groups)", ["-cd", `${trees}/large`, "-cn", "config"]],
    ["deep (+experiment=e9)", ["-cd", `${trees}/deep`, "-cn", "config", "+experiment=e9"]],
  ];
  const rows = [["hydrant --cfg job", "ms", "floor ms", "x floor (min-max)", "peak RSS MiB", "x floor RSS"]];
  const results = { cases: {} };
  const add = (name, args, env) => {
    const r = measureAgainstFloor([process.execPath, "dist/cli.js", ...args, "--cfg", "job"], FLOOR, { runs, env });
    results.cases[name] = r;
    rows.push([name, fmt(r.ms), fmt(r.floorMs), `${fmt(r.ratio, 2)} (${fmt(r.ratioMin, 2)}-${fmt(r.ratioMax, 2)})`, fmt(r.rssMiB), fmt(r.rssRatio, 2)]);
  };
  for (const [name, args] of cases) add(name, args);
  // The first start after an install or upgrade has no code cache yet: what every start would cost without it.
  add("example conf/, HYDRANT_COMPILE_CACHE=0", cases[0][1], { ...process.env, HYDRANT_COMPILE_CACHE: "0" });
  return { results, text: table(rows) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(benchStartup().text);
