/** The contracts every layer above shares: what a task is, what a launcher and a sweeper are. */
export type { AppTask, CommandTask, TaskContext, TaskFunction, TaskRef } from "./task.js";
export type { ExecuteOptions, JobOutcome, JobPlacement, LaunchContext, LaunchSink, Launcher, LauncherEvent, LauncherPlugin, PreparedJob } from "./launcher.js";
export type { SweepContext, Sweeper, SweeperPlugin } from "./sweeper.js";
