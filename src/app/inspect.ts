/**
 * What `--cfg`, `--info` and `--help` show, as text. Shared by the `hydrant` CLI and `main()` apps so
 * both print exactly what Hydra prints; the callers only write the strings.
 */
import { withKeyOrigin } from "../compose/key-origin.js";
import type { ComposeResult } from "../compose/index.js";
import { InputDefault, type DefaultsTreeNode } from "../compose/index.js";
import { HYDRA_VERSION } from "../compose/index.js";
import { GroupDefault, VirtualRoot } from "../compose/index.js";
import { ConfigDict, isContainer, isDict, type ConfigValue } from "../config/node.js";
import { selectNode } from "../config/path.js";
import { toYaml } from "../config/yaml.js";
import { HydrantError } from "../errors.js";
import { formatPipeTable } from "../table/index.js";
import { hydraOnly, resolvePath, resolveTaskConfigForDisplay, withoutHydra } from "../compose/config-access.js";
import { appConfigGroups, composeAppConfig, configLocation, type ConfigLocation } from "../runs/compose-access.js";
import { iterateSweepJobs } from "../runs/plan.js";
import { INFO_TOPICS } from "./argv.js";
import type { AppArgs } from "./types.js";


function composeFor(args: AppArgs, cwd: string): ComposeResult {
  const loc = configLocation(args, cwd);
  return composeAppConfig({ configDir: loc.configDir, searchPath: loc.searchPath, configName: loc.configName ?? null, jobName: loc.jobName, overrides: args.overrides, runMode: "RUN", cwd, fromShell: true, schema: loc.schema });
}

/** `--cfg job|hydra|all [--resolve] [--package P]`; with --multirun one YAML document per job. */
export function* renderConfig(args: AppArgs, cwd = process.cwd()): Generator<string> {
  if (args.multirun) {
    let first = true;
    let shown = 0;
    for (const job of iterateSweepJobs(args, cwd)) {
      // A dry run shows what a run would start: --limit N shows the first N jobs.
      if (args.limit !== undefined && shown++ >= args.limit) return;
      yield `${first ? "" : "---\n"}${toYaml(selectPackage(job.config, args.package).value)}`;
      first = false;
    }
    return;
  }
  const { config, keyOrigin } = composeFor(args, cwd);
  const shown = withKeyOrigin(keyOrigin, () => selectForCfg(config, args.cfg ?? "job", args.resolve));
  const { value, pkg } = selectPackage(shown, args.package);
  if (!isContainer(value)) {
    yield `${value === null ? "None" : String(value)}\n`;
    return;
  }
  yield `${pkg ? `# @package ${pkg}\n` : ""}${toYaml(value)}`;
}

function selectForCfg(config: ConfigDict, cfg: "job" | "hydra" | "all", resolve: boolean): ConfigDict {
  if (cfg === "hydra") return withoutHelp(hydraOnly(config));
  if (cfg === "all") return config;
  return resolve ? resolveTaskConfigForDisplay(config) : withoutHydra(config);
}

/** Hydra drops the help templates from `--cfg hydra`: they are long and not config anyone edits. */
function withoutHelp(cfg: ConfigDict): ConfigDict {
  const hydra = cfg.get("hydra");
  if (!isDict(hydra)) return cfg;
  const trimmed = new ConfigDict([...hydra.entries].filter(([k]) => k !== "help" && k !== "hydra_help"), hydra.source);
  return new ConfigDict([...cfg.entries].map(([k, v]) => [k, k === "hydra" ? trimmed : v] as const), cfg.source);
}

function selectPackage(cfg: ConfigDict, pkg: string | undefined): { value: ConfigValue; pkg?: string } {
  if (pkg === undefined || pkg === "_global_" || pkg === "") return { value: cfg };
  const found = selectNode(cfg, pkg);
  if (!found.found || found.value === undefined) {
    throw new HydrantError(`package '${pkg}' not found in config. Give --package a dotted key of the composed config (e.g. --package db).`, { key: pkg });
  }
  return { value: found.value, pkg };
}

/** `--info [topic]`: Hydra's sections, plus `config-groups` (every group with its options). */
export function renderInfo(args: AppArgs, cwd = process.cwd()): string {
  const topic = args.info ?? "all";
  if (!INFO_TOPICS.has(topic)) {
    throw new HydrantError(`Info usage: --info [${[...INFO_TOPICS].join("|")}]`);
  }
  if (topic === "config-groups") return renderConfigGroups(args, cwd);
  if (topic === "plugins") return renderPlugins();
  const result = composeFor(args, cwd);
  const parts: string[] = [];
  if (topic === "all") parts.push(header(`Hydra ${HYDRA_VERSION} (hydrant)`, "="), renderPlugins());
  if (topic === "all" || topic === "config" || topic === "searchpath") parts.push(renderSearchPath(result));
  if (topic === "all" || topic === "config" || topic === "defaults-tree") parts.push(renderDefaultsTree(result));
  if (topic === "all" || topic === "config" || topic === "defaults") parts.push(renderDefaultsList(result));
  if (topic === "all" || topic === "config") parts.push(header("Config", "*") + toYaml(withoutHydra(result.config)));
  return parts.join("\n");
}

function header(title: string, filler: string): string {
  return `${title}\n${filler.repeat(title.length)}\n`;
}

function boxed(rows: string[][]): string {
  return formatPipeTable(rows[0], rows.slice(1)).join("\n") + "\n";
}

function renderSearchPath(result: ComposeResult): string {
  const rows = [["Provider", "Search path"], ...result.searchPath.map((sp) => [sp.provider, sp.path])];
  return header("Config search path", "*") + boxed(rows);
}

function renderDefaultsList(result: ComposeResult): string {
  const rows = [["Config path", "Package", "_self_", "Parent"]];
  for (const d of result.defaults) rows.push([d.configPath, d.package, d.isSelf ? "True" : "False", d.parent ?? ""]);
  return header("Defaults List", "*") + boxed(rows);
}

function renderDefaultsTree(result: ComposeResult): string {
  const lines: string[] = [];
  const label = (node: InputDefault): string => {
    if (node instanceof VirtualRoot) return node.getConfigPath();
    if (node instanceof GroupDefault) return `${node.getOverrideKey()}: ${node.getName() ?? "null"}`;
    return node.getConfigPath();
  };
  const walk = (tree: DefaultsTreeNode | InputDefault, depth: number): void => {
    const pad = "  ".repeat(depth);
    if (tree instanceof InputDefault) {
      lines.push(pad + label(tree));
      return;
    }
    const children = tree.children ?? [];
    lines.push(pad + label(tree.node) + (children.length ? ":" : ""));
    for (const child of children) walk(child, depth + 1);
  };
  walk(result.defaultsTree, 0);
  return header("Defaults Tree", "*") + lines.join("\n") + "\n";
}

function renderPlugins(): string {
  return header("Installed Hydra Plugins", "*") + "\tConfigSource: FileConfigSource, PackageConfigSource, MemoryConfigSource\n\tLauncher: basic, local, bullmq\n\tSweeper: basic\n";
}

/** Every config group with its options: what Hydra users reach for and Hydra lacks. */
export function renderConfigGroups(args: AppArgs, cwd = process.cwd()): string {
  const loc: ConfigLocation = configLocation(args, cwd);
  const groups = appConfigGroups({ configDir: loc.configDir, searchPath: loc.searchPath, cwd });
  const app = groups.filter((g) => !isHydraGroup(g.group) && g.options.length > 0);
  const hydra = groups.filter((g) => isHydraGroup(g.group) && g.options.length > 0);
  const section = (title: string, list: typeof groups) =>
    header(title, "*") + (list.length ? list.map((g) => `${g.group}: ${g.options.join(", ")}`).join("\n") + "\n" : "(none)\n");
  return section("Config groups", app) + "\n" + section("Hydra config groups", hydra);
}

export function isHydraGroup(group: string): boolean {
  return group === "hydra" || group.startsWith("hydra/");
}

/** Hydra's compact `group: a, b, c` lines for help templates. */
export function formatConfigGroups(args: AppArgs, predicate: (group: string) => boolean, cwd = process.cwd()): string {
  const loc = configLocation(args, cwd);
  return appConfigGroups({ configDir: loc.configDir, searchPath: loc.searchPath, cwd })
    .filter((g) => g.options.length > 0 && predicate(g.group))
    .map((g) => `${g.group}: ${g.options.join(", ")}\n`)
    .join("");
}

/** Hydra's flag list, as `$FLAGS_HELP` in the help templates shows it. */
export const FLAGS_HELP = `--help,-h : Application's help
--hydra-help : Hydra's help
--version : Show hydrant's version and exit
--cfg,-c : Show config instead of running [job|hydra|all]
--resolve : Used in conjunction with --cfg, resolve config interpolations before printing.
--package,-p : Config package to show
--run,-r : Run a job
--multirun,-m : Run multiple jobs with the configured launcher and sweeper
--shell-completion,-sc : Install or Uninstall shell completion:
    Bash - Install:
    eval "$(hydrant -sc install=bash)"
    Bash - Uninstall:
    eval "$(hydrant -sc uninstall=bash)"
    Zsh - Install:
    eval "$(hydrant -sc install=zsh)"
    Fish - Install:
    hydrant -sc install=fish | source
--config-path,-cp : Overrides the configPath given to main().
                    Absolute, or relative to the script calling main() (for the hydrant command: the current dir)
--config-name,-cn : Overrides the configName given to main() (the hydrant command has none: give it)
--config-dir,-cd : Adds an additional config dir to the config search path
--info,-i : Print Hydra information [all|config|config-groups|defaults|defaults-tree|plugins|searchpath]
--resume SWEEP_DIR : Run the jobs of an interrupted sweep that did not complete
--limit N : Run at most N jobs now (the rest stay pending for --resume)
--max-failures N, --fail-fast : Start no more jobs once N (1) failed; running ones finish, the rest stay pending
--retries N : Run a failed job up to N more times (waits hydra.sweeper.retry_backoff seconds, doubled each time)
--retry-failed : With --resume, run only the jobs that failed
--best METRIC[:max|min] : At the end of a sweep, name the best completed job by METRIC (highest unless :min)
--detach : Submit the sweep and return (launchers that run jobs elsewhere, e.g. slurm); --resume collects it
--yes,-y : With --resume, run the command experiment.json names even if it is not the one the sweep started with
-- CMD ARGS... : Run CMD once per job ({config}, {job_dir}, {job_num} are replaced)
Overrides : Any key=value arguments to override config values (use dots for.nested=overrides)
`;

/** `--help` (the app's help template) or `--hydra-help`, filled as Hydra fills them. */
export function renderHelp(args: AppArgs, cwd = process.cwd()): string {
  const hydraHelp = Boolean(args.hydraHelp);
  const composeArgs = hydraHelp ? { ...args, configName: undefined } : args;
  const result = composeFor(composeArgs, cwd);
  const full = result.config;
  const templatePath = hydraHelp ? "hydra.hydra_help.template" : "hydra.help.template";
  const template = resolvePath(full, templatePath);
  const text = typeof template === "string" ? template : "";
  const shownConfig = hydraHelp ? withoutHelp(hydraOnly(full)) : args.resolve ? resolveTaskConfigForDisplay(full) : withoutHydra(full);
  const values: Record<string, string> = {
    FLAGS_HELP,
    APP_CONFIG_GROUPS: formatConfigGroups(composeArgs, (g) => !isHydraGroup(g), cwd),
    HYDRA_CONFIG_GROUPS: formatConfigGroups(composeArgs, isHydraGroup, cwd),
    CONFIG: toYaml(shownConfig),
  };
  return text.replace(/\$(\w+)|\$\{(\w+)\}/g, (m, a: string | undefined, b: string | undefined) => values[(a ?? b) as string] ?? m) + "\n";
}
