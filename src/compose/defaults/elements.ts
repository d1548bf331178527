/**
 * Elements of a defaults list (Hydra's core/default_element.py, version_base 1.2+ semantics):
 * `ConfigDefault` (`- some/config`, `- _self_`), `GroupDefault` (`- group@pkg: option`), the
 * virtual root above `hydra/config` and the primary config, and the tree and list they form.
 */
import { ConfigCompositionError } from "../../errors.js";

/** One entry of the final defaults list: a config to load and where to put it. */
export interface ResultDefault {
  configPath: string;
  /** Final package ("" = root). */
  package: string;
  /** The config whose defaults list brought this one in; undefined for the roots. */
  parent?: string;
  isSelf: boolean;
  primary: boolean;
  /** `group` or `group@pkg`, for group options. */
  overrideKey?: string;
}

export interface DefaultsTreeNode {
  node: InputDefault;
  children?: (DefaultsTreeNode | InputDefault)[];
  parent?: DefaultsTreeNode;
}

export function isTreeNode(x: DefaultsTreeNode | InputDefault): x is DefaultsTreeNode {
  return !(x instanceof InputDefault);
}

/** `_global_` anywhere in a package resets it to the root; the rest follows. */
function stripGlobal(pkg: string): string {
  const i = pkg.lastIndexOf("_global_");
  return i === -1 ? pkg : pkg.slice(i + "_global_".length + 1);
}

export abstract class InputDefault {
  package: string | undefined;
  parentBaseDir: string | undefined;
  parentPackage: string | undefined;
  packageHeader: string | undefined;
  primary = false;
  deleted = false;

  constructor(pkg: string | undefined) {
    this.package = pkg === "_here_" ? "" : pkg;
  }

  abstract isSelf(): boolean;
  abstract isOptional(): boolean;
  abstract getGroupPath(): string;
  abstract getConfigPath(): string;
  abstract getName(): string | null;
  abstract getFinalPackage(defaultToPackageHeader?: boolean): string;
  abstract isInterpolation(): boolean;
  abstract isMissing(): boolean;
  abstract isOverride(): boolean;
  abstract isExternalAppend(): boolean;
  protected abstract relativeGroupPath(): string;

  isVirtual(): boolean {
    return false;
  }

  updateParent(parentBaseDir: string, parentPackage: string): void {
    this.parentBaseDir = parentBaseDir;
    this.parentPackage = parentPackage;
    if (this.package !== undefined && this.package.includes("_group_")) {
      this.package = `_global_.${this.package.replaceAll("_group_", this.getDefaultPackage())}`;
    }
  }

  getDefaultPackage(): string {
    return this.getGroupPath().replaceAll("/", ".");
  }

  /** A `# @package` header is always absolute (version_base 1.2+: `_group_`/`_name_` are literal). */
  setPackageHeader(header: string | undefined): void {
    if (header === undefined) return;
    let h = header;
    if (h !== "_global_" && !h.startsWith("_global_.")) h = h === "" ? "_global_" : `_global_.${h}`;
    this.packageHeader = h;
  }

  getPackage(defaultToPackageHeader = true): string | undefined {
    return this.package === undefined && defaultToPackageHeader ? this.packageHeader : this.package;
  }

  protected finalPackage(parentPackage: string | undefined, pkg: string | undefined): string {
    const own = pkg ?? this.relativeGroupPath().replaceAll("/", ".");
    const parent = parentPackage ?? "";
    const joined = parent === "" ? own : own === "" ? parent : `${parent}.${own}`;
    return stripGlobal(joined);
  }

  /** `group` or `group@package` (the package only when it is not the group's default). */
  getOverrideKey(): string {
    const defaultPkg = this.getDefaultPackage();
    let finalPkg = this.getFinalPackage(false);
    let key = this.getGroupPath();
    if (defaultPkg !== finalPkg) {
      if (finalPkg === "") finalPkg = "_global_";
      key = `${key}@${finalPkg}`;
    }
    return key;
  }
}

/** Splits an optionally absolute (`/a/b`) path; returns [path without slash, absolute]. */
function splitAbsolute(p: string): [string, boolean] {
  return p.startsWith("/") ? [p.slice(1), true] : [p, false];
}

export class ConfigDefault extends InputDefault {
  path: string;
  optional: boolean;

  constructor(opts: { path: string; package?: string; optional?: boolean; primary?: boolean }) {
    super(opts.package);
    this.path = opts.path;
    this.optional = opts.optional ?? false;
    this.primary = opts.primary ?? false;
    if (this.isSelf() && opts.package !== undefined) {
      throw new ConfigCompositionError("_self_@PACKAGE is not supported");
    }
  }

  isSelf(): boolean {
    return this.path === "_self_";
  }
  isOptional(): boolean {
    return this.optional;
  }
  isOverride(): boolean {
    return false;
  }
  isExternalAppend(): boolean {
    return false;
  }

  getGroupPath(): string {
    const [p, absolute] = splitAbsolute(this.path);
    const i = p.lastIndexOf("/");
    const group = i === -1 ? "" : p.slice(0, i);
    const base = this.parentBaseDir ?? "";
    if (absolute || base === "") return group;
    return group === "" ? base : `${base}/${group}`;
  }

  getName(): string {
    const i = this.path.lastIndexOf("/");
    return i === -1 ? this.path : this.path.slice(i + 1);
  }

  getConfigPath(): string {
    const [p, absolute] = splitAbsolute(this.path);
    const base = this.parentBaseDir ?? "";
    return absolute || base === "" ? p : `${base}/${p}`;
  }

  getFinalPackage(defaultToPackageHeader = true): string {
    return this.finalPackage(this.parentPackage, this.getPackage(defaultToPackageHeader));
  }

  protected relativeGroupPath(): string {
    const [p] = splitAbsolute(this.path);
    const i = p.lastIndexOf("/");
    return i === -1 ? "" : p.slice(0, i);
  }

  isInterpolation(): boolean {
    return hasInterpolation(this.getConfigPath());
  }
  isMissing(): boolean {
    return this.getName() === "???";
  }
}

export type GroupValue = string | string[] | null;

/** Where a defaults list entry was written: its file, line:column, and its key as written. */
export interface DefaultSource {
  file: string;
  line?: number;
  column?: number;
  /** `override /model`, `db@backup`: the entry's key. */
  key: string;
}

export class GroupDefault extends InputDefault {
  group: string;
  value: GroupValue;
  optional: boolean;
  override: boolean;
  configNameOverridden = false;
  externalAppend: boolean;
  /** Where this entry is written, when it was read from a file. */
  source: DefaultSource | undefined;
  /** The `override` entry of another config's defaults list that chose this default's option. */
  overriddenBy: { configPath: string; entry: GroupDefault } | undefined;

  constructor(opts: {
    group: string;
    value: GroupValue;
    package?: string;
    optional?: boolean;
    override?: boolean;
    externalAppend?: boolean;
    source?: DefaultSource;
  }) {
    super(opts.package);
    this.group = opts.group;
    this.value = opts.value;
    this.optional = opts.optional ?? false;
    this.override = opts.override ?? false;
    this.externalAppend = opts.externalAppend ?? false;
    this.source = opts.source;
  }

  isSelf(): boolean {
    return this.value === "_self_";
  }
  isOptional(): boolean {
    return this.optional;
  }
  isOverride(): boolean {
    return this.override;
  }
  isExternalAppend(): boolean {
    return this.externalAppend;
  }

  getGroupPath(): string {
    const [g, absolute] = splitAbsolute(this.group);
    const base = this.parentBaseDir ?? "";
    return base === "" || absolute ? g : `${base}/${g}`;
  }

  getConfigPath(): string {
    return `${this.getGroupPath()}/${this.getName() ?? "null"}`;
  }

  isOptions(): boolean {
    return Array.isArray(this.value);
  }

  getName(): string | null {
    return Array.isArray(this.value) ? null : this.value;
  }

  getOptions(): string[] {
    return Array.isArray(this.value) ? this.value : [];
  }

  getFinalPackage(defaultToPackageHeader = true): string {
    return this.finalPackage(this.parentPackage, this.getPackage(defaultToPackageHeader));
  }

  protected relativeGroupPath(): string {
    return splitAbsolute(this.group)[0];
  }

  isInterpolation(): boolean {
    const name = this.getName();
    return typeof name === "string" && hasInterpolation(name);
  }

  isMissing(): boolean {
    return this.getName() === "???";
  }

  /** The key an `override` entry inside a defaults list is recorded under, relative to its config. */
  getRelativeOverrideKey(): string {
    const defaultPkg = this.getDefaultPackage();
    return defaultPkg !== this.getPackage() && this.package !== undefined ? `${this.group}@${this.package}` : this.group;
  }
}

/** Stands above `hydra/config` and the primary config. */
export class VirtualRoot extends InputDefault {
  constructor() {
    super(undefined);
  }
  override isVirtual(): boolean {
    return true;
  }
  isSelf(): boolean {
    return false;
  }
  isOptional(): boolean {
    return false;
  }
  getGroupPath(): string {
    return "";
  }
  getConfigPath(): string {
    return "<root>";
  }
  getName(): string | null {
    return null;
  }
  getFinalPackage(): string {
    return "";
  }
  protected relativeGroupPath(): string {
    return "";
  }
  isInterpolation(): boolean {
    return false;
  }
  isMissing(): boolean {
    return false;
  }
  isOverride(): boolean {
    return false;
  }
  isExternalAppend(): boolean {
    return false;
  }
}

/** OmegaConf's "is this string an interpolation": it contains `${`. */
export function hasInterpolation(s: string): boolean {
  return s.includes("${");
}
