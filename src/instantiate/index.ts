export { instantiate, type InstantiateOptions, type InstantiateOverrides } from "./instantiate.js";
export { registerTarget, clearTargets, type Target } from "./target-registry.js";
export { rememberKeyPaths } from "./key-paths.js";
export { setAppDir, appDir } from "./app-dir.js";
