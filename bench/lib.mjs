// Shared helpers for the benchmarks: repeated child-process timing with a median, and peak RSS.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** Median wall time (ms) and median peak RSS (MiB) of `argv` over `runs` runs (after one warm-up). */
export function measureCommand(argv, { runs = 15, env = process.env, cwd = process.cwd() } = {}) {
  const times = [], rss = [];
  for (let i = 0; i <= runs; i++) {
    const cmd = TIME ? [TIME, "-f", "%M", ...argv] : argv;
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd[0], cmd.slice(1), { env, cwd, encoding: "utf8" });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`benchmark command failed (${r.status}): ${argv.join(" ")}\n${r.stderr}`);
    if (i === 0) continue; // warm-up: file cache
    times.push(ms);
    if (TIME) rss.push(Number(r.stderr.trim().split("\n").pop()) / 1024);
  }
  return { ms: median(times), rssMiB: rss.length ? median(rss) : undefined };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const fmt = (x, d = 1) => (x === undefined ? "-" : x.toFixed(d));

export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join("  ")).join("\n");
}

/**
 * `argv` and the floor run alternately, so that load from elsewhere on the machine hits both alike;
 * the ratio is the median of the per-pair ratios (with their min and max).
 */
export function measureAgainstFloor(argv, floorArgv, { runs = 15, env = process.env, cwd = process.cwd() } = {}) {
  const pairs = [];
  for (let i = 0; i < runs; i++) {
    const f = measureCommand(floorArgv, { runs: 1, cwd });
    const c = measureCommand(argv, { runs: 1, env, cwd });
    pairs.push({ floor: f.ms, ms: c.ms, rssMiB: c.rssMiB, floorRss: f.rssMiB });
  }
  const pick = (k) => (pairs[0][k] === undefined ? undefined : median(pairs.map((p) => p[k])));
  const ratios = pairs.map((p) => p.ms / p.floor);
  return { ms: pick("ms"), floorMs: pick("floor"), rssMiB: pick("rssMiB"), ratio: median(ratios), ratioMin: Math.min(...ratios), ratioMax: Math.max(...ratios), rssRatio: pairs[0].rssMiB === undefined ? undefined : median(pairs.map((p) => p.rssMiB / p.floorRss)) };
}

/** Median wall time (ms) of `fn` in this process, after a warm-up, over at least `minMs` and 5 samples. */
export function timeInProcess(fn, minMs = 400) {
  fn(); // warm-up (JIT, file caches)
  const samples = [];
  const start = performance.now();
  while (performance.now() - start < minMs || samples.length < 5) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}
