/**
 * `hydra/config`: the root of the `hydra` node, Hydra 1.3's HydraConf as YAML. Served by the
 * ConfigStore (package `hydra`, from its group). The fields the option configs fill (run, sweep,
 * launcher, sweeper, help, hydra_help, *_logging, env) come first because those children merge
 * before this config's own content, exactly as in Hydra.
 */
export const HYDRA_CONFIG_YAML = `defaults:
  - output: default
  - launcher: basic
  - sweeper: basic
  - help: default
  - hydra_help: default
  - hydra_logging: default
  - job_logging: default
  - callbacks: null
  - env: default
  - _self_

mode: null
searchpath: []
callbacks: {}
output_subdir: .hydra
overrides:
  hydra: []
  task: []
job:
  name: ???
  chdir: null
  override_dirname: ???
  id: ???
  num: ???
  config_name: ???
  env_set: {}
  env_copy: []
  config:
    override_dirname:
      kv_sep: '='
      item_sep: ','
      exclude_keys: []
runtime:
  version: ???
  version_base: ???
  cwd: ???
  config_sources: ???
  output_dir: ???
  choices: {}
verbose: false
`;

/** The sequential launcher and the basic sweeper; their plugins may re-register richer nodes. */
export const BASIC_LAUNCHER_YAML = `_target_: hydrant.launcher.BasicLauncher
`;

export const BASIC_SWEEPER_YAML = `_target_: hydrant.sweeper.BasicSweeper
max_batch_size: null
params: null
`;
