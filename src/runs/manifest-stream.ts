/**
 * Reads the job records of a manifest one at a time, so that the end of a 100,000-job sweep (its table,
 * its best job) needs no more memory than its start. It reads the layout hydrant's writer prints
 * (snapshot.ts: one record per element of `jobs`, indented by two); any other file (hand-edited, older,
 * or with journal lines the snapshot does not hold yet) is read whole by `readManifest` instead.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import { JOURNAL_FILE, MANIFEST_FILE, readManifest, type JobRecord, type JournalLine } from "./manifest.js";

const CHUNK = 64 * 1024;
const JOBS_OPEN = ' "jobs": [';

/** Every job record of the sweep's manifest, in job order. */
export function* eachJobRecord(sweepDir: string): Generator<JobRecord> {
  const file = path.join(sweepDir, MANIFEST_FILE);
  if (!existsSync(file)) return yield* readManifest(sweepDir).jobs;
  const lines = readLines(file);
  const head = readHead(lines);
  const seq = headSeq(head.lines);
  if (head.jobs === "other" || seq === undefined || lastJournalSeq(path.join(sweepDir, JOURNAL_FILE)) > seq) {
    lines.return(undefined);
    return yield* readManifest(sweepDir).jobs;
  }
  if (head.jobs === "none") return;
  let record: string[] = [];
  for (const line of lines) {
    if (line === " ]") return;
    record.push(line);
    if (line === "  }" || line === "  },") {
      yield JSON.parse(record.join("\n").replace(/,$/, "")) as JobRecord;
      record = [];
    }
  }
}

/** The lines before the jobs, and whether the jobs follow one per element ("list") or there are none. */
function readHead(lines: Generator<string>): { lines: string[]; jobs: "list" | "none" | "other" } {
  const head: string[] = [];
  for (let next = lines.next(); !next.done; next = lines.next()) {
    if (next.value === JOBS_OPEN) return { lines: head, jobs: "list" };
    head.push(next.value);
    if (next.value === ' "jobs": []') return { lines: head, jobs: "none" };
  }
  return { lines: head, jobs: "other" };
}

/** The snapshot's `seq`, if the head is as the writer prints it. */
function headSeq(head: string[]): number | undefined {
  const line = head.find((l) => l.startsWith(' "seq": '));
  const seq = line === undefined ? Number.NaN : Number(line.slice(8).replace(/,$/, ""));
  return head[0] === "{" && Number.isSafeInteger(seq) ? seq : undefined;
}

/** The `seq` of the journal's last whole line (0 without one). */
function lastJournalSeq(file: string): number {
  if (!existsSync(file)) return 0;
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, CHUNK);
    const bytes = Buffer.allocUnsafe(length);
    readSync(fd, bytes, 0, length, size - length);
    const whole = bytes.toString("utf8").split("\n").slice(0, -1);
    for (let i = whole.length - 1; i >= 0; i--) {
      try {
        return (JSON.parse(whole[i]) as JournalLine).seq;
      } catch {
        // A torn or partly read line: try the one before.
      }
    }
    return size > length ? Number.POSITIVE_INFINITY : 0;
  } finally {
    closeSync(fd);
  }
}

/** The file's lines, read 64 KiB at a time. */
function* readLines(file: string): Generator<string> {
  const fd = openSync(file, "r");
  try {
    const bytes = Buffer.allocUnsafe(CHUNK);
    // A character cut by the chunk's end is completed by the next chunk.
    const decoder = new StringDecoder("utf8");
    let rest = "";
    for (;;) {
      const n = readSync(fd, bytes, 0, CHUNK, null);
      if (n === 0) break;
      const parts = (rest + decoder.write(bytes.subarray(0, n))).split("\n");
      rest = parts.pop() ?? "";
      yield* parts;
    }
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}
