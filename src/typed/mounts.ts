/**
 * Where a composed config is typed: each schema-backed config of the defaults list types the subtree
 * at its package, as a dataclass merged there types it in OmegaConf. Composition checks the subtrees
 * a merge or an override touched; a composition without schemas has no mounts and pays nothing.
 */
import { isDict, type ConfigDict, type ConfigValue } from "../config/node.js";
import { suggestKey } from "../config/did-you-mean.js";
import { checkObject } from "./type-check.js";
import type { FieldType, ObjectField } from "./field-type.js";

interface Mount {
  /** The package, split: [] is the root. */
  path: readonly string[];
  type: ObjectField;
}

/** The `hydra` node is Hydra's own (typed by HydraConf), never the app schema's. */
const ROOT_EXEMPT: ReadonlySet<string> = new Set(["hydra"]);

export class TypedMounts {
  private readonly mounts: Mount[] = [];
  private readonly added = new Set<string>();

  get size(): number {
    return this.mounts.length;
  }

  /** Types the subtree at `pkg` (dotted; "" is the root); a later schema at the same package replaces it. */
  add(pkg: string, type: ObjectField): void {
    const path = pkg === "" ? [] : pkg.split(".");
    const same = this.mounts.findIndex((m) => m.path.join(".") === path.join("."));
    if (same !== -1) this.mounts.splice(same, 1);
    this.mounts.push({ path, type });
  }

  /** A `+key=`/`++key=` override added `key`: Hydra lets an added key into a typed node. */
  allowAdded(key: string): void {
    this.added.add(key);
  }

  /** Checks (and converts) every typed subtree that overlaps the dotted `key` ("" for all). */
  check(cfg: ConfigDict, key: string): void {
    const path = key === "" ? [] : key.split(".");
    for (const m of this.mounts) {
      if (!overlaps(m.path, path)) continue;
      const node = at(cfg, m.path);
      if (isDict(node)) checkObject(node, m.type, m.path.join("."), { added: this.added, ignoredRootKeys: ROOT_EXEMPT });
    }
  }

  /** The dotted key a typed node declares that `key` (which it lacks) most likely misspells. */
  suggestion(key: string): string | undefined {
    const path = key.split(".");
    const last = path.pop()!;
    const m = this.mounts.find((x) => x.path.length <= path.length && x.path.every((p, i) => p === path[i]));
    if (!m) return undefined;
    let type: ObjectField | undefined = m.type;
    for (const part of path.slice(m.path.length)) {
      const next: FieldType | undefined = type.fields.get(part);
      type = next?.kind === "object" ? next : undefined;
      if (!type) return undefined;
    }
    const close = suggestKey(last, type.fields.keys());
    return close === undefined ? undefined : [...path, close].join(".");
  }
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

function at(cfg: ConfigDict, path: readonly string[]): ConfigValue | undefined {
  let node: ConfigValue | undefined = cfg;
  for (const part of path) node = isDict(node) ? node.get(part) : undefined;
  return node;
}
