/**
 * The launcher's own record of what it submitted, `<submitit_folder>/submissions.jsonl`: which SLURM
 * task runs which sweep job, and which tasks are dealt with (their ending is in the manifest, or they were withdrawn unstarted). A resumed or
 * re-attached launcher reads it to follow tasks still queued, collect those that ended while nobody
 * watched (a detached sweep), and submit again only what has no live or unrecorded task.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

type Line = { type: "submit"; arrayId: string; dir: string; nums: number[] } | { type: "recorded"; id: string };

/** A sweep job's latest task. */
export interface TaskRef {
  /** `ARRAYID_INDEX`. */
  id: string;
  arrayId: string;
  index: number;
  /** The array's folder (task files, logs). */
  dir: string;
}

export class SubmissionJournal {
  private readonly latest = new Map<number, TaskRef>();
  private readonly recorded = new Set<string>();
  private readonly file: string;

  constructor(folder: string) {
    mkdirSync(folder, { recursive: true });
    this.file = path.join(folder, "submissions.jsonl");
    if (!existsSync(this.file)) return;
    for (const text of readFileSync(this.file, "utf8").split("\n")) {
      const line = parse(text);
      if (line) this.apply(line);
    }
  }

  /** The job's latest task, if it has one whose ending is not recorded yet. */
  unrecorded(num: number): TaskRef | undefined {
    const t = this.latest.get(num);
    return t && !this.recorded.has(t.id) ? t : undefined;
  }

  submitted(arrayId: string, dir: string, nums: number[]): TaskRef[] {
    this.write({ type: "submit", arrayId, dir, nums });
    return nums.map((num) => this.latest.get(num) as TaskRef);
  }

  /** The task's ending is dealt with: recorded in the manifest, or withdrawn before it started. */
  close(id: string): void {
    this.write({ type: "recorded", id });
  }

  private write(line: Line): void {
    // One short line per append: a crash leaves at most a torn last line, which parse() skips.
    appendFileSync(this.file, JSON.stringify(line) + "\n");
    this.apply(line);
  }

  private apply(line: Line): void {
    if (line.type === "recorded") return void this.recorded.add(line.id);
    line.nums.forEach((num, index) => this.latest.set(num, { id: `${line.arrayId}_${index}`, arrayId: line.arrayId, index, dir: line.dir }));
  }
}

function parse(text: string): Line | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Line;
  } catch {
    return undefined;
  }
}
