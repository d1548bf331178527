/**
 * experiment.json is a file anyone with access to the sweep dir can edit, and a crash or a full disk can
 * leave it short. Before hydrant trusts it (to resume, list, stop), every field it uses is checked, and
 * a bad one is named: "experiment.json: jobs[3].status must be one of …".
 */
import { ManifestError } from "../errors.js";
import type { Manifest } from "./manifest.js";

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === "string";
const int: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const strList: Check = (v) => Array.isArray(v) && v.every(str);
const obj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

const JOB_STATUSES = ["pending", "running", "completed", "failed", "interrupted"];
const SWEEP_STATUSES = ["running", "completed", "failed", "partial", "interrupted", "stopped"];

/** Throws a ManifestError naming the file and the first bad field; returns the manifest typed. */
export function checkManifest(data: unknown, file: string): Manifest {
  const bad = (field: string, want: string): never => {
    throw new ManifestError(`${file}: field '${field}' ${want}. The file was edited by hand or cut short; restore it from a backup, or start the sweep again.`, { file, key: field });
  };
  if (!obj(data)) return bad("(top level)", "must be a JSON object");
  expect(data, "total", int, "must be a whole number >= 0", bad);
  expect(data, "seq", int, "must be a whole number >= 0", bad);
  expect(data, "sweep_dir", str, "must be a string", bad);
  if (data.status !== undefined && !SWEEP_STATUSES.includes(data.status as string)) bad("status", `must be one of ${SWEEP_STATUSES.join(", ")}`);
  if (!obj(data.origin)) return bad("origin", "must be an object");
  const o = data.origin;
  expect(o, "overrides", strList, "must be a list of strings", bad, "origin.");
  for (const k of ["cwd", "config_dir", "config_name", "entry"]) if (o[k] !== undefined) expect(o, k, str, "must be a string", bad, "origin.");
  for (const k of ["command", "search_path"]) if (o[k] !== undefined) expect(o, k, strList, "must be a list of strings", bad, "origin.");
  if (!Array.isArray(data.jobs)) return bad("jobs", "must be a list");
  data.jobs.forEach((j: unknown, i: number) => checkJob(j, `jobs[${i}]`, bad));
  return data as unknown as Manifest;
}

/** A job record (also each journal line's patch, after replay). */
export function checkJob(j: unknown, at: string, bad: (field: string, want: string) => never): void {
  if (!obj(j)) return bad(at, "must be an object");
  expect(j, "num", int, "must be a whole number >= 0", bad, `${at}.`);
  expect(j, "overrides", strList, "must be a list of strings", bad, `${at}.`);
  if (!JOB_STATUSES.includes(j.status as string)) bad(`${at}.status`, `must be one of ${JOB_STATUSES.join(", ")}`);
  for (const k of ["job_dir", "run_dir", "config_path", "started_at", "completed_at", "error"]) if (j[k] !== undefined && j[k] !== null) expect(j, k, str, "must be a string", bad, `${at}.`);
  if (j.return_code !== undefined && j.return_code !== null && !Number.isSafeInteger(j.return_code)) bad(`${at}.return_code`, "must be a whole number or null");
  for (const k of ["attempts", "pid"]) if (j[k] !== undefined) expect(j, k, int, "must be a whole number >= 0", bad, `${at}.`);
  if (j.failedAttempts !== undefined) expect(j, "failedAttempts", (v) => Array.isArray(v) && v.every(obj), "must be a list of objects", bad, `${at}.`);
}

function expect(o: Record<string, unknown>, key: string, ok: Check, want: string, bad: (field: string, want: string) => never, prefix = ""): void {
  if (!ok(o[key])) bad(`${prefix}${key}`, want);
}
