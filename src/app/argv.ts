/**
 * A dependency-free parser for a Hydra app's command line, for `main()` (the CLI may reuse it):
 * flags and overrides in any order, `--` ends them and starts the command of a command task.
 */
import { UsageError } from "../errors.js";
import type { AppArgs } from "./types.js";

export const INFO_TOPICS = new Set(["all", "config", "config-groups", "defaults", "defaults-tree", "plugins", "searchpath"]);
const CFG_VALUES = new Set(["job", "hydra", "all"]);

type ValueFlag = "configPath" | "configName" | "configDir" | "cfg" | "package" | "resume" | "rerun" | "limit" | "maxFailures" | "retries" | "best";
type BoolFlag = "resolve" | "multirun" | "run" | "help" | "hydraHelp" | "version" | "detach" | "yes" | "retryFailed";

const VALUE_FLAGS: Record<string, ValueFlag> = {
  "--config-path": "configPath", "-cp": "configPath",
  "--config-name": "configName", "-cn": "configName",
  "--config-dir": "configDir", "-cd": "configDir",
  "--cfg": "cfg", "-c": "cfg",
  "--package": "package", "-p": "package",
  "--resume": "resume",
  "--rerun": "rerun",
  "--limit": "limit",
  "--max-failures": "maxFailures",
  "--retries": "retries",
  "--best": "best",
};

const BOOL_FLAGS: Record<string, BoolFlag> = {
  "--resolve": "resolve",
  "--multirun": "multirun", "-m": "multirun",
  "--run": "run", "-r": "run",
  "--help": "help", "-h": "help",
  "--hydra-help": "hydraHelp",
  "--version": "version",
  "--detach": "detach",
  "--yes": "yes", "-y": "yes",
  "--retry-failed": "retryFailed",
};

/** Parses a Hydra app command line (`--config-dir`, `-m`, `--cfg job`, overrides, `-- CMD …`) into {@link AppArgs}; throws on a malformed one. */
export function parseAppArgv(argv: readonly string[]): AppArgs {
  const args: AppArgs = { overrides: [], multirun: false, resolve: false };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === "--") {
      args.command = argv.slice(i + 1);
      break;
    }
    const [flag, inline] = splitInline(token);
    if (flag in BOOL_FLAGS && inline === undefined) {
      args[BOOL_FLAGS[flag]] = true;
    } else if (flag === "--fail-fast" && inline === undefined) {
      args.maxFailures = 1;
    } else if (flag === "--info" || flag === "-i") {
      const next = argv[i + 1];
      if (inline !== undefined) args.info = checkInfo(inline);
      else if (next !== undefined && INFO_TOPICS.has(next)) args.info = argv[++i];
      else args.info = "all";
    } else if (flag in VALUE_FLAGS) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value.`);
      setValue(args, VALUE_FLAGS[flag], value, flag);
    } else if (token.startsWith("-") && !/^-\d/.test(token)) {
      throw new UsageError(`Unrecognized argument '${token}'. Hydra flags: --config-path/-cp, --config-name/-cn, --config-dir/-cd, --cfg/-c job|hydra|all, --resolve, --package/-p, --info/-i, --multirun/-m, --run/-r, --resume DIR, --limit N, --max-failures N, --fail-fast, --retries N, --retry-failed, --best METRIC[:max|min], --detach, --help/-h, --hydra-help, --version; overrides look like key=value.`);
    } else {
      args.overrides.push(token);
    }
  }
  if (args.retryFailed && args.resume === undefined) throw new UsageError("--retry-failed runs the failed jobs of an earlier sweep again: give it with --resume SWEEP_DIR.");
  return args;
}

/** `--flag=value` for long flags; short flags and bare tokens have no inline value. */
function splitInline(token: string): [string, string | undefined] {
  if (!token.startsWith("--")) return [token, undefined];
  const eq = token.indexOf("=");
  return eq === -1 ? [token, undefined] : [token.slice(0, eq), token.slice(eq + 1)];
}

function checkInfo(v: string): string {
  if (!INFO_TOPICS.has(v)) throw new UsageError(`--info takes one of ${[...INFO_TOPICS].join(", ")}; got '${v}'.`);
  return v;
}

function setValue(args: AppArgs, key: ValueFlag, value: string, flag: string): void {
  if (key === "cfg") {
    if (!CFG_VALUES.has(value)) throw new UsageError(`${flag} takes job, hydra or all; got '${value}'.`);
    args.cfg = value as AppArgs["cfg"];
  } else if (key === "limit" || key === "retries" || key === "maxFailures") {
    const n = Number(value);
    const min = key === "maxFailures" ? 1 : 0;
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} takes a ${key === "retries" ? "retry" : "job"} count (an integer >= ${min}); got '${value}'.`);
    args[key] = n;
  } else if (key === "best") {
    if (!/^[^:]+(:(max|min))?$/.test(value)) throw new UsageError(`${flag} takes METRIC[:max|min] (e.g. test_accuracy or loss:min); got '${value}'.`);
    args.best = value;
  } else {
    args[key] = value;
  }
}
