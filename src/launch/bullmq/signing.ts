/**
 * Jobs in the queue are signed: anyone who can write to Redis could otherwise queue a job naming any
 * command, and every worker would run it. The submitter and the workers share a secret (from
 * HYDRANT_QUEUE_SECRET, or the file named by HYDRANT_QUEUE_SECRET_FILE); each job carries an
 * HMAC-SHA256 of its content, and a worker runs only jobs whose signature it can recompute.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { LaunchError } from "../../errors.js";

export const SECRET_ENV = "HYDRANT_QUEUE_SECRET";
export const SECRET_FILE_ENV = "HYDRANT_QUEUE_SECRET_FILE";
const MIN_SECRET_BYTES = 16;

/** The shared secret; a clear error when it is missing, short, or its file is readable by others. */
export function queueSecret(env: NodeJS.ProcessEnv = process.env): Buffer {
  const file = env[SECRET_FILE_ENV];
  let secret: string | undefined = env[SECRET_ENV];
  if (file) {
    try {
      if ((statSync(file).mode & 0o077) !== 0) throw new LaunchError(`${file} (${SECRET_FILE_ENV}) is readable by other users: chmod 600 it.`, { file });
      secret = readFileSync(file, "utf8").trim();
    } catch (e) {
      if (e instanceof LaunchError) throw e;
      throw new LaunchError(`Cannot read the queue secret from ${file} (${SECRET_FILE_ENV}): ${(e as Error).message}`, { file });
    }
  }
  if (!secret) {
    throw new LaunchError(`The bullmq launcher and its workers sign jobs with a shared secret: set ${SECRET_ENV} (or ${SECRET_FILE_ENV}, a mode-600 file) to the same value of at least ${MIN_SECRET_BYTES} characters on the submitting machine and on every worker, e.g. ${SECRET_ENV}=$(openssl rand -hex 32).`);
  }
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) throw new LaunchError(`The queue secret (${file ? SECRET_FILE_ENV : SECRET_ENV}) is shorter than ${MIN_SECRET_BYTES} characters: use a long random value, e.g. $(openssl rand -hex 32).`);
  return Buffer.from(secret);
}

/** The same text for the same JSON data on both sides, whatever the key order. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x !== null && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));
}

/** `data` with its signature in `sig` (computed over everything else, as Redis will store it). */
export function signJob<T extends object>(data: T, secret: Buffer): T & { sig: string } {
  const stored = JSON.parse(JSON.stringify(data)) as T;
  return { ...stored, sig: signatureOf(stored, secret) };
}

/** Why a job's signature does not hold, or undefined when it does. */
export function signatureProblem(data: unknown, secret: Buffer): string | undefined {
  if (data === null || typeof data !== "object") return "not a hydrant job";
  const { sig, ...rest } = data as { sig?: unknown };
  if (typeof sig !== "string") return "unsigned job";
  const want = Buffer.from(signatureOf(rest, secret), "hex");
  const got = Buffer.from(sig, "hex");
  return got.length === want.length && timingSafeEqual(got, want) ? undefined : "bad signature (altered, or signed with another secret)";
}

function signatureOf(data: unknown, secret: Buffer): string {
  return createHmac("sha256", secret).update(canonicalJson(data)).digest("hex");
}
