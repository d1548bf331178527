/** A job's config and logs, in a panel over the sweep view. */
import type { JobRow } from "../types.js";
import { h, fill } from "./dom.js";
import { formatCell, formatDuration, formatTime } from "./cell-format.js";
import type { Source } from "./source.js";
import { badge } from "./widgets.js";

export async function jobPanel(source: Source, sweepId: string, job: JobRow | undefined, num: number, onClose: () => void): Promise<HTMLElement> {
  const content = h("div", { class: "panel-body" }, "loading…");
  const tabs = h("div", { class: "tabs small" });
  const panel = h("aside", { class: "panel", role: "dialog", "aria-label": `job ${num}` },
    h("header", {}, h("h2", {}, `job ${num} `, job ? badge(job.status) : ""), h("button", { class: "close", onclick: onClose, "aria-label": "close" }, "×")),
    job ? facts(job) : "",
    tabs,
    content);
  const files = await source.jobFiles(sweepId, num);
  if (!files) {
    fill(content, h("p", { class: "muted" }, source.kind === "report" ? "This report does not include this job's files." : "No files for this job."));
    return panel;
  }
  const views: Array<[string, () => Node]> = [];
  if (files.config) views.push([files.config.name, () => h("pre", { class: "code", "data-file": "config" }, files.config!.text)]);
  for (const log of files.logs) views.push([log.name, () => h("pre", { class: "code", "data-file": log.name }, log.truncated ? `… (earlier output cut)\n${log.text}` : log.text || "(empty)")]);
  if (views.length === 0) {
    fill(content, h("p", { class: "muted" }, "This job left no config or log in its dir."));
    return panel;
  }
  const show = (i: number) => {
    tabs.querySelectorAll("button").forEach((b, k) => b.classList.toggle("active", k === i));
    fill(content, views[i][1]());
  };
  fill(tabs, ...views.map(([name], i) => h("button", { onclick: () => show(i) }, name)));
  show(0);
  return panel;
}

function facts(j: JobRow): HTMLElement {
  const rows: Array<[string, string]> = [
    ["overrides", j.overrides.join(" ")],
    ["started", formatTime(j.startedAt)],
    ["duration", formatDuration(j.durationMs)],
    ...Object.entries(j.metrics).map(([k, v]): [string, string] => [k, formatCell(v)]),
  ];
  if (j.exitCode !== undefined) rows.push(["exit code", String(j.exitCode)]);
  if (j.error) rows.push(["error", j.error]);
  return h("dl", { class: "facts" }, ...rows.filter(([, v]) => v !== "").flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}
