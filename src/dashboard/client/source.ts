/**
 * Where the page's data comes from: the dashboard server (fetch, and server-sent events for changes)
 * or, in a report, the JSON inlined in the page. The views never know which.
 */
import type { JobFiles, ReportData, SweepData, SweepSeries, SweepSummary } from "../types.js";

export interface Source {
  /** "live" for a server, "report" for a file. */
  kind: "live" | "report";
  sweeps(): Promise<SweepSummary[]>;
  sweep(id: string): Promise<SweepData | undefined>;
  jobFiles(id: string, num: number): Promise<JobFiles | undefined>;
  series(id: string): Promise<SweepSeries>;
  /** Calls back with the ids of sweeps that changed (a report never changes). */
  subscribe(onChange: (ids: string[]) => void): void;
  /** A line for the header. */
  note(): string;
}

const EMPTY_SERIES: SweepSeries = { x: "line", keys: [], jobs: [], omitted: 0 };

export function pickSource(doc: Document): Source {
  const inline = doc.getElementById("hydrant-data");
  return inline ? reportSource(JSON.parse(inline.textContent ?? "{}") as ReportData) : serverSource();
}

function reportSource(data: ReportData): Source {
  const byId = new Map(data.sweeps.map((s) => [s.id, s]));
  return {
    kind: "report",
    sweeps: async () => data.sweeps.map(summaryOf),
    sweep: async (id) => byId.get(id),
    jobFiles: async (id, num) => data.files[`${id}/${num}`],
    series: async (id) => data.series[id] ?? EMPTY_SERIES,
    subscribe: () => undefined,
    note: () => `report generated ${new Date(data.generatedAt).toLocaleString()}`,
  };
}

/** The list needs the summary only: a report keeps the whole sweep. */
function summaryOf(s: SweepData): SweepSummary {
  const { params: _p, metrics: _m, numericMetrics: _n, fixed: _f, jobs: _j, ...summary } = s;
  return summary;
}

function serverSource(): Source {
  const get = async <T>(url: string): Promise<T | undefined> => {
    const res = await fetch(url, { cache: "no-store" });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  let connected = false;
  return {
    kind: "live",
    sweeps: async () => (await get<SweepSummary[]>("api/sweeps")) ?? [],
    sweep: (id) => get<SweepData>(`api/sweeps/${encodeURIComponent(id)}`),
    jobFiles: (id, num) => get<JobFiles>(`api/sweeps/${encodeURIComponent(id)}/jobs/${num}`),
    series: async (id) => (await get<SweepSeries>(`api/sweeps/${encodeURIComponent(id)}/series`)) ?? EMPTY_SERIES,
    subscribe(onChange) {
      const es = new EventSource("api/events");
      es.addEventListener("open", () => (connected = true));
      es.addEventListener("error", () => (connected = false));
      es.addEventListener("changed", (e) => onChange(JSON.parse((e as MessageEvent<string>).data) as string[]));
    },
    note: () => (connected ? "live" : "connecting…"),
  };
}
