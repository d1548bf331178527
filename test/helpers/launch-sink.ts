import type { JobOutcome, LauncherEvent, LaunchSink, PreparedJob } from "../../src/core/launcher.js";

/** A launch sink that keeps what a launcher reports: starts and outcomes by job number, events. */
export class RecordingSink implements LaunchSink {
  stopped = false;
  outcomes = new Map<number, JobOutcome>();
  starts: number[] = [];
  events: LauncherEvent[] = [];
  private onStart: ((num: number) => void)[] = [];
  started(j: PreparedJob): void {
    this.starts.push(j.num as number);
    for (const f of this.onStart.splice(0)) f(j.num as number);
  }
  finished(j: PreparedJob, o: JobOutcome): void {
    this.outcomes.set(j.num as number, o);
  }
  notify(e: LauncherEvent): void {
    this.events.push(e);
  }
  /** The number of the next job to start. */
  firstStart(): Promise<number> {
    return new Promise((resolve) => this.onStart.push(resolve));
  }
  /** The launcher's notices, in order. */
  notices(): string[] {
    return this.events.flatMap((e) => (e.type === "launcher_notice" ? [e.message] : []));
  }
}
