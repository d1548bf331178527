import type { JobOutcome, LauncherEvent, LaunchSink, PreparedJob } from "../../src/core/launcher.js";

/** A launch sink that keeps what a launcher reports: outcomes by job number, events, the first start. */
export class RecordingSink implements LaunchSink {
  stopped = false;
  outcomes = new Map<number, JobOutcome>();
  events: LauncherEvent[] = [];
  private onStart: (() => void)[] = [];
  started(): void {
    for (const f of this.onStart.splice(0)) f();
  }
  finished(j: PreparedJob, o: JobOutcome): void {
    this.outcomes.set(j.num as number, o);
  }
  notify(e: LauncherEvent): void {
    this.events.push(e);
  }
  firstStart(): Promise<void> {
    return new Promise((resolve) => this.onStart.push(resolve));
  }
  /** The launcher's notices, in order. */
  notices(): string[] {
    return this.events.flatMap((e) => (e.type === "launcher_notice" ? [e.message] : []));
  }
}
