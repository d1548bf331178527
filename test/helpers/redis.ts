/**
 * A real, throw-away redis-server for tests: a free loopback port, no persistence, killed on teardown.
 * Tests skip only when redis-server is not installed outside CI; in CI a missing server is a failure.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";

export interface TestRedis {
  port: number;
  url: string;
  /** Starts the server again on the same port (after stop()). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const BINARY = process.env.REDIS_SERVER ?? "redis-server";

export function redisServerInstalled(): boolean {
  return spawnSync(BINARY, ["--version"], { stdio: "ignore" }).status === 0;
}

/** Why redis tests are skipped, or undefined when they run. Throws in CI when redis-server is missing. */
export function redisSkipReason(): string | undefined {
  if (redisServerInstalled()) return undefined;
  if (process.env.CI) throw new Error(`redis-server is not installed but CI is set: install it (apt-get install redis-server) or set REDIS_SERVER to its path.`);
  return "redis-server is not installed: skipping the tests that need a real Redis (install redis-server to run them).";
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves when the server answers PING, rejects after `timeoutMs`. */
export async function waitForPing(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ping(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect(port, "127.0.0.1");
    let data = "";
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(500, () => done(false));
    sock.on("error", () => done(false));
    sock.on("connect", () => sock.write("PING\r\n"));
    sock.on("data", (d) => {
      data += d.toString();
      if (data.includes("\r\n")) done(data.startsWith("+PONG"));
    });
  });
}

/** Starts redis-server on a free port (or `port`); `autoStart: false` only reserves the port. */
export async function startRedis(options: { port?: number; autoStart?: boolean } = {}): Promise<TestRedis> {
  const port = options.port ?? (await freePort());
  let child: ChildProcess | undefined;
  const server: TestRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (child) return;
      const proc = spawn(BINARY, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      child = proc;
      proc.on("exit", () => {
        if (child === proc) child = undefined;
      });
      await waitForPing(port);
    },
    async stop() {
      const proc = child;
      if (!proc || proc.exitCode !== null) return;
      child = undefined;
      await new Promise<void>((resolve) => {
        proc.once("exit", () => resolve());
        proc.kill("SIGKILL");
      });
    },
  };
  if (options.autoStart !== false) await server.start();
  return server;
}
