import { describe, expect, it } from "vitest";
import { estimateRemainingMs, formatDuration, formatProgress } from "../../src/runs/progress-line.js";

describe("formatProgress", () => {
  it("shows done, failed, running, elapsed and ETA", () => {
    const s = formatProgress({ total: 100, completed: 38, failed: 2, running: 4, elapsedMs: 12_000 }, 10);
    expect(s).toBe("[####------] 40/100 done (2 failed, 4 running) 12.0s elapsed, ETA 18.0s");
  });

  it("omits the ETA when finished and shows ? before any job ended", () => {
    expect(formatProgress({ total: 2, completed: 2, failed: 0, running: 0, elapsedMs: 500 }, 4)).toBe("[####] 2/2 done 500ms elapsed");
    expect(formatProgress({ total: 2, completed: 0, failed: 0, running: 1, elapsedMs: 500 }, 4)).toBe("[----] 0/2 done (1 running) 500ms elapsed, ETA ?");
  });

  it("does not count jobs done before a resume in the rate", () => {
    expect(estimateRemainingMs({ total: 10, completed: 6, failed: 0, running: 0, elapsedMs: 1000, skipped: 5 })).toBe(4000);
  });

  it("formats durations", () => {
    expect(formatDuration(61_000)).toBe("1m01s");
    expect(formatDuration(3_700_000)).toBe("1h01m");
  });
});
