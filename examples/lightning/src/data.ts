/** A data module, as Lightning's: holds its settings, makes the train/test split on setup(). */
import type { DatasetConfig } from "../../lib/config.js";
import { loadDataset, type Split } from "../../lib/data.js";

export class SyntheticDataModule {
  constructor(readonly options: DatasetConfig) {}

  setup(): Split {
    return loadDataset(this.options);
  }

  get name(): string {
    return this.options.name;
  }
}
