import { readManifest } from "../runs/manifest.js";
import { formatResultsTable } from "../runs/results-table.js";

/** `hydrant results <sweep dir> [--sort METRIC]` */
export async function resultsCommand(sweepDir: string, opts: { sortBy?: string; descending: boolean }): Promise<number> {
  const manifest = readManifest(sweepDir);
  process.stdout.write(formatResultsTable(manifest, { sortBy: opts.sortBy, descending: opts.descending }) + "\n");
  return manifest.jobs.some((j) => j.status === "failed") ? 1 : 0;
}
