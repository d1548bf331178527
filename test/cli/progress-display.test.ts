// The sweep progress display: plain lines off a terminal, including a distributed launcher's news.
import { describe, expect, it } from "vitest";
import { createProgressDisplay } from "../../src/cli/progress-display.js";
import { formatProgress } from "../../src/runs/progress-line.js";

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

/** A tiny terminal: `\r\x1b[2K` erases the current line, `\n` starts the next one. */
function screen(bytes: string): string[] {
  const lines = [""];
  for (const part of bytes.split(/(\r\x1b\[2K|\n)/)) {
    if (part === "\r\x1b[2K") lines[lines.length - 1] = "";
    else if (part === "\n") lines.push("");
    else lines[lines.length - 1] += part;
  }
  return lines;
}

function ttyDisplay() {
  let bytes = "";
  const streams = {
    stdout: { write: ((chunk: string) => ((bytes += chunk), true)) as NodeJS.WriteStream["write"] },
    stderr: { write: ((chunk: string) => ((bytes += chunk), true)) as NodeJS.WriteStream["write"] },
  };
  // As the CLI's io: stderr text goes through the (intercepted) process stderr.
  const display = createProgressDisplay({ out: (t) => void streams.stdout.write(t), err: (t) => void streams.stderr.write(t), isTTY: true }, streams);
  return { display, streams, screen: () => screen(bytes) };
}

describe("progress line on a terminal", { timeout: 60_000 }, () => {
  it("never shares a line with what jobs print, and ends printed once", () => {
    const { display, streams, screen: shown } = ttyDisplay();
    display.onEvent({ type: "sweep_start", sweepDir: "/s", total: 2, toRun: 2, launcher: "basic" });
    display.onEvent({ type: "job_start", num: 0, overrides: ["x=1"], jobDir: "/s/0" });
    streams.stdout.write("epoch 1 of job 0\n");
    streams.stdout.write("partial ");
    display.onEvent({ type: "job_end", num: 0, status: "completed", durationMs: 5 });
    streams.stdout.write("line\n");
    display.onEvent({ type: "job_start", num: 1, overrides: ["x=2"], jobDir: "/s/1" });
    streams.stderr.write("a warning from job 1\n");
    display.onEvent({ type: "job_end", num: 1, status: "completed", durationMs: 5 });
    display.close();
    display.close();
    const lines = shown().filter(Boolean);
    expect(lines.slice(0, 4)).toEqual(["Launching 2 of 2 jobs with the basic launcher in /s", "epoch 1 of job 0", "partial line", "a warning from job 1"]);
    expect(lines.slice(4)).toHaveLength(1);
    expect(lines[4]).toMatch(/^\[#+\] 2\/2 done/);
  });

  it("shows why a job failed and where its error output went", () => {
    const { display, screen: shown } = ttyDisplay();
    display.onEvent({ type: "sweep_start", sweepDir: "/s", total: 1, toRun: 1, launcher: "basic" });
    display.onEvent({ type: "job_start", num: 0, overrides: ["x=1"], jobDir: "/nonexistent/s/0" });
    display.onEvent({ type: "job_end", num: 0, status: "failed", durationMs: 5, exitCode: 3, error: "'sh' exited with code 3" });
    display.close();
    expect(shown()).toContain("#0 failed after 5ms: 'sh' exited with code 3 (job dir: /nonexistent/s/0)");
  });
});
