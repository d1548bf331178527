/** Which part of the bin a command line goes to: the Hydra app command line, or a yargs subcommand. */
export const SUBCOMMANDS = new Set(["experiment", "worker", "queue", "results", "completion", "ui", "types", "schema"]);

export type Route = "subcommand" | "usage" | "app" | "rerun";

export function routeOf(argv: readonly string[]): Route {
  const first = argv[0];
  if (first !== undefined && SUBCOMMANDS.has(first)) return "subcommand";
  // `hydrant rerun JOB_DIR …` is the app command line's `--rerun JOB_DIR …`.
  if (first === "rerun" && argv.length > 1 && !argv.includes("--help")) return "rerun";
  if (argv.length === 0 || argv.includes("--version") || argv.includes("-V") || isBareHelp(argv)) return "usage";
  return "app";
}

/** `hydrant --help` alone is hydrant's usage; with a config it is the app's help, as in Hydra. */
function isBareHelp(argv: readonly string[]): boolean {
  return argv.every((a) => a === "--help" || a === "-h");
}
