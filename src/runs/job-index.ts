/**
 * Where each settled job record of a sweep lies in its journal (byte offset and length of the line
 * holding the whole record) and its status, in typed arrays: 13 bytes a job, so a 100,000-job sweep
 * keeps about 1.3 MB instead of every record as an object.
 */
import type { JobStatus } from "./manifest.js";

const STATUSES: readonly (JobStatus | undefined)[] = [undefined, "pending", "running", "completed", "failed", "interrupted"];
const CODE = new Map(STATUSES.map((s, i) => [s, i]));

export class JobIndex {
  private offsets = new Float64Array(64);
  private lengths = new Uint32Array(64);
  private statuses = new Uint8Array(64);
  /** One past the highest job number seen. */
  private end = 0;

  /** Job numbers that have a record, in order. */
  *nums(): Generator<number> {
    for (let num = 0; num < this.end; num++) if (this.statuses[num] !== 0) yield num;
  }

  status(num: number): JobStatus | undefined {
    return num < this.end ? STATUSES[this.statuses[num]] : undefined;
  }

  setStatus(num: number, status: JobStatus): void {
    this.reserve(num);
    this.statuses[num] = CODE.get(status) ?? 0;
  }

  /** The journal line holding the job's whole record, if it was settled there. */
  line(num: number): { offset: number; length: number } | undefined {
    if (num >= this.end || this.lengths[num] === 0) return undefined;
    return { offset: this.offsets[num], length: this.lengths[num] };
  }

  setLine(num: number, offset: number, length: number): void {
    this.reserve(num);
    this.offsets[num] = offset;
    this.lengths[num] = length;
  }

  private reserve(num: number): void {
    if (num >= this.statuses.length) this.grow(Math.max(num + 1, this.statuses.length * 2));
    if (num >= this.end) this.end = num + 1;
  }

  private grow(size: number): void {
    const offsets = new Float64Array(size);
    offsets.set(this.offsets);
    const lengths = new Uint32Array(size);
    lengths.set(this.lengths);
    const statuses = new Uint8Array(size);
    statuses.set(this.statuses);
    this.offsets = offsets;
    this.lengths = lengths;
    this.statuses = statuses;
  }
}
