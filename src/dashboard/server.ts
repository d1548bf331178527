/**
 * `hydrant ui`: a read-only HTTP server on node:http. It answers GET for the page, its script and a
 * small JSON API over the sweeps it found, and pushes "something changed" over server-sent events.
 * Nothing else: no write, no path from the URL reaches the file system (sweeps are addressed by id,
 * jobs by number, and every file read is checked to lie inside its sweep).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { LaunchError } from "../errors.js";
import type { JobRecord } from "../runs/manifest.js";
import { Catalog } from "./catalog.js";
import { jobFiles, sweepSeries } from "./job-files.js";
import { summarize } from "./model.js";
import { clientBundle, serverPage } from "./page.js";

/** Where to look, where to listen. */
export interface DashboardOptions {
  /** Dirs to search for sweeps (default: multirun/, outputs/, experiments/). */
  roots?: readonly string[];
  cwd?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** How often manifests are checked for changes. */
  pollMs?: number;
}

/** A running dashboard: its URL and how to stop it. */
export interface Dashboard {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

type Reply = { status: number; type: string; body: string };

const json = (data: unknown): Reply => ({ status: 200, type: "application/json; charset=utf-8", body: JSON.stringify(data) });
const text = (status: number, body: string): Reply => ({ status, type: "text/plain; charset=utf-8", body: body + "\n" });

/** Starts the dashboard server; resolves once it listens. */
export async function startDashboard(options: DashboardOptions = {}): Promise<Dashboard> {
  const catalog = new Catalog(options.roots ?? [], options.cwd ?? process.cwd());
  const host = options.host ?? "127.0.0.1";
  clientBundle(); // fail now, not on the first request, when the page was not built
  const clients = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    if (!allowedHost(req, host)) return send(res, false, text(403, "unexpected Host header"));
    if (req.url === "/api/events" && req.method === "GET") return openEvents(res, clients);
    let reply: Reply;
    try {
      reply = route(req, catalog);
    } catch (e) {
      // A file that vanished or turned unreadable mid-sweep: this request fails, the server goes on.
      reply = text(500, (e as Error).message);
    }
    send(res, req.method === "HEAD", reply);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(e.code === "EADDRINUSE" ? new LaunchError(`Port ${options.port} on ${host} is in use: pick another with --port N (0: any free port).`) : e));
    server.listen(options.port ?? 0, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const timer = setInterval(() => {
    const changed = catalog.refresh();
    if (changed.length > 0) broadcast(clients, "changed", changed);
  }, options.pollMs ?? 500);
  const keepAlive = setInterval(() => broadcast(clients, "ping", []), 15_000);
  return {
    url: `http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${port}/`,
    host,
    port,
    close: () =>
      new Promise((resolve) => {
        clearInterval(timer);
        clearInterval(keepAlive);
        for (const c of clients) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * On a loopback address, a page from another site could still reach the server through a DNS name
 * that resolves to 127.0.0.1 (DNS rebinding): only loopback Host headers are answered there.
 */
function allowedHost(req: http.IncomingMessage, bound: string): boolean {
  if (!isLoopback(bound)) return true;
  const name = (req.headers.host ?? "").replace(/:\d+$/, "");
  return isLoopback(name);
}

function route(req: http.IncomingMessage, catalog: Catalog): Reply {
  if (req.method !== "GET" && req.method !== "HEAD") return text(405, "read-only: only GET and HEAD are answered");
  const raw = req.url ?? "/";
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(raw, "http://x").pathname);
  } catch {
    return text(400, "bad URL");
  }
  // The raw URL too: new URL() folds `..` away before we would see it.
  if (raw.includes("..") || pathname.includes("..") || /%2e%2e/i.test(raw)) return text(400, "'..' is not allowed in a path");
  if (pathname === "/") return { status: 200, type: "text/html; charset=utf-8", body: serverPage() };
  if (pathname === "/favicon.ico") return { status: 204, type: "image/x-icon", body: "" };
  if (pathname === "/app.js") return { status: 200, type: "text/javascript; charset=utf-8", body: clientBundle() };
  const parts = pathname.split("/").filter(Boolean);
  if (parts[0] !== "api") return text(404, "not found");
  return api(parts.slice(1), catalog);
}

function api(parts: string[], catalog: Catalog): Reply {
  if (parts.length === 1 && parts[0] === "sweeps") {
    return json(catalog.list().flatMap((s) => {
      const m = catalog.manifest(s.id);
      return m ? [summarize(s, m)] : [];
    }));
  }
  if (parts[0] !== "sweeps" || parts.length < 2) return text(404, "not found");
  const sweep = catalog.get(parts[1]);
  const m = sweep && catalog.manifest(parts[1]);
  if (!sweep || !m) return text(404, `no sweep '${parts[1]}'`);
  if (parts.length === 2) return { status: 200, type: "application/json; charset=utf-8", body: catalog.dataJson(parts[1]) ?? "null" };
  if (parts.length === 3 && parts[2] === "series") return json(sweepSeries(sweep, m));
  if (parts.length === 4 && parts[2] === "jobs" && /^\d+$/.test(parts[3])) {
    const record = m.jobs.find((j: JobRecord) => j.num === Number(parts[3]));
    return record ? json(jobFiles(sweep, record)) : text(404, `no job ${parts[3]} in this sweep`);
  }
  return text(404, "not found");
}

function send(res: http.ServerResponse, headOnly: boolean, r: Reply): void {
  res.writeHead(r.status, {
    "Content-Type": r.type,
    "Content-Length": Buffer.byteLength(r.body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    // The page needs nothing from anywhere else; inline styles are how the plots are drawn.
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'",
  });
  res.end(headOnly ? undefined : r.body);
}

function openEvents(res: http.ServerResponse, clients: Set<http.ServerResponse>): void {
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
  res.write("retry: 1000\n\n");
  clients.add(res);
  res.on("close", () => clients.delete(res));
}

function broadcast(clients: Set<http.ServerResponse>, event: string, ids: string[]): void {
  const msg = `event: ${event}\ndata: ${JSON.stringify(ids)}\n\n`;
  for (const c of clients) c.write(msg);
}
