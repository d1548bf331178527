/**
 * Streams `experiment.json` to disk one record at a time, atomically (tmp + fsync + rename), byte for
 * byte what `JSON.stringify(manifest, jsonSafe, 1)` would print, so a 100,000-job manifest is never one
 * string in memory.
 */
import { writeSync } from "node:fs";
import { replaceAtomically } from "./atomic.js";
import { jsonSafe, type JobRecord, type Manifest } from "./manifest.js";

const CHUNK = 64 * 1024;
const EMPTY_JOBS = '"jobs": []\n}';

/** Writes the manifest; returns its size in bytes. */
export function writeSnapshot(file: string, head: Omit<Manifest, "jobs">, records: Iterable<JobRecord>): number {
  return replaceAtomically(file, (fd) => writeManifestText(fd, head, records));
}

function writeManifestText(fd: number, head: Omit<Manifest, "jobs">, records: Iterable<JobRecord>): number {
  const text = JSON.stringify({ ...head, jobs: [] }, jsonSafe, 1);
  const out = new ChunkedWriter(fd);
  let first = true;
  for (const record of records) {
    // Each record as JSON.stringify prints an element of the top-level `jobs` list: indented by two.
    out.write((first ? `${text.slice(0, -EMPTY_JOBS.length)}"jobs": [\n` : ",\n") + indent(JSON.stringify(record, jsonSafe, 1)));
    first = false;
  }
  out.write(first ? `${text}\n` : "\n ]\n}\n");
  return out.end();
}

function indent(json: string): string {
  return "  " + json.replaceAll("\n", "\n  ");
}

/** Batches small writes into 64 KiB ones. */
class ChunkedWriter {
  private pending: string[] = [];
  private size = 0;
  private total = 0;

  constructor(private readonly fd: number) {}

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.drain();
  }

  end(): number {
    this.drain();
    return this.total;
  }

  private drain(): void {
    if (this.pending.length === 0) return;
    this.total += writeSync(this.fd, this.pending.join(""));
    this.pending = [];
    this.size = 0;
  }
}
