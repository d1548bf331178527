/**
 * The records a Spearmint keeps in memory (bounded, oldest dropped first) for `mint.results`.
 */
import type { RunRecord } from "./records.js";
import { formatComparisonTable, type TableOptions } from "./comparison-table.js";

/** The records a Spearmint keeps in memory (`mint.results`), oldest dropped past `capacity`. */
export class ResultSet {
  readonly #records: RunRecord[] = [];

  constructor(readonly capacity: number = 10_000) {}

  get records(): readonly RunRecord[] {
    return this.#records;
  }

  add(record: RunRecord): void {
    this.#records.push(record);
    if (this.#records.length > this.capacity) this.#records.splice(0, this.#records.length - this.capacity);
  }

  forExperiment(name: string): RunRecord[] {
    return this.#records.filter((r) => r.experiment === name);
  }

  /** Configs side by side with their latest results; see `formatComparisonTable`. */
  table(options?: TableOptions & { experiment?: string }): string {
    const records = options?.experiment === undefined ? this.#records : this.forExperiment(options.experiment);
    return formatComparisonTable(records, options);
  }

  clear(): void {
    this.#records.length = 0;
  }
}
