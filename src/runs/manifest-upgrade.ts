/**
 * experiment.json written before its fields got the experiment guide's names (hydrant ≤ 0.1 wrote
 * `startedAt`, `endedAt`, `exitCode`, `jobDir`…, and an experiment's runs a snake_case copy of some):
 * read as if written today, so an older sweep or experiment still lists, shows and resumes. A field
 * already under its new name wins over its old copy.
 */

const RECORD_NAMES: Record<string, string> = {
  jobDir: "job_dir",
  startedAt: "started_at",
  endedAt: "completed_at",
  durationMs: "duration_ms",
  exitCode: "return_code",
  failedAttempts: "failed_attempts",
};
const ATTEMPT_NAMES: Record<string, string> = { endedAt: "completed_at", exitCode: "return_code" };
const HEAD_NAMES: Record<string, string> = { sweepDir: "sweep_dir", createdAt: "created_at", updatedAt: "updated_at", endedAt: "completed_at" };
const ORIGIN_NAMES: Record<string, string> = { configDir: "config_dir", searchPath: "search_path", configName: "config_name" };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function renamed(o: Record<string, unknown>, names: Record<string, string>): Record<string, unknown> {
  if (!Object.keys(names).some((k) => k in o)) return o;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    const to = names[k];
    if (to === undefined) out[k] = v;
    else if (!(to in o)) out[to] = v;
  }
  return out;
}

/** A job record or a journal patch of one, under today's names. */
export function upgradeRecord(record: unknown): unknown {
  if (!isObject(record)) return record;
  const r = renamed(record, RECORD_NAMES);
  const attempts = r.failed_attempts;
  return Array.isArray(attempts) ? { ...r, failed_attempts: attempts.map((a) => (isObject(a) ? renamed(a, ATTEMPT_NAMES) : a)) } : r;
}

/** A whole manifest under today's names (unchanged when it already uses them). */
export function upgradeManifest(data: unknown): unknown {
  if (!isObject(data)) return data;
  const m = renamed(data, HEAD_NAMES);
  return {
    ...m,
    ...(isObject(m.origin) && { origin: renamed(m.origin, ORIGIN_NAMES) }),
    ...(Array.isArray(m.jobs) && { jobs: m.jobs.map(upgradeRecord) }),
  };
}
