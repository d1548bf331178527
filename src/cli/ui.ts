/** `hydrant ui [DIR…]` and `hydrant results DIR --html FILE`: the dashboard's two front doors. */
import { isLoopback, startDashboard, writeHtmlReport } from "../dashboard/index.js";

export interface UiArgs {
  dirs: string[];
  host: string;
  port: number;
}

/** Serves until SIGINT/SIGTERM. */
export async function uiCommand(args: UiArgs): Promise<number> {
  const dash = await startDashboard({ roots: args.dirs, host: args.host, port: args.port });
  if (!isLoopback(args.host)) {
    process.stderr.write(`warning: listening on ${args.host}: anyone who can reach this machine can read these sweeps' configs and logs. Use --host 127.0.0.1 to keep it local.\n`);
  }
  const where = args.dirs.length ? args.dirs.join(", ") : "multirun/, outputs/, experiments/";
  process.stdout.write(`hydrant dashboard: ${dash.url}\n  showing the sweeps under ${where} (read-only); Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await dash.close();
  return 0;
}

/** Writes the self-contained report and says where. */
export async function htmlReportCommand(dir: string, file: string): Promise<number> {
  const bytes = writeHtmlReport([dir], file);
  process.stdout.write(`Wrote ${file} (${(bytes / 1024).toFixed(0)} KiB): open it in a browser, no server needed.\n`);
  return 0;
}
