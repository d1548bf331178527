/** Two sweeps side by side: their summaries and the same metric against each one's parameters, on one y range. */
import type { SweepData } from "../types.js";
import { metricVsParam } from "./charts.js";
import { fill, h, select } from "./dom.js";
import { formatDuration } from "./cell-format.js";
import type { Source } from "./source.js";
import { defaultMetric } from "./sweep-view.js";
import { badge, statusBar } from "./widgets.js";

export interface CompareView {
  el: HTMLElement;
  changed(ids: string[]): void;
}

export function compareView(source: Source, a: string, b: string): CompareView {
  let sweeps: Array<SweepData | undefined> = [];
  let metric: string | undefined;
  const el = h("section", { class: "compare-view" }, "loading…");

  async function load(): Promise<void> {
    sweeps = await Promise.all([source.sweep(a), source.sweep(b)]);
    render();
  }

  function render(): void {
    const [x, y] = sweeps;
    if (!x || !y) return fill(el, h("p", { class: "error" }, "One of the two sweeps is gone."));
    const shared = x.numericMetrics.filter((m) => y.numericMetrics.includes(m));
    const choices = shared.length ? shared : [...new Set([...x.numericMetrics, ...y.numericMetrics])];
    if (!metric || !choices.includes(metric)) metric = choices.find((m) => m === defaultMetric(x)) ?? choices[0];
    const domain = metric ? yDomain([x, y], metric) : undefined;
    const width = Math.max(300, Math.floor((el.clientWidth || document.documentElement.clientWidth - 48) / 2) - 16);
    fill(el,
      h("div", { class: "toolbar" }, h("h2", {}, "Side by side"), metric ? select(choices, metric, (m) => ((metric = m), render()), "metric") : ""),
      h("div", { class: "side-by-side" }, ...[x, y].map((s) => column(s, metric, domain, width))));
  }

  void load();
  return { el, changed: (ids) => (ids.includes(a) || ids.includes(b) ? void load() : undefined) };
}

function column(s: SweepData, metric: string | undefined, domain: [number, number] | undefined, width: number): HTMLElement {
  const best = metric ? bestOf(s, metric) : undefined;
  return h("div", { class: "column", "data-sweep": s.id },
    h("h3", {}, h("a", { href: `#/sweep/${s.id}` }, s.name), " ", badge(s.status)),
    h("p", { class: "meta" }, `${s.kind} · ${s.total} jobs`, s.durationMs !== undefined ? ` · ${formatDuration(s.durationMs)}` : "", best ? ` · best ${metric} ${best}` : ""),
    statusBar(s),
    ...(!metric || !s.numericMetrics.includes(metric)
      ? [h("p", { class: "muted" }, metric ? `No job of this sweep reports ${metric}.` : "No numeric metric.")]
      : s.params.length === 0
        ? [h("p", { class: "muted" }, "Every job ran with the same overrides: no swept parameter to plot against.")]
        : s.params.map((p) => metricVsParam(s.jobs, p, metric, { width, yDomain: domain }))));
}

function values(s: SweepData, metric: string): number[] {
  return s.jobs.map((j) => j.metrics[metric]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
}

function yDomain(ss: SweepData[], metric: string): [number, number] | undefined {
  const all = ss.flatMap((s) => values(s, metric));
  if (all.length === 0) return undefined;
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

function bestOf(s: SweepData, metric: string): string | undefined {
  const vs = values(s, metric);
  if (vs.length === 0) return undefined;
  // Losses and errors are best small; anything else best large.
  const v = /loss|err|time|duration/i.test(metric) ? Math.min(...vs) : Math.max(...vs);
  return String(Number(v.toPrecision(4)));
}
