/**
 * The YAML files of Hydra 1.3's `hydra.conf` package (hydrant serves them as `pkg://hydra.conf`).
 * Kept as strings so the bundled CLI never reads them from disk.
 */
const OUTPUT_DEFAULT = `# @package hydra
run:
  dir: outputs/\${now:%Y-%m-%d}/\${now:%H-%M-%S}
sweep:
  dir: multirun/\${now:%Y-%m-%d}/\${now:%H-%M-%S}
  subdir: \${hydra.job.num}
`;

const HELP_DEFAULT = `# @package hydra.help
# App name, override to match the name your app is known by
app_name: \${hydra.job.name}

# Help header, customize to describe your app to your users
header: |
  \${hydra.help.app_name} is powered by Hydra.

footer: |
  Powered by Hydra (https://hydra.cc)
  Use --hydra-help to view Hydra specific help

# Basic Hydra flags:
#   $FLAGS_HELP
#
# Config groups, choose one of:
#   $APP_CONFIG_GROUPS: All config groups that does not start with hydra/.
#   $HYDRA_CONFIG_GROUPS: All the Hydra config groups (starts with hydra/)
#
# Configuration generated with overrides:
#   $CONFIG : Generated config
#
template: |
  \${hydra.help.header}
  == Configuration groups ==
  Compose your configuration from those groups (group=option)

  $APP_CONFIG_GROUPS

  == Config ==
  Override anything in the config (foo.bar=value)

  $CONFIG

  \${hydra.help.footer}
`;

const HYDRA_HELP_DEFAULT = `# @package hydra.hydra_help
# Basic Hydra flags:
#   $FLAGS_HELP
#
# Config groups, choose one of:
#   $APP_CONFIG_GROUPS: All config groups that does not start with hydra/.
#   $HYDRA_CONFIG_GROUPS: All the Hydra config groups (starts with hydra/)
#
# Configuration generated with overrides:
#   $CONFIG : Generated config
#
template: |
  Hydra (\${hydra.runtime.version})
  See https://hydra.cc for more info.

  == Flags ==
  $FLAGS_HELP

  == Configuration groups ==
  Compose your configuration from those groups (For example, append hydra/job_logging=disabled to command line)

  $HYDRA_CONFIG_GROUPS

  Use '--cfg hydra' to Show the Hydra config.

hydra_help: ???
`;

const HYDRA_LOGGING_DEFAULT = `# @package hydra.hydra_logging
version: 1
formatters:
  simple:
    format: '[%(asctime)s][HYDRA] %(message)s'
handlers:
  console:
    class: logging.StreamHandler
    formatter: simple
    stream: ext://sys.stdout
root:
  level: INFO
  handlers: [console]
loggers:
  logging_example:
    level: DEBUG
disable_existing_loggers: false
`;

const HYDRA_LOGGING_DEBUG = `# @package hydra.hydra_logging
version: 1
formatters:
  simple:
    format: '[%(asctime)s][%(name)s][%(levelname)s] - %(message)s'
handlers:
  console:
    class: logging.StreamHandler
    formatter: simple
    stream: ext://sys.stdout
root:
  level: DEBUG
  handlers: [console]
disable_existing_loggers: false
`;

const LOGGING_DISABLED = (pkg: string): string => `# @package ${pkg}
version: 1
root:
  level: ERROR
disable_existing_loggers: true
`;

const LOGGING_NONE = (pkg: string): string => `# @package ${pkg}
version: 1
root: null
disable_existing_loggers: false
`;

const JOB_LOGGING_DEFAULT = `# @package hydra.job_logging
# python logging configuration for tasks
version: 1
formatters:
  simple:
    format: '[%(asctime)s][%(name)s][%(levelname)s] - %(message)s'
handlers:
  console:
    class: logging.StreamHandler
    formatter: simple
    stream: ext://sys.stdout
  file:
    class: logging.FileHandler
    formatter: simple
    # absolute file path
    filename: \${hydra.runtime.output_dir}/\${hydra.job.name}.log
root:
  level: INFO
  handlers: [console, file]

disable_existing_loggers: false
`;

const JOB_LOGGING_STDOUT = `# @package hydra.job_logging
version: 1
formatters:
  simple:
    format: '[%(asctime)s][%(name)s][%(levelname)s] - %(message)s'
handlers:
  console:
    class: logging.StreamHandler
    formatter: simple
    stream: ext://sys.stdout
root:
  level: INFO
  handlers: [console]
disable_existing_loggers: false
`;

const ENV_DEFAULT = `# @package hydra.env
`;

/** Config path (no extension) → YAML text. */
export const HYDRA_CONF_FILES: ReadonlyMap<string, string> = new Map([
  ["hydra/output/default", OUTPUT_DEFAULT],
  ["hydra/help/default", HELP_DEFAULT],
  ["hydra/hydra_help/default", HYDRA_HELP_DEFAULT],
  ["hydra/hydra_logging/default", HYDRA_LOGGING_DEFAULT],
  ["hydra/hydra_logging/hydra_debug", HYDRA_LOGGING_DEBUG],
  ["hydra/hydra_logging/disabled", LOGGING_DISABLED("hydra.hydra_logging")],
  ["hydra/hydra_logging/none", LOGGING_NONE("hydra.hydra_logging")],
  ["hydra/job_logging/default", JOB_LOGGING_DEFAULT],
  ["hydra/job_logging/stdout", JOB_LOGGING_STDOUT],
  ["hydra/job_logging/disabled", LOGGING_DISABLED("hydra.job_logging")],
  ["hydra/job_logging/none", LOGGING_NONE("hydra.job_logging")],
  ["hydra/env/default", ENV_DEFAULT],
]);
