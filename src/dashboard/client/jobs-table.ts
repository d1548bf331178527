/**
 * The jobs table: one row per job with its swept values, status, duration and every metric. Sorted by
 * a click on a header, filtered by text and status. Only the rows in view are in the DOM, so a
 * 10,000-job sweep opens as fast as a small one.
 */
import type { CellValue, JobRow, SweepData } from "../types.js";
import { h } from "./dom.js";
import { compareCells, formatCell, formatDuration } from "./cell-format.js";

const ROW_HEIGHT = 26;
const OVERSCAN = 10;

interface Column {
  id: string;
  label: string;
  width: number;
  value(j: JobRow): CellValue | undefined;
  text(j: JobRow): string;
  numeric?: boolean;
}

function columnsOf(d: SweepData): Column[] {
  return [
    { id: "num", label: "#", width: 56, value: (j) => j.num, text: (j) => String(j.num), numeric: true },
    { id: "status", label: "status", width: 92, value: (j) => j.status, text: (j) => j.status },
    ...d.params.map((p) => ({ id: `p:${p.key}`, label: p.key, width: 130, value: (j: JobRow) => j.params[p.key], text: (j: JobRow) => formatCell(j.params[p.key]), numeric: p.kind !== "categorical" })),
    { id: "duration", label: "duration", width: 86, value: (j) => j.durationMs, text: (j) => formatDuration(j.durationMs), numeric: true },
    ...d.metrics.map((m) => ({ id: `m:${m}`, label: m, width: 120, value: (j: JobRow) => j.metrics[m], text: (j: JobRow) => formatCell(j.metrics[m]), numeric: d.numericMetrics.includes(m) })),
    { id: "overrides", label: "overrides", width: 360, value: (j) => j.overrides.join(" "), text: (j) => j.overrides.join(" ") },
  ];
}

export interface JobsTable {
  el: HTMLElement;
  setData(d: SweepData): void;
}

export function jobsTable(onOpen: (num: number) => void): JobsTable {
  let data: SweepData | undefined;
  let columns: Column[] = [];
  let sortBy = "num";
  let sign = 1;
  let filter = "";
  let status = "all";
  let rows: JobRow[] = [];

  const count = h("span", { class: "count" });
  const statusSelect = h("select", { "aria-label": "status filter", onchange: () => ((status = statusSelect.value), refilter()) });
  const filterInput = h("input", { type: "search", placeholder: "filter jobs (text in any column)", "aria-label": "filter jobs", oninput: () => ((filter = filterInput.value.trim().toLowerCase()), refilter()) });
  const header = h("div", { class: "thead", role: "row" });
  const body = h("div", { class: "tbody" });
  const spacer = h("div", { class: "spacer" }, body);
  const scroller = h("div", { class: "scroller", role: "table", onscroll: () => paint() }, header, spacer);
  const el = h("section", { class: "jobs" }, h("div", { class: "toolbar" }, filterInput, statusSelect, count), scroller);

  function gridTemplate(): string {
    return columns.map((c) => `${c.width}px`).join(" ");
  }

  function renderHeader(): void {
    header.style.gridTemplateColumns = gridTemplate();
    header.replaceChildren(
      ...columns.map((c) =>
        h("div", { class: `th${c.numeric ? " num" : ""}${c.id === sortBy ? " sorted" : ""}`, role: "columnheader", title: `sort by ${c.label}`, "data-col": c.id, onclick: () => sortOn(c.id) },
          c.label, c.id === sortBy ? (sign > 0 ? " ▲" : " ▼") : ""),
      ),
    );
  }

  function sortOn(id: string): void {
    if (sortBy === id) sign = -sign;
    else {
      sortBy = id;
      // Metrics read best largest first; everything else in its natural order.
      sign = id.startsWith("m:") ? -1 : 1;
    }
    renderHeader();
    refilter();
  }

  function refilter(): void {
    if (!data) return;
    const col = columns.find((c) => c.id === sortBy) ?? columns[0];
    rows = data.jobs.filter((j) => (status === "all" || j.status === status) && (!filter || rowText(j).includes(filter)));
    rows.sort((a, b) => compareCells(col.value(a), col.value(b), sign) || a.num - b.num);
    count.textContent = `${rows.length} of ${data.jobs.length} jobs`;
    spacer.style.height = `${rows.length * ROW_HEIGHT}px`;
    paint(true);
    // For bench/dashboard.mjs: when the table was first drawn, from the page's navigation start.
    performance.mark("hydrant:jobs");
  }

  const textCache = new WeakMap<JobRow, string>();
  function rowText(j: JobRow): string {
    let t = textCache.get(j);
    if (t === undefined) textCache.set(j, (t = columns.map((c) => c.text(j)).join(" ").toLowerCase()));
    return t;
  }

  let painted = "";
  function paint(force = false): void {
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(rows.length, Math.ceil((scroller.scrollTop + scroller.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    const key = `${first}:${last}`;
    if (!force && key === painted) return;
    painted = key;
    const template = gridTemplate();
    body.replaceChildren(
      ...rows.slice(first, last).map((j, i) => {
        const row = h("div", { class: `tr status-${j.status}`, role: "row", "data-num": j.num, title: j.error ?? "", onclick: () => onOpen(j.num) },
          ...columns.map((c) => h("div", { class: `td${c.numeric ? " num" : ""}${c.id === "status" ? ` badge ${j.status}` : ""}` }, c.text(j))));
        row.style.gridTemplateColumns = template;
        row.style.top = `${(first + i) * ROW_HEIGHT}px`;
        return row;
      }),
    );
  }

  return {
    el,
    setData(d) {
      const shape = JSON.stringify([d.params.map((p) => p.key), d.metrics]);
      const changedShape = !data || shape !== JSON.stringify([data.params.map((p) => p.key), data.metrics]);
      data = d;
      if (changedShape) {
        columns = columnsOf(d);
        renderHeader();
      }
      const statuses = ["all", ...new Set(d.jobs.map((j) => j.status))];
      if (statusSelect.options.length !== statuses.length) statusSelect.replaceChildren(...statuses.map((s) => h("option", { value: s, selected: s === status }, s)));
      refilter();
    },
  };
}
