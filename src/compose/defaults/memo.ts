/**
 * The defaults lists of one sweep's jobs, reused between jobs that differ only in values.
 *
 * Why: building the defaults tree (the app's and Hydra's own ~12 groups, with their interpolations) is
 * the largest part of composing a trivial job, and in most sweeps every job has the same one. A
 * defaults list depends on the primary config, the group overrides (never on a value override: the
 * list only passes those on), and the configs it reads; so it is memoized by the first two and
 * reused only while every config it merges is the same version in the file cache (one `stat` each,
 * as merging does anyway): a config edited mid-sweep is seen by the next job, as Hydra's per-job
 * composition sees it.
 */
import type { Override } from "../../overrides/types.js";
import { createDefaultsList, type DefaultsList, type DefaultsListOptions } from "./list.js";
import { overrideKind } from "./overrides.js";

/** A sweep holds a few lists (one per combination of group choices), the most recent ones. */
const MAX_ENTRIES = 64;

interface Entry {
  list: Omit<DefaultsList, "configOverrides">;
  /** Each merged config as the file cache held it when the list was built. */
  configs: [configPath: string, version: unknown][];
}

/** Defaults lists by what they depend on; one per sweep (see `ComposeOptions.defaultsMemo`). */
export class DefaultsListMemo {
  private readonly entries = new Map<string, Entry>();

  /** `createDefaultsList(opts)`, or the same list built for an earlier job. */
  create(opts: DefaultsListOptions): DefaultsList {
    const groupExists = (g: string) => opts.repo.groupExists(g);
    const configOverrides: Override[] = [];
    const groupOverrides: string[] = [];
    for (const o of opts.overrides) {
      const kind = overrideKind(o, groupExists);
      if (kind === "config") configOverrides.push(o);
      else if (kind === "group") groupOverrides.push(o.inputLine);
    }
    const key = JSON.stringify([opts.configName, opts.skipMissing ?? false, opts.prependHydra ?? true, groupOverrides]);
    const hit = this.entries.get(key);
    if (hit && hit.configs.every(([p, c]) => opts.repo.loadConfig(p)?.version === c)) return { ...hit.list, configOverrides };
    const list = createDefaultsList(opts);
    this.remember(key, { list, configs: list.defaults.map((d) => [d.configPath, opts.repo.loadConfig(d.configPath)?.version]) });
    return list;
  }

  private remember(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}
