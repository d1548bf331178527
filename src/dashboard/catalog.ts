/**
 * The sweeps a dashboard shows, kept current: discovery again every few seconds, each manifest read
 * again only when its files changed (snapshot or journal: size and mtime), and a callback for each
 * sweep that changed so the page can be told.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { JOURNAL_FILE, MANIFEST_FILE, type Manifest } from "../runs/manifest.js";
import { discoverSweeps, type FoundSweep } from "./discover.js";
import { loadManifest, sweepData } from "./model.js";
import type { SweepData } from "./types.js";

interface Entry {
  sweep: FoundSweep;
  signature: string;
  manifest?: Manifest;
  data?: SweepData;
  /** `data` as sent: a 10,000-job sweep is megabytes of JSON, serialized once per version. */
  json?: string;
  error?: string;
}

/** The found sweeps by id, with their manifests and view data cached per version of their files. */
export class Catalog {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly roots: readonly string[],
    private readonly cwd: string,
  ) {
    this.refresh();
  }

  /** Discovers again and re-reads changed manifests; returns the ids that are new or changed. */
  refresh(): string[] {
    const changed: string[] = [];
    const next = new Map<string, Entry>();
    for (const sweep of discoverSweeps(this.roots, this.cwd)) {
      const signature = signatureOf(sweep.dir);
      const old = this.entries.get(sweep.id);
      if (old && old.signature === signature) {
        next.set(sweep.id, old);
        continue;
      }
      next.set(sweep.id, { sweep, signature });
      changed.push(sweep.id);
    }
    for (const id of this.entries.keys()) if (!next.has(id)) changed.push(id);
    this.entries = next;
    return changed;
  }

  list(): FoundSweep[] {
    return [...this.entries.values()].map((e) => e.sweep);
  }

  get(id: string): FoundSweep | undefined {
    return this.entries.get(id)?.sweep;
  }

  /** The sweep's manifest, read lazily and kept until its files change; undefined when unreadable. */
  manifest(id: string): Manifest | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (!e.manifest && !e.error) {
      try {
        e.manifest = loadManifest(e.sweep);
      } catch (err) {
        e.error = (err as Error).message;
      }
    }
    return e.manifest;
  }

  /** The sweep view's data, computed once per version of the manifest. */
  data(id: string): SweepData | undefined {
    const e = this.entries.get(id);
    const m = this.manifest(id);
    if (!e || !m) return undefined;
    return (e.data ??= sweepData(e.sweep, m));
  }

  /** `data(id)` as JSON. */
  dataJson(id: string): string | undefined {
    const e = this.entries.get(id);
    const d = this.data(id);
    return e && d ? (e.json ??= JSON.stringify(d)) : undefined;
  }
}

function signatureOf(dir: string): string {
  return [MANIFEST_FILE, JOURNAL_FILE]
    .map((f) => {
      try {
        const s = statSync(path.join(dir, f));
        return `${s.size}:${s.mtimeMs}`;
      } catch {
        return "-";
      }
    })
    .join("|");
}
