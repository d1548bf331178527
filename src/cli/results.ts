import { readManifest } from "../runs/manifest.js";
import { formatResultsTable } from "../runs/results-table.js";
import { writeTo } from "./output.js";

/** `hydrant results <sweep dir> [--sort-by KEY] [--desc]`: printing the table succeeds (exit 0) whatever the jobs did. */
export async function resultsCommand(sweepDir: string, opts: { sortBy?: string; descending: boolean }): Promise<number> {
  const manifest = readManifest(sweepDir);
  writeTo(process.stdout, formatResultsTable(manifest, { sortBy: opts.sortBy, descending: opts.descending }) + "\n");
  return 0;
}
