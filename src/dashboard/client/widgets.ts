/** Small pieces shared by the views: the status bar of a sweep and its counts. */
import type { SweepSummary } from "../types.js";
import { h } from "./dom.js";

const ORDER = ["completed", "failed", "running", "pending"];

/** A bar split by job status, with the counts beside it. */
export function statusBar(s: SweepSummary): HTMLElement {
  const total = Math.max(1, Object.values(s.counts).reduce((a, b) => a + b, 0));
  const keys = [...ORDER.filter((k) => s.counts[k]), ...Object.keys(s.counts).filter((k) => !ORDER.includes(k) && s.counts[k])];
  const bar = h("div", { class: "bar", "aria-hidden": "true" }, ...keys.map((k) => {
    const seg = h("span", { class: `seg ${k}` });
    seg.style.width = `${(100 * s.counts[k]) / total}%`;
    return seg;
  }));
  const text = keys.map((k) => h("span", { class: `count-${k}`, "data-status": k }, `${s.counts[k]} ${k}`));
  return h("div", { class: "status-bar" }, bar, h("span", { class: "counts" }, ...text.flatMap((t, i) => (i ? [" · ", t] : [t]))));
}

export function badge(status: string): HTMLElement {
  return h("span", { class: `badge ${status}` }, status);
}
