/** The dashboard: `hydrant ui` (a local read-only server) and `hydrant results DIR --html FILE`. */
export { startDashboard, isLoopback, type Dashboard, type DashboardOptions } from "./server.js";
export { writeHtmlReport, reportData, type ReportOptions } from "./report.js";
export { discoverSweeps, DEFAULT_ROOTS, type FoundSweep } from "./discover.js";
export type { SweepData, SweepSummary, JobRow, ParamInfo, ParamKind, JobFiles, SweepSeries, ReportData, CellValue } from "./types.js";
