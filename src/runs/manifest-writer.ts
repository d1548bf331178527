/**
 * Writes a sweep's manifest in memory that does not grow with the sweep.
 *
 * - `experiment.journal.jsonl` is the hot path: one JSON line per job change, appended synchronously
 *   (it survives SIGKILL). A job that settles (any status but `running`) gets one line with its whole
 *   record, and only that line's place is kept (`JobIndex`); records of running jobs stay in memory.
 * - `experiment.json` is an atomic snapshot (tmp + fsync + rename), streamed record by record from the
 *   journal. Small ones are rewritten at most every ~250 ms; a big one only once the journal has grown
 *   by its size since the last, so snapshots cost O(n) bytes over a whole sweep, not O(n²).
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, writeSync } from "node:fs";
import path from "node:path";
import { JobIndex } from "./job-index.js";
import { jsonSafe, JOURNAL_FILE, MANIFEST_FILE, readManifest, type JobRecord, type JobStatus, type JournalLine, type Manifest, type SweepOrigin } from "./manifest.js";
import { writeSnapshot } from "./snapshot.js";
import { trustCommand } from "./trust.js";

type Head = Omit<Manifest, "jobs" | "seq" | "updated_at">;
type SweepPatch = Partial<Pick<Manifest, "status" | "total" | "launcher" | "completed_at">>;

/** Below this size a snapshot is cheap enough to rewrite on a timer. */
const SMALL_SNAPSHOT_BYTES = 256 * 1024;

export interface ManifestWriterOptions {
  /** Minimum time between snapshots; the writer stretches it when snapshots get slow or big. */
  snapshotIntervalMs?: number;
}

/** The writer of one sweep's manifest (the only one: the sweep's lock says so). */
export class ManifestWriter {
  private readonly live = new Map<number, JobRecord>();
  private readonly index = new JobIndex();
  private readonly counts: Record<JobStatus, number> = { pending: 0, running: 0, completed: 0, failed: 0, interrupted: 0 };
  private known = 0;
  private readonly journalFd: number;
  private journalBytes: number;
  private seq: number;
  private readonly intervalMs: number;
  private last = { at: 0, cost: 0, bytes: 0, journalBytes: 0 };
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(
    private readonly head: Head,
    seq: number,
    options: ManifestWriterOptions,
  ) {
    this.seq = seq;
    this.intervalMs = options.snapshotIntervalMs ?? 250;
    mkdirSync(head.sweep_dir, { recursive: true });
    this.journalFd = openSync(path.join(head.sweep_dir, JOURNAL_FILE), "a+");
    this.journalBytes = fstatSync(this.journalFd).size;
  }

  /** Starts a new manifest; `jobs` may list pending jobs known up front. */
  static create(
    init: { sweepDir: string; origin: SweepOrigin; total: number; launcher: string; jobs?: Iterable<JobRecord> },
    options: ManifestWriterOptions = {},
  ): ManifestWriter {
    const head = { version: 1 as const, sweep_dir: init.sweepDir, created_at: new Date().toISOString(), status: "running" as const, launcher: init.launcher, total: init.total, origin: init.origin };
    const w = new ManifestWriter(head, 0, options);
    w.adopt(init.jobs ?? []);
    w.flush();
    if (init.origin.command) trustCommand(init.sweepDir, init.origin.command);
    return w;
  }

  /** Continues an existing manifest (resume): same files, sequence numbers go on. */
  static open(sweepDir: string, options: ManifestWriterOptions = {}): ManifestWriter {
    const { jobs, seq, updated_at: _u, completed_at: _e, ...head } = readManifest(sweepDir);
    const w = new ManifestWriter({ ...head, status: "running" }, seq, options);
    w.adopt(jobs);
    w.flush();
    return w;
  }

  get manifestPath(): string {
    return path.join(this.head.sweep_dir, MANIFEST_FILE);
  }

  get total(): number {
    return this.head.total;
  }

  /** A job's record (read back from the journal when it has settled). */
  job(num: number): JobRecord | undefined {
    return this.live.get(num) ?? this.settled(num);
  }

  /** A job's status, without reading its record. */
  status(num: number): JobStatus | undefined {
    return this.index.status(num);
  }

  /** Jobs by status; jobs the manifest never listed count as pending. */
  countJobs(): Record<JobStatus, number> {
    return { ...this.counts, pending: this.counts.pending + Math.max(0, this.head.total - this.known) };
  }

  /** Every record in job order, read one at a time. */
  *records(): Generator<JobRecord> {
    for (const num of this.index.nums()) {
      const record = this.job(num);
      if (record) yield record;
    }
  }

  /** Every record in job order, in one array (small sweeps; `records()` for big ones). */
  allJobs(): JobRecord[] {
    return [...this.records()];
  }

  /** Records a job change: journal line now, snapshot soon. */
  update(num: number, patch: Partial<JobRecord>): JobRecord {
    const next = { ...(this.job(num) ?? { num, overrides: [], status: "pending" as const }), ...patch, num };
    // A settling record is written whole, so that its line alone is what the index needs.
    this.put(next, next.status === "running" ? { seq: ++this.seq, num, patch } : { seq: ++this.seq, num, patch: next, replace: true });
    return next;
  }

  /** Replaces a job's record (a job starting, possibly again after a failure or a crash). */
  replace(record: JobRecord): JobRecord {
    this.put(record, { seq: ++this.seq, num: record.num, patch: record, replace: true });
    return record;
  }

  setSweep(patch: SweepPatch): void {
    Object.assign(this.head, patch);
    this.append({ seq: ++this.seq, sweep: patch });
    this.scheduleSnapshot();
  }

  /** Writes the snapshot now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const t0 = performance.now();
    const head = { ...this.head, updated_at: new Date().toISOString(), seq: this.seq };
    const bytes = writeSnapshot(this.manifestPath, head, this.known > 0 ? this.records() : []);
    this.last = { at: Date.now(), cost: performance.now() - t0, bytes, journalBytes: this.journalBytes };
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.journalFd);
    this.closed = true;
  }

  /** Records the snapshot already holds, given lines of their own so the index can find them. */
  private adopt(records: Iterable<JobRecord>): void {
    for (const record of records) {
      const at = this.journalBytes;
      const length = this.append({ seq: this.seq, num: record.num, base: record });
      this.index.setLine(record.num, at, length);
      this.count(record.num, record.status);
    }
  }

  private put(record: JobRecord, line: JournalLine): void {
    const at = this.journalBytes;
    const length = this.append(line);
    if (record.status === "running") this.live.set(record.num, record);
    else {
      this.live.delete(record.num);
      this.index.setLine(record.num, at, length);
    }
    this.count(record.num, record.status);
    this.scheduleSnapshot();
  }

  private count(num: number, status: JobStatus): void {
    const before = this.index.status(num);
    if (before === undefined) this.known++;
    else this.counts[before]--;
    this.counts[status]++;
    this.index.setStatus(num, status);
  }

  /** A settled record, read back from its journal line. */
  private settled(num: number): JobRecord | undefined {
    const where = this.index.line(num);
    if (!where) return undefined;
    const bytes = Buffer.allocUnsafe(where.length);
    // Closed (the sweep has ended): the journal is still there to read from.
    const fd = this.closed ? openSync(path.join(this.head.sweep_dir, JOURNAL_FILE), "r") : this.journalFd;
    try {
      readSync(fd, bytes, 0, where.length, where.offset);
    } finally {
      if (fd !== this.journalFd) closeSync(fd);
    }
    const line = JSON.parse(bytes.toString("utf8")) as JournalLine;
    return line.base ?? (line.patch as JobRecord);
  }

  /** Appends a line; returns its length in bytes. */
  private append(line: JournalLine): number {
    const written = writeSync(this.journalFd, JSON.stringify(line, jsonSafe) + "\n");
    this.journalBytes += written;
    return written;
  }

  private scheduleSnapshot(): void {
    if (this.timer || this.closed) return;
    // A big snapshot waits until the journal has grown by its size: O(n) bytes over the sweep.
    if (this.last.bytes > SMALL_SNAPSHOT_BYTES && this.journalBytes - this.last.journalBytes < this.last.bytes) return;
    // Never spend more than ~10% of the time rewriting a snapshot.
    const interval = Math.max(this.intervalMs, this.last.cost * 10);
    const wait = this.last.at + interval - Date.now();
    if (wait <= 0) return this.flush();
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref();
  }
}
