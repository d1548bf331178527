/**
 * What a sweep does about failing jobs (hydrant's, beyond Hydra 1.3, where the first failure ends a
 * basic sweep): by default every job runs whatever fails. `max_failures` stops launching once that many
 * jobs failed in this run (running ones finish; the rest stay pending, "not run", for a resume);
 * `retries` runs a failed job again, up to N more times, waiting `retry_backoff` seconds, doubled each time.
 * Set on the command line (`--max-failures N`, `--fail-fast`, `--retries N`) or under `hydra.sweeper`.
 */
import { resolvePath } from "../compose/helpers.js";
import { ConfigFloat } from "../config/float.js";
import type { ConfigDict } from "../config/node.js";
import { LaunchError } from "../errors.js";

export interface FailurePolicy {
  /** Stop starting jobs once this many failed in this run; undefined: never stop. */
  maxFailures?: number;
  /** Extra attempts for a failed job (0: none). */
  retries: number;
  /** Wait before the first retry, doubled for each next one. */
  retryBackoffMs: number;
}

/** What the command line says; a value given here wins over the config's. */
export interface FailureFlags {
  maxFailures?: number;
  retries?: number;
}

const DEFAULT_BACKOFF_S = 1;

/** The policy of a sweep: flags first, then `hydra.sweeper.{max_failures,retries,retry_backoff}`. */
export function failurePolicyOf(master: ConfigDict, flags: FailureFlags = {}): FailurePolicy {
  const maxFailures = flags.maxFailures ?? count(master, "max_failures", 1);
  const retries = flags.retries ?? count(master, "retries", 0) ?? 0;
  const backoff = seconds(master, "retry_backoff") ?? DEFAULT_BACKOFF_S;
  return { ...(maxFailures !== undefined && { maxFailures }), retries, retryBackoffMs: backoff * 1000 };
}

function count(master: ConfigDict, name: string, min: number): number | undefined {
  const v = setting(master, name);
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < min) {
    throw new LaunchError(`hydra.sweeper.${name} must be a whole number >= ${min} (or null), got ${JSON.stringify(v)}.`, { key: `hydra.sweeper.${name}` });
  }
  return v;
}

function seconds(master: ConfigDict, name: string): number | undefined {
  const v = setting(master, name);
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !(v >= 0) || !Number.isFinite(v)) {
    throw new LaunchError(`hydra.sweeper.${name} must be seconds >= 0, got ${JSON.stringify(v)}.`, { key: `hydra.sweeper.${name}` });
  }
  return v;
}

function setting(master: ConfigDict, name: string): unknown {
  const v = resolvePath(master, `hydra.sweeper.${name}`);
  if (v instanceof ConfigFloat) return v.value;
  return v === null ? undefined : v;
}

/** The wait before retry number `retry` (1-based): the backoff, doubled each time, at most 10 minutes. */
export function retryDelayMs(policy: Pick<FailurePolicy, "retryBackoffMs">, retry: number): number {
  return Math.min(policy.retryBackoffMs * 2 ** (retry - 1), 600_000);
}
