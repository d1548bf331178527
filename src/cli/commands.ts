/**
 * hydrant's subcommands and usage text, on yargs. Loaded only when one of them is asked for, so the
 * Hydra app command line (the common case) never pays yargs' start-up cost.
 */
import yargs, { type Argv } from "yargs";
import { FLAGS_HELP } from "../app/inspect.js";
import { positiveSeconds } from "../launch/bullmq/timing.js";
import { formatError } from "./report-error.js";
import { VERSION } from "./version.js";

const APP_USAGE = `hydrant [flags] [overrides…] [-- CMD ARGS…]

Composes a config the way Hydra does and runs CMD once per job (or prints the config).

  hydrant -cd conf -cn config --cfg job               print the composed job config
  hydrant -cd conf -cn config +experiment=quick_test  same, with an experiment applied
  hydrant -cd conf --info config-groups               every config group and its options
  hydrant -cd conf -cn config db=mysql,postgres -m -- node train.mjs {config}
                                                      sweep: one job per option
  hydrant --resume multirun/2026-11-23/10-00-00       run what did not complete
  hydrant rerun outputs/2026-11-23/10-00-00 lr=0.1    run a past job again (overrides on top)

Flags:
${FLAGS_HELP.replace(/^/gm, "  ")}`;

export async function runSubcommand(argv: string[]): Promise<number> {
  let code = 0;
  let failed = false;
  const setCode = (c: number) => {
    code = c;
  };
  const guarded =
    <A>(handler: (a: A) => Promise<void>) =>
    async (a: A): Promise<void> => {
      if (!failed) await handler(a);
    };
  const cli = yargs(argv)
    .scriptName("hydrant")
    .usage(APP_USAGE)
    .version(VERSION)
    .alias("version", "V")
    .help("help")
    .alias("help", "h")
    .strict()
    // No wrapping: it would also strip the indentation of the usage text's examples and flag list.
    .wrap(null)
    .command("results <sweepDir>", "Show a sweep's jobs, status, durations and results", (y: Argv) =>
      y.positional("sweepDir", { type: "string", demandOption: true, describe: "a multirun sweep dir (with experiment.json)" })
        .option("sort-by", { type: "string", alias: "sort", describe: "sort by a result metric (e.g. test_accuracy), num, status or duration; smallest first" })
        .option("desc", { type: "boolean", default: false, describe: "largest first (as experiment show --desc)" })
        .option("html", { type: "string", describe: "write the dashboard's views to this one self-contained HTML file instead" })
        .option("best", { type: "string", describe: "after the table, the best completed job by METRIC[:max|min] (highest unless :min), with its overrides and dir" }),
    guarded(async (a) => setCode(a.html !== undefined
      ? await (await import("./ui.js")).htmlReportCommand(String(a.sweepDir), String(a.html))
      : await (await import("./results-command.js")).resultsCommand(String(a.sweepDir), { sortBy: a.sortBy as string | undefined, descending: Boolean(a.desc), best: a.best as string | undefined }))))
    .command("ui [dirs..]", "Open a local web dashboard of the sweeps under multirun/, outputs/, experiments/ (or DIRS)", (y: Argv) =>
      y.positional("dirs", { type: "string", array: true, describe: "dirs to search for sweeps (default: multirun outputs experiments)" })
        .option("port", { type: "number", default: 8765, describe: "port to listen on (0: any free port)" })
        .option("host", { type: "string", default: "127.0.0.1", describe: "address to bind; anything but loopback exposes your configs and logs" }),
    guarded(async (a) => setCode(await (await import("./ui.js")).uiCommand({ dirs: (a.dirs as string[] | undefined) ?? [], host: String(a.host), port: Number(a.port) }))))
    .command("experiment", "Run experiment specs, in the foreground or the background, and compare them", (y: Argv) => y.help(false).version(false).strict(false),
      guarded(async () => setCode(await experiment(argv.slice(1)))))
    .command("worker", "Serve sweep jobs from a BullMQ queue on Redis (hydra/launcher=bullmq)", (y: Argv) =>
      y.option("redis", { type: "string", demandOption: true, describe: "Redis URL, e.g. redis://127.0.0.1:6379" })
        .option("queue", { type: "string", demandOption: true, describe: "queue name (hydra.launcher.queue)" })
        .option("concurrency", { type: "number", default: 1, describe: "jobs run at once by this worker" })
        .option("lock-duration", { type: "number", describe: "seconds a job's lock lives unrenewed: a dead worker's job is retaken after about this plus --stalled-interval. Default: the queue's (hydra.launcher.lock_duration of the last sweep started on it), else 6; given here, it wins over the queue's" })
        .option("stalled-interval", { type: "number", describe: "seconds between this worker's checks for stalled jobs, shorter than the lock. Default: the queue's (hydra.launcher.stalled_interval), else 2; given here, it wins over the queue's" }),
    guarded(async (a) => setCode(await (await import("./distributed.js")).workerCommand({ redis: String(a.redis), queue: String(a.queue), concurrency: Number(a.concurrency), lockDuration: seconds(a.lockDuration, "--lock-duration"), stalledInterval: seconds(a.stalledInterval, "--stalled-interval") }))))
    .command("queue <action>", "Inspect a BullMQ queue (action: status)", (y: Argv) =>
      y.positional("action", { choices: ["status"] as const, demandOption: true })
        .option("redis", { type: "string", demandOption: true })
        .option("queue", { type: "string", demandOption: true }),
    guarded(async (a) => setCode(await (await import("./distributed.js")).queueStatusCommand({ redis: String(a.redis), queue: String(a.queue) }))))
    .command("types", "Print a TypeScript module typing the composed config of a config tree (export Config)", (y: Argv) =>
      generateOptions(y).option("name", { type: "string", default: "Config", describe: "name of the exported config type" }),
    guarded(async (a) => setCode((await import("./types-command.js")).typesCommand(generateArgs(a)))))
    .command("schema", "Print a JSON Schema of the config files of a config tree (for editors: yaml.schemas)", (y: Argv) =>
      generateOptions(y).option("for", { type: "string", describe: "only the files of: config, a group (optimizer), experiment, experiment-spec" }),
    guarded(async (a) => setCode((await import("./types-command.js")).schemaCommand(generateArgs(a)))))
    .command("completion <shell>", "Print the shell completion script (same as -sc install=SHELL)", (y: Argv) =>
      y.positional("shell", { choices: ["bash", "zsh", "fish"] as const, demandOption: true }),
    guarded(async (a) => {
      const { runShellCompletion } = await import("./completion.js");
      setCode(await runShellCompletion(`install=${String(a.shell)}`, { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t), isTTY: false }));
    }))
    .fail((msg, err) => {
      // yargs reports each failed check and would still run the handler: the first report is the one.
      if (failed) return;
      failed = true;
      process.stderr.write(err ? formatError(err) : `${msg}\n\nRun 'hydrant --help' for usage.\n`);
      setCode(1);
    });
  await cli.parseAsync();
  return code;
}

/** A worker's time flag in milliseconds, or undefined when not given (the queue's then); anything but a positive number is refused. */
function seconds(value: unknown, flag: string): number | undefined {
  return value === undefined ? undefined : positiveSeconds(value, flag);
}

/** -cd/-cn as the app command line spells them (yargs would read `-cd` as `-c -d`). */
function generateOptions(y: Argv): Argv {
  return y
    .parserConfiguration({ "short-option-groups": false })
    .option("config-dir", { alias: "cd", type: "string", demandOption: true, describe: "the config dir" })
    .option("config-name", { alias: "cn", type: "string", demandOption: true, describe: "the primary config" })
    .option("out", { type: "string", describe: "write to FILE instead of stdout" })
    .option("check", { type: "boolean", default: false, describe: "exit 1 when FILE (--out) is not what would be written" });
}

function generateArgs(a: Record<string, unknown>): { configDir: string; configName: string; name?: string; for?: string; out?: string; check: boolean } {
  return { configDir: String(a.configDir), configName: String(a.configName), name: a.name as string | undefined, for: a.for as string | undefined, out: a.out as string | undefined, check: Boolean(a.check) };
}

async function experiment(argv: string[]): Promise<number> {
  const { experimentCommand } = await import("./experiment-command.js");
  return experimentCommand(argv, { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) });
}
