/** One sweep: its header, then the jobs table, the plots, parallel coordinates or the metric over time. */
import type { SweepData, SweepSeries } from "../types.js";
import { metricVsParam, overTime, parallelCoordinates } from "./charts.js";
import { fill, h, select } from "./dom.js";
import { formatDuration, formatTime } from "./cell-format.js";
import { jobPanel } from "./job-panel.js";
import { jobsTable } from "./jobs-table.js";
import type { Source } from "./source.js";
import { badge, statusBar } from "./widgets.js";

export type Tab = "jobs" | "plots" | "parallel" | "time";
export const TABS: Array<[Tab, string]> = [["jobs", "Jobs"], ["plots", "Metric vs parameters"], ["parallel", "Parallel coordinates"], ["time", "Metric over time"]];

export interface SweepView {
  el: HTMLElement;
  id: string;
  show(tab: Tab, job: number | undefined): void;
  changed(ids: string[]): void;
}

/** The metric every view of a sweep starts with: the first numeric one, accuracy-like names first. */
export function defaultMetric(d: SweepData): string | undefined {
  return d.numericMetrics.find((m) => /acc|score|f1|auc/i.test(m)) ?? d.numericMetrics[0];
}

export function sweepView(source: Source, id: string): SweepView {
  let data: SweepData | undefined;
  let series: SweepSeries | undefined;
  let tab: Tab = "jobs";
  let job: number | undefined;
  let metric: string | undefined;
  let timeKey: string | undefined;
  const head = h("div", { class: "sweep-head" }, "loading…");
  const tabs = h("nav", { class: "tabs" });
  const body = h("div", { class: "tab-body" });
  const panelSlot = h("div", { class: "panel-slot" });
  const table = jobsTable((num) => (location.hash = `#/sweep/${id}/jobs/${num}`));
  const el = h("section", { class: "sweep", "data-sweep": id }, head, tabs, body, panelSlot);

  async function load(): Promise<void> {
    data = await source.sweep(id);
    if (!data) return fill(head, h("p", { class: "error" }, `No sweep ${id} (it may have been removed).`));
    if (!metric || !data.numericMetrics.includes(metric)) metric = defaultMetric(data);
    renderHead(data);
    table.setData(data);
    if (tab === "time") series = await source.series(id);
    renderBody();
  }

  function renderHead(d: SweepData): void {
    fill(head,
      h("h2", {}, d.name, " ", badge(d.status)),
      h("p", { class: "meta" }, `${d.kind} · ${d.launcher} launcher · started ${formatTime(d.createdAt)}`, d.durationMs !== undefined ? ` · ${formatDuration(d.durationMs)}` : "", ` · ${d.total} jobs`),
      statusBar(d),
      d.fixed.length ? h("p", { class: "meta" }, "every job: ", h("code", {}, d.fixed.join(" "))) : "");
    fill(tabs, ...TABS.map(([t, label]) => h("a", { href: `#/sweep/${id}/${t}`, class: t === tab ? "active" : "", "data-tab": t }, label)));
  }

  function width(): number {
    return Math.max(320, (body.clientWidth || document.documentElement.clientWidth - 48) - 8);
  }

  function metricPicker(): HTMLElement {
    return select(data!.numericMetrics, metric, (m) => ((metric = m), renderBody()), "metric");
  }

  function renderBody(): void {
    drawBody();
    performance.mark(`hydrant:${tab}`);
  }

  function drawBody(): void {
    const d = data;
    if (!d) return;
    // Re-attaching the table would reset its scroll on every live update.
    if (tab === "jobs") {
      if (body.firstChild !== table.el) fill(body, table.el);
      return;
    }
    if (tab === "time") return renderTime(d);
    if (!metric) return fill(body, h("p", { class: "muted" }, "No job has reported a numeric result yet."));
    if (d.params.length === 0) return fill(body, h("p", { class: "muted" }, "Every job ran with the same overrides: there is no swept parameter to plot against."));
    if (tab === "parallel") return fill(body, h("div", { class: "toolbar" }, metricPicker()), parallelCoordinates(d.jobs, d.params, metric, width()));
    const w = width();
    const perRow = d.params.length > 1 && w > 900 ? 2 : 1;
    const each = Math.floor(w / perRow) - 12 * (perRow - 1);
    const grid = h("div", { class: `grid cols-${perRow}` });
    fill(body, h("div", { class: "toolbar" }, metricPicker()), grid);
    drawEach(grid, d.params.map((p) => () => metricVsParam(d.jobs, p, metric!, { width: each })));
  }

  /**
   * Draws the plots one per task, so the first shows while the others are drawn (a 10,000-job sweep
   * takes a few hundred ms per plot); a newer render of the tab abandons an older one.
   */
  let generation = 0;
  function drawEach(into: HTMLElement, draws: Array<() => HTMLElement>): void {
    const mine = ++generation;
    const next = (i: number): void => {
      if (mine !== generation || !into.isConnected) return;
      into.append(draws[i]());
      if (i + 1 < draws.length) setTimeout(() => next(i + 1), 0);
      else performance.mark(`hydrant:${tab}:all`);
    };
    next(0);
  }

  function renderTime(d: SweepData): void {
    if (!series) {
      fill(body, "loading…");
      void source.series(id).then((s) => ((series = s), tab === "time" && renderTime(d)));
      return;
    }
    if (series.jobs.length === 0) return fill(body, h("p", { class: "muted" }, "No job has written a series yet: a job that appends one JSON object per step to metrics.jsonl in its dir gets a line here."));
    if (!timeKey || !series.keys.includes(timeKey)) timeKey = series.keys.find((k) => k === metric) ?? series.keys[0];
    fill(body,
      h("div", { class: "toolbar" }, select(series.keys, timeKey, (k) => ((timeKey = k), renderTime(d)), "series"), series.omitted ? h("span", { class: "muted" }, `${series.omitted} more jobs not drawn`) : ""),
      overTime(series, timeKey!, d.jobs, d.params[0], width()));
  }

  async function renderPanel(): Promise<void> {
    if (job === undefined) return fill(panelSlot);
    const num = job;
    const panel = await jobPanel(source, id, data?.jobs.find((j) => j.num === num), num, () => (location.hash = `#/sweep/${id}/${tab}`));
    if (job === num) fill(panelSlot, panel);
  }

  const ready = load();
  return {
    el,
    id,
    show(t, j) {
      const tabChanged = t !== tab;
      tab = t;
      job = j;
      void ready.then(() => {
        if (data) renderHead(data);
        if (tabChanged || !body.firstChild) renderBody();
        void renderPanel();
      });
    },
    changed(ids) {
      if (!ids.includes(id)) return;
      series = undefined;
      void load();
    },
  };
}
