export { runApp } from "./run-app.js";
export { parseAppArgv, ArgvError } from "./argv.js";
export type { AppArgs, AppOutcome, AppTask, CommandTask, MultirunOutcome, RunHooks, SingleRunOutcome, TaskContext, TaskFunction } from "./types.js";
