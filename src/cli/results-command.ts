import { readManifest } from "../runs/manifest.js";
import { formatResultsTable } from "../runs/results-table.js";
import { formatBestJob, parseBestSpec } from "../runs/best-job.js";
import { writeTo } from "./output.js";

/** `hydrant results <sweep dir> [--sort-by KEY] [--desc] [--best METRIC[:max|min]]`: printing the table succeeds (exit 0) whatever the jobs did. */
export async function resultsCommand(sweepDir: string, opts: { sortBy?: string; descending: boolean; best?: string }): Promise<number> {
  const manifest = readManifest(sweepDir);
  const best = opts.best === undefined ? undefined : parseBestSpec(opts.best);
  const summary = best ? `\n${formatBestJob(manifest.jobs, best)}\n` : "";
  writeTo(process.stdout, formatResultsTable(manifest, { sortBy: opts.sortBy, descending: opts.descending }) + "\n" + summary);
  return 0;
}
