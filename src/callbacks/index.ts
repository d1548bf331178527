export { Callbacks, callbacksOf, callbackConfig } from "./callbacks.js";
export { LogJobReturnCallback, SaveJobReturnCallback, registerBuiltinCallbacks } from "./builtin-callbacks.js";
export type { Callback, CallbackConfig, JobReturn, RunInfo, RunEndInfo, MultirunEndInfo, JobStartInfo, ComposeInfo, CallbackEvent } from "./types.js";
export { observeRun, type RunObserver } from "./observe-run.js";
