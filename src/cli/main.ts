#!/usr/bin/env node
/**
 * The `hydrant` bin. Start-up is a feature: the common path (a Hydra app command line: compose, print,
 * run a sweep) is parsed by the small dependency-free parser, and yargs is loaded only for the
 * subcommands and the usage text, where its cost is not paid on every call.
 */
import { runAppCommand } from "./app-command.js";
import { formatError } from "./report-error.js";

const SUBCOMMANDS = new Set(["experiment", "worker", "queue", "results", "completion"]);

async function cli(argv: string[]): Promise<number> {
  const first = argv[0];
  if (first !== undefined && SUBCOMMANDS.has(first)) {
    const { runSubcommand } = await import("./commands.js");
    return runSubcommand(argv);
  }
  if (argv.length === 0 || argv.includes("--version") || argv.includes("-V") || isBareHelp(argv)) {
    const { runSubcommand } = await import("./commands.js");
    return runSubcommand(argv.length === 0 ? ["--help"] : argv);
  }
  return (await runAppCommand(argv)).code;
}

/** `hydrant --help` alone is hydrant's usage; with a config it is the app's help, as in Hydra. */
function isBareHelp(argv: string[]): boolean {
  return argv.every((a) => a === "--help" || a === "-h");
}

cli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(formatError(err));
    process.exitCode = 1;
  },
);
