/** The sweeps and experiments found, newest first, with their progress; two can be picked to compare. */
import type { SweepSummary } from "../types.js";
import { fill, h } from "./dom.js";
import { formatDuration, formatTime } from "./cell-format.js";
import type { Source } from "./source.js";
import { badge, statusBar } from "./widgets.js";

export interface ListView {
  el: HTMLElement;
  changed(ids: string[]): void;
}

export function listView(source: Source): ListView {
  const picked: string[] = [];
  const compare = h("button", { class: "compare", disabled: true, onclick: () => (location.hash = `#/compare/${picked[0]}/${picked[1]}`) }, "Compare the two picked");
  const tbody = h("tbody");
  const el = h("section", { class: "list" },
    h("div", { class: "toolbar" }, h("h2", {}, "Sweeps and experiments"), compare),
    h("table", { class: "sweeps" },
      h("thead", {}, h("tr", {}, h("th", { title: "pick two to compare" }, "compare"), h("th", {}, "sweep"), h("th", {}, "status"), h("th", {}, "jobs"), h("th", {}, "started"), h("th", {}, "duration"))),
      tbody));

  function toggle(id: string, on: boolean): void {
    const i = picked.indexOf(id);
    if (on && i < 0) picked.push(id);
    if (!on && i >= 0) picked.splice(i, 1);
    // Two at most: picking a third drops the oldest pick.
    if (picked.length > 2) picked.shift();
    tbody.querySelectorAll<HTMLInputElement>("input[type=checkbox]").forEach((c) => (c.checked = picked.includes(c.value)));
    compare.disabled = picked.length !== 2;
  }

  function row(s: SweepSummary): HTMLElement {
    return h("tr", { "data-sweep": s.id },
      h("td", {}, h("input", { type: "checkbox", value: s.id, checked: picked.includes(s.id), "aria-label": `compare ${s.name}`, onchange: (e: Event) => toggle(s.id, (e.target as HTMLInputElement).checked) })),
      h("td", {}, h("a", { href: `#/sweep/${s.id}` }, s.name), h("div", { class: "muted" }, `${s.kind} · ${s.launcher}`)),
      h("td", {}, badge(s.status)),
      h("td", { class: "wide" }, statusBar(s)),
      h("td", {}, formatTime(s.createdAt)),
      h("td", { class: "num" }, formatDuration(s.durationMs)));
  }

  async function load(): Promise<void> {
    const sweeps = (await source.sweeps()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    if (sweeps.length === 0) {
      fill(tbody, h("tr", {}, h("td", { colspan: 6, class: "muted" }, "No sweep found yet: run one with --multirun or `hydrant experiment run`; it appears here as soon as it starts.")));
      return;
    }
    fill(tbody, ...sweeps.map(row));
  }

  void load();
  return { el, changed: () => void load() };
}
