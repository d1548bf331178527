// The sweep progress display: plain lines off a terminal, including a distributed launcher's news.
import { describe, expect, it } from "vitest";
import { createProgressDisplay } from "../../src/cli/progress.js";
import { formatProgress } from "../../src/runs/progress.js";

function plainDisplay() {
  const lines: string[] = [];
  const display = createProgressDisplay({ out: () => {}, err: (t) => lines.push(t), isTTY: false });
  return { display, text: () => lines.join("") };
}

describe("progress display", { timeout: 60_000 }, () => {
  it("prints one line per job start and end, and the launcher's retries and notices", () => {
    const { display, text } = plainDisplay();
    display.onEvent({ type: "sweep_start", sweepDir: "/s", total: 2, toRun: 2, launcher: "bullmq" });
    display.onEvent({ type: "launcher_notice", launcher: "bullmq", level: "warning", message: "Redis at redis://127.0.0.1:1 is unreachable; waiting" });
    display.onEvent({ type: "job_start", num: 0, overrides: ["x=1"], jobDir: "/s/0" });
    display.onEvent({ type: "job_retry", num: 0, attempt: 2, reason: "exit code 3" });
    display.onEvent({ type: "job_end", num: 0, status: "completed", durationMs: 12 });
    display.close();
    expect(text()).toBe(
      [
        "Launching 2 of 2 jobs with the bullmq launcher in /s",
        "Warning (bullmq launcher): Redis at redis://127.0.0.1:1 is unreachable; waiting",
        "#0 start: x=1",
        "#0 retried (attempt 2): exit code 3",
        "#0 completed in 12ms",
        "",
      ].join("\n"),
    );
  });

  it("shows queued and retried counts in the progress line", () => {
    const line = formatProgress({ total: 10, completed: 3, failed: 1, running: 2, queued: 4, retried: 1, elapsedMs: 4000 }, 10);
    expect(line).toBe("[####------] 4/10 done (1 failed, 2 running, 4 queued, 1 retried) 4.0s elapsed, ETA 6.0s");
  });
});
