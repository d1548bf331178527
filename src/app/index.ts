export { runApp } from "./run-app.js";
export { parseAppArgv } from "./argv.js";
export type { AppArgs, AppOutcome, MultirunOutcome, RunHooks, SingleRunOutcome } from "./types.js";
