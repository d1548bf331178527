/** The `local` launcher's name and config node, apart from its process pool so composing stays light. */
export const LOCAL_LAUNCHER_TARGET = "hydrant.launcher.LocalLauncher";

export const LOCAL_LAUNCHER = {
  name: "local",
  target: LOCAL_LAUNCHER_TARGET,
  configNode: { _target_: LOCAL_LAUNCHER_TARGET, n_jobs: -1, gpus: null },
};
