/**
 * The dashboard page: routes on the URL's hash (#/, #/sweep/ID[/TAB[/JOB]], #/compare/A/B) and
 * re-reads what changed when the server says so. The same code runs in a report from file://.
 */
import css from "./style.css";
import { compareView } from "./compare-view.js";
import { fill, h } from "./dom.js";
import { listView } from "./list-view.js";
import { pickSource } from "./source.js";
import { sweepView, TABS, type SweepView, type Tab } from "./sweep-view.js";

type Current = { kind: "list" | "compare"; changed(ids: string[]): void } | ({ kind: "sweep" } & SweepView);

const source = pickSource(document);
document.head.append(h("style", {}, css));
const note = h("span", { class: "note" });
const main = h("main");
document.getElementById("app")!.append(h("header", { class: "top" }, h("a", { href: "#/", class: "brand" }, "hydrant"), note), main);

let current: Current | undefined;

function route(): void {
  const parts = location.hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "sweep" && parts[1]) {
    const tab = (TABS.some(([t]) => t === parts[2]) ? parts[2] : "jobs") as Tab;
    const job = parts[3] !== undefined && /^\d+$/.test(parts[3]) ? Number(parts[3]) : undefined;
    if (current?.kind !== "sweep" || current.id !== parts[1]) {
      current = { kind: "sweep", ...sweepView(source, parts[1]) };
      fill(main, current.el);
    }
    current.show(tab, job);
  } else if (parts[0] === "compare" && parts[1] && parts[2]) {
    const v = compareView(source, parts[1], parts[2]);
    current = { kind: "compare", changed: v.changed };
    fill(main, v.el);
  } else {
    const v = listView(source);
    current = { kind: "list", changed: v.changed };
    fill(main, v.el);
  }
}

window.addEventListener("hashchange", route);
source.subscribe((ids) => current?.changed(ids));
setInterval(() => (note.textContent = source.note()), 500);
note.textContent = source.note();
route();
