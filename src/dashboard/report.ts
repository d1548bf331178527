/**
 * `hydrant results DIR --html FILE`: the dashboard's views as one file that opens from disk. The data
 * the server would answer is gathered now and inlined with the page's script.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import { discoverSweeps } from "./discover.js";
import { jobFiles, sweepSeries } from "./job-files.js";
import { loadManifest, sweepData } from "./model.js";
import { reportPage } from "./page.js";
import type { ReportData } from "./types.js";

/** Options of {@link reportData} and {@link writeHtmlReport}: where relative dirs start, and how much of each job goes in. */
export interface ReportOptions {
  cwd?: string;
  /** Jobs whose config and logs go into the file; past it, the table and plots still show every job. */
  maxJobFiles?: number;
  /** The end of each log kept in the file. */
  logBytes?: number;
}

/** The report's data: each sweep found in `dirs` (a sweep dir, or a dir holding sweeps). */
export function reportData(dirs: readonly string[], options: ReportOptions = {}): ReportData {
  const cwd = options.cwd ?? process.cwd();
  // A sweep dir is found as itself; any other dir is searched for sweeps.
  const sweeps = discoverSweeps(dirs, cwd);
  if (sweeps.length === 0) throw new UsageError(`No sweep found in ${dirs.join(", ")}: give a sweep dir (one with experiment.json) or a dir that holds some.`);
  const data: ReportData = { generatedAt: new Date().toISOString(), sweeps: [], files: {}, series: {}, filesOmitted: 0 };
  let budget = options.maxJobFiles ?? 2_000;
  for (const sweep of sweeps) {
    const m = loadManifest(sweep);
    data.sweeps.push(sweepData(sweep, m));
    const series = sweepSeries(sweep, m);
    if (series.jobs.length > 0) data.series[sweep.id] = series;
    for (const r of m.jobs) {
      if (budget-- <= 0) {
        data.filesOmitted++;
        continue;
      }
      data.files[`${sweep.id}/${r.num}`] = jobFiles(sweep, r, options.logBytes ?? 64 * 1024);
    }
  }
  return data;
}

/** Writes the report; returns its size in bytes. */
export function writeHtmlReport(dirs: readonly string[], file: string, options: ReportOptions = {}): number {
  const data = reportData(dirs, options);
  const title = data.sweeps.length === 1 ? `hydrant: ${data.sweeps[0].name}` : `hydrant: ${data.sweeps.length} sweeps`;
  const html = reportPage(data, title);
  writeFileSync(path.resolve(options.cwd ?? process.cwd(), file), html);
  return Buffer.byteLength(html);
}
