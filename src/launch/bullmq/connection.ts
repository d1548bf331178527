/**
 * Redis outages are waited out, not fatal: BullMQ's connections reconnect by themselves and commands
 * wait for them (maxRetriesPerRequest: null). This turns the stream of connection errors into two
 * messages, "lost" once and "back" once, and bounds only the very first connection.
 */
import { LaunchError } from "../../errors.js";
import { redactUrl } from "./config.js";

export interface ConnectionReport {
  lost(message: string): void;
  restored(message: string): void;
}

export class ConnectionWatch {
  private down = false;

  /** `probe` is any Redis command; it resolves once the connection is back. */
  constructor(
    private readonly url: string,
    private readonly probe: () => Promise<unknown>,
    private readonly report: ConnectionReport,
  ) {}

  /** Feed every 'error' event of the BullMQ objects here (an unheard 'error' event would crash the process). */
  error(e: unknown): void {
    if (this.down) return;
    this.down = true;
    const why = e instanceof Error ? e.message : String(e);
    this.report.lost(`Cannot reach Redis at ${redactUrl(this.url)} (${why}); waiting for it to come back…`);
    void this.probe().then(
      () => {
        this.down = false;
        this.report.restored(`Reconnected to Redis at ${redactUrl(this.url)}.`);
      },
      () => {
        // Closed while down (shutdown): nothing to report.
      },
    );
  }
}

/** Waits for the first connection, failing with a clear error after `timeoutMs`. */
export async function firstConnection(url: string, ready: Promise<unknown>, timeoutMs: number, key: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new LaunchError(`Cannot connect to Redis at ${redactUrl(url)} after ${timeoutMs / 1000}s. Start redis-server there, or fix ${key}.`, { key }));
    }, timeoutMs);
  });
  try {
    await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
