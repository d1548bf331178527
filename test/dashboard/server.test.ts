// The dashboard server, over real HTTP: what it answers, what it refuses, and its change events.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDashboard, type Dashboard } from "../../src/dashboard/server.js";
import type { ManifestWriter } from "../../src/runs/manifest-writer.js";
import type { JobFiles, SweepData, SweepSummary } from "../../src/dashboard/types.js";
import { tmpDir, writeSweep } from "./fixtures.js";

/** A raw request: the path exactly as given (fetch would fold `..` away), any method and Host. */
function request(dash: Dashboard, rawPath: string, options: { method?: string; host?: string } = {}): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: dash.port, path: rawPath, method: options.method ?? "GET", headers: options.host ? { host: options.host } : {} }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers["content-type"]) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the dashboard server", () => {
  let dash: Dashboard;
  let writer: ManifestWriter;
  let id: string;
  beforeAll(async () => {
    const cwd = tmpDir();
    writer = writeSweep(cwd).writer;
    dash = await startDashboard({ cwd, pollMs: 100 });
    id = (JSON.parse((await request(dash, "/api/sweeps")).body) as SweepSummary[])[0].id;
  });
  afterAll(async () => {
    writer.close();
    await dash.close();
  });

  it("listens on loopback and serves the page and its one script", async () => {
    expect(dash.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await request(dash, "/");
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="app.js"></script>');
    const script = await request(dash, "/app.js");
    expect(script.type).toContain("text/javascript");
    expect(script.body.length).toBeGreaterThan(10_000);
  });

  it("answers the sweep list, a sweep and a job's files", async () => {
    const list = JSON.parse((await request(dash, "/api/sweeps")).body) as SweepSummary[];
    expect(list).toMatchObject([{ id, name: "multirun/2026-12-01/10-00-00", kind: "multirun", total: 6 }]);
    const sweep = JSON.parse((await request(dash, `/api/sweeps/${id}`)).body) as SweepData;
    expect(sweep.jobs).toHaveLength(6);
    const files = JSON.parse((await request(dash, `/api/sweeps/${id}/jobs/0`)).body) as JobFiles;
    expect(files.config?.text).toContain("lr: 0.001");
    expect((await request(dash, `/api/sweeps/${id}/jobs/99`)).status).toBe(404);
    expect((await request(dash, "/api/sweeps/0123456789ab")).status).toBe(404);
  });

  it("says which port is taken, and how to pick another", async () => {
    await expect(startDashboard({ cwd: tmpDir(), port: dash.port })).rejects.toThrow(/is in use: pick another with --port/);
  });

  it("refuses '..', writes and foreign Host headers", async () => {
    expect((await request(dash, "/api/../../etc/passwd")).status).toBe(400);
    expect((await request(dash, "/api/sweeps/%2e%2e/%2E%2E/etc/passwd")).status).toBe(400);
    expect((await request(dash, `/api/sweeps/${id}/jobs/..%2f..%2f`)).status).toBe(400);
    expect((await request(dash, "/etc/passwd")).status).toBe(404);
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) expect((await request(dash, `/api/sweeps/${id}`, { method })).status).toBe(405);
    expect((await request(dash, "/", { host: "attacker.example:80" })).status).toBe(403);
    expect((await request(dash, "/", { host: `localhost:${dash.port}` })).status).toBe(200);
  });

  it("tells the page over server-sent events when a manifest changes", async () => {
    const got = new Promise<string>((resolve, reject) => {
      const req = http.get({ host: "127.0.0.1", port: dash.port, path: "/api/events" }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          text += c;
          if (text.includes("event: changed")) {
            req.destroy();
            resolve(text);
          }
        });
        res.on("error", reject);
        // Change the manifest once the stream is open.
        setTimeout(() => {
          writer.update(5, { status: "completed", result: { acc: 0.3 } });
          writer.flush();
        }, 150);
      });
      req.on("error", () => undefined);
    });
    expect(await got).toContain(`data: ["${id}"]`);
    const sweep = JSON.parse((await request(dash, `/api/sweeps/${id}`)).body) as SweepData;
    expect(sweep.jobs[5].status).toBe("completed");
  }, 20_000);
});
