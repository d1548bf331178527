#!/usr/bin/env node
/**
 * The `hydrant` bin. Start-up is a feature: the common path (a Hydra app command line: compose, print,
 * run a sweep) is parsed by the small dependency-free parser, and yargs is loaded only for the
 * subcommands and the usage text, where its cost is not paid on every call.
 */
import { runAppCommand } from "./app-command.js";
import { formatError } from "./report-error.js";
import { routeOf } from "./routing.js";
import { guardPipes, writeTo } from "./output.js";

async function cli(argv: string[]): Promise<number> {
  guardPipes();
  const route = routeOf(argv);
  if (route === "app") return (await runAppCommand(argv)).code;
  if (route === "rerun") return (await runAppCommand(["--rerun", ...argv.slice(1)])).code;
  const { runSubcommand } = await import("./commands.js");
  return runSubcommand(argv.length === 0 ? ["--help"] : argv);
}

cli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    writeTo(process.stderr, formatError(err));
    process.exitCode = 1;
  },
);
