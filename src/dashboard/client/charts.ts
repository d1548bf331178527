/**
 * The plots, on Observable Plot (SVG: crisp in screenshots, inspectable, printable in a report):
 * a metric against one swept parameter, parallel coordinates, and a metric over each job's steps.
 * Each returns an element carrying `data-points` (how many jobs it drew), which the tests check.
 */
import { dot, groupX, line, plot, pointer, ruleX, text, tickY, tip, type Markish } from "@observablehq/plot";
import type { CellValue, JobRow, ParamInfo, SweepSeries } from "../types.js";
import { h } from "./dom.js";
import { formatCell } from "./cell-format.js";

const STATUS_FILL: Record<string, string> = { completed: "#3b6fb6", failed: "#c0392b", running: "#e08e0b", pending: "#999" };

interface Point {
  x: number | string;
  y: number;
  num: number;
  status: string;
}

function metricOf(j: JobRow, metric: string): number | undefined {
  const v = j.metrics[metric];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

function wrap(svg: Element, kind: string, points: number, attrs: Record<string, string>): HTMLElement {
  return h("figure", { class: "chart", "data-chart": kind, "data-points": points, ...attrs }, svg);
}

/** Points whose x is a usable value for this param's kind (a log axis cannot show 0). */
function pointsFor(jobs: readonly JobRow[], param: ParamInfo, metric: string): Point[] {
  const out: Point[] = [];
  for (const j of jobs) {
    const y = metricOf(j, metric);
    const v = j.params[param.key];
    if (y === undefined || v === undefined) continue;
    if (param.kind === "categorical") out.push({ x: formatCell(v), y, num: j.num, status: j.status });
    else if (typeof v === "number" && (param.kind !== "log" || v > 0)) out.push({ x: v, y, num: j.num, status: j.status });
  }
  return out;
}

/** Mean of y per x, in x order: the line through a numeric parameter's values. */
function meanLine(points: readonly Point[]): Array<{ x: number; y: number }> {
  const groups = new Map<number, number[]>();
  for (const p of points) (groups.get(p.x as number) ?? groups.set(p.x as number, []).get(p.x as number)!).push(p.y);
  return [...groups].map(([x, ys]) => ({ x, y: ys.reduce((a, b) => a + b, 0) / ys.length })).sort((a, b) => a.x - b.x);
}

export interface MetricPlotOptions {
  width: number;
  /** The same y range for every plot of a comparison. */
  yDomain?: [number, number];
}

/** A metric against one parameter: points and their mean's line (numeric, log) or points per category. */
export function metricVsParam(jobs: readonly JobRow[], param: ParamInfo, metric: string, o: MetricPlotOptions): HTMLElement {
  const pts = pointsFor(jobs, param, metric);
  const categorical = param.kind === "categorical";
  const r = pts.length > 2000 ? 1.5 : 3.5;
  const marks: Markish[] = [
    categorical
      ? tickY(pts, groupX({ y: "mean" }, { x: "x", y: "y", stroke: "#3b6fb6", strokeWidth: 2 }))
      : line(meanLine(pts), { x: "x", y: "y", stroke: "#3b6fb6", strokeWidth: 1.5 }),
    dot(pts, { x: "x", y: "y", r, fill: (d: Point) => STATUS_FILL[d.status] ?? "#666", fillOpacity: 0.75, stroke: "white", strokeWidth: 0.5 }),
    tip(pts, pointer({ x: "x", y: "y", title: (d: Point) => `job ${d.num}\n${param.key}: ${formatCell(d.x)}\n${metric}: ${formatCell(d.y)}` })),
  ];
  const svg = plot({
    width: o.width,
    height: 260,
    marginLeft: 56,
    marginBottom: 40,
    x: {
      type: categorical ? "band" : param.kind === "log" ? "log" : "linear",
      label: param.key + (param.kind === "log" ? " (log)" : ""),
      domain: categorical ? param.values.map((v) => formatCell(v)) : undefined,
      padding: categorical ? 0.4 : undefined,
      tickRotate: categorical && param.values.length > 6 ? -30 : 0,
      // A few swept values are labelled as written (0.001, not 1m); many get the axis' own ticks.
      ...(!categorical && param.values.length <= 8 ? { ticks: param.values as number[], tickFormat: (v: number) => formatCell(v) } : {}),
    },
    y: { label: metric, grid: true, domain: o.yDomain, nice: !o.yDomain },
    marks,
  });
  return wrap(svg, "metric", pts.length, { "data-param": param.key, "data-kind": param.kind });
}

/** Where a value sits on its axis, 0..1 (log-spaced in log space, categories evenly). */
function normalizer(values: ReadonlyArray<number | string>, kind: ParamInfo["kind"]): (v: CellValue | undefined) => number {
  if (kind === "categorical") {
    const index = new Map(values.map((v, i) => [formatCell(v), i]));
    const n = values.length - 1;
    return (v) => {
      const i = v === undefined ? undefined : index.get(formatCell(v));
      return i === undefined ? NaN : n === 0 ? 0.5 : i / n;
    };
  }
  const f = kind === "log" ? Math.log : (x: number) => x;
  const xs = (values as number[]).filter((x) => kind !== "log" || x > 0).map(f);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return (v) => (typeof v !== "number" || (kind === "log" && v <= 0) ? NaN : hi === lo ? 0.5 : (f(v) - lo) / (hi - lo));
}

/** A few labelled values per axis: every category, or five evenly placed numbers. */
function axisTicks(values: ReadonlyArray<number | string>, kind: ParamInfo["kind"]): Array<number | string> {
  if (kind === "categorical" || values.length <= 6) return [...values];
  const nums = values as number[];
  const lo = nums[0];
  const hi = nums[nums.length - 1];
  return [0, 0.25, 0.5, 0.75, 1].map((t) => (kind === "log" ? lo * (hi / lo) ** t : lo + (hi - lo) * t));
}

/** One polyline per job across every swept parameter and the metric, coloured by the metric. */
export function parallelCoordinates(jobs: readonly JobRow[], params: readonly ParamInfo[], metric: string, width: number): HTMLElement {
  const rows = jobs.filter((j) => metricOf(j, metric) !== undefined);
  const metricValues = [...new Set(rows.map((j) => metricOf(j, metric)!))].sort((a, b) => a - b);
  const axes: ParamInfo[] = [...params, { key: metric, kind: "numeric", values: metricValues }];
  const norms = axes.map((a) => normalizer(a.values, a.kind));
  const long: Array<{ axis: string; y: number; job: number; m: number }> = [];
  for (const j of rows) {
    const m = metricOf(j, metric)!;
    axes.forEach((a, i) => long.push({ axis: a.key, y: norms[i](a.key === metric ? m : j.params[a.key]), job: j.num, m }));
  }
  const ticks = axes.flatMap((a, i) => axisTicks(a.values, a.kind).map((v) => ({ axis: a.key, y: norms[i](v), label: formatCell(v) })));
  const svg = plot({
    width,
    height: 360,
    marginLeft: 30,
    marginRight: 70,
    marginTop: 30,
    x: { type: "point", domain: axes.map((a) => a.key), axis: "top", label: null, padding: 0.1 },
    y: { axis: null, domain: [0, 1] },
    color: { type: "linear", scheme: "viridis", legend: true, label: metric },
    marks: [
      ruleX(axes.map((a) => a.key), { stroke: "#888" }),
      line(long, { x: "axis", y: "y", z: "job", stroke: "m", strokeOpacity: rows.length > 500 ? 0.25 : 0.7, strokeWidth: 1.2 }),
      text(ticks, { x: "axis", y: "y", text: "label", textAnchor: "start", dx: 5, fill: "#333", stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
    ],
  });
  return wrap(svg, "parallel", rows.length, { "data-metric": metric });
}

/** Each job's series of one key over its steps, coloured by the first swept parameter. */
export function overTime(series: SweepSeries, key: string, jobs: readonly JobRow[], colorBy: ParamInfo | undefined, width: number): HTMLElement {
  const byNum = new Map(jobs.map((j) => [j.num, j]));
  const flat: Array<{ x: number; y: number; num: number; c: string | number }> = [];
  let drawn = 0;
  for (const s of series.jobs) {
    const c = colorBy ? (byNum.get(s.num)?.params[colorBy.key] ?? "") : s.num;
    const pts = s.points.filter((p) => Number.isFinite(p[key]) && Number.isFinite(p[series.x]));
    if (pts.length > 0) drawn++;
    for (const p of pts) flat.push({ x: p[series.x], y: p[key], num: s.num, c: typeof c === "number" ? c : formatCell(c) });
  }
  const ordinal = !colorBy || colorBy.kind === "categorical" || colorBy.values.length <= 10;
  const svg = plot({
    width,
    height: 320,
    marginLeft: 56,
    x: { label: series.x },
    y: { label: key, grid: true },
    color: colorBy
      ? { type: ordinal ? "ordinal" : colorBy.kind === "log" ? "log" : "linear", scheme: ordinal ? "tableau10" : "viridis", legend: true, label: colorBy.key }
      : { type: "ordinal", scheme: "tableau10" },
    marks: [
      line(flat, { x: "x", y: "y", z: "num", stroke: "c", strokeWidth: 1.3, strokeOpacity: 0.85 }),
      tip(flat, pointer({ x: "x", y: "y", title: (d: { num: number; x: number; y: number }) => `job ${d.num}\n${series.x} ${d.x}\n${key}: ${formatCell(d.y)}` })),
    ],
  });
  return wrap(svg, "time", drawn, { "data-key": key });
}
