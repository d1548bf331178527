import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reportData, writeHtmlReport } from "../../src/dashboard/report.js";
import type { ReportData } from "../../src/dashboard/types.js";
import { tmpDir, writeSweep } from "./fixtures.js";

describe("results --html: the self-contained report", () => {
  it("inlines the data and the script, links nothing and forbids every fetch", () => {
    const cwd = tmpDir();
    const { dir, writer } = writeSweep(cwd);
    writer.update(0, { result: { acc: 1, note: "</script><script>alert(1)</script>" } });
    writer.close();
    const file = path.join(cwd, "report.html");
    writeHtmlReport([dir], file, { cwd });
    const html = readFileSync(file, "utf8");
    expect(html).toContain("Content-Security-Policy");
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=|<link\b|<img\b|@import/i);
    // Exactly the two script elements (data, code): nothing in the data closed one early.
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const json = html.slice(html.indexOf('id="hydrant-data">') + 18, html.indexOf("</script>"));
    const data = JSON.parse(json) as ReportData;
    expect(data.sweeps[0].jobs[0].metrics.note).toBe("</script><script>alert(1)</script>");
    expect(Object.keys(data.files)).toHaveLength(6);
    expect(data.series[data.sweeps[0].id].jobs).toHaveLength(6);
  });

  it("searches a dir for sweeps, and caps the job files it inlines", () => {
    const cwd = tmpDir();
    writeSweep(cwd, "10-00-00").writer.close();
    writeSweep(cwd, "11-00-00").writer.close();
    const data = reportData(["multirun"], { cwd, maxJobFiles: 8 });
    expect(data.sweeps.map((s) => s.name)).toEqual(["multirun/2026-12-01/10-00-00", "multirun/2026-12-01/11-00-00"]);
    expect(Object.keys(data.files)).toHaveLength(8);
    expect(data.filesOmitted).toBe(4);
    expect(() => reportData(["nothing-here"], { cwd })).toThrow(/No sweep found/);
  });
});
