/**
 * What the command line and `override` entries do to the defaults list (Hydra's `Overrides` in
 * defaults_list.py): choices to replace, groups to append, deletions, and the bookkeeping that
 * turns unused overrides into Hydra's errors.
 */
import { isFloatValue, type ConfigFloat } from "../../config/float.js";
import { ConfigCompositionError } from "../../errors.js";
import { QuotedString, type Override, type ParsedElement } from "../../overrides/types.js";
import { isListEditOverride, isSweep } from "../../overrides/sweep.js";
import { GroupDefault, type GroupValue, type InputDefault } from "./elements.js";

interface OverrideMetadata {
  externalOverride: boolean;
  containingConfigPath?: string;
  /** The `override` entry itself, for an error about the option it chose. */
  entry?: GroupDefault;
  used: boolean;
  relativeKey?: string;
}

interface Deletion {
  name: string | null;
  used: boolean;
}

/** `key`, `key@pkg` (no prefix): how Hydra names an override's target. */
export function overrideKey(o: Override): string {
  return o.pkg === undefined ? o.keyOrGroup : `${o.keyOrGroup}@${o.pkg}`;
}

export function isSweepOverride(o: Override): boolean {
  return isSweep(o);
}

export function isHydraOverride(o: Override): boolean {
  const k = o.keyOrGroup;
  return k === "hydra" || k.startsWith("hydra.") || k.startsWith("hydra/");
}

/** Python's view of an override value, enough to classify group overrides. */
type PlainChoice = string | number | ConfigFloat | boolean | null | PlainChoice[] | { dict: true };

function plainChoice(v: ParsedElement): PlainChoice {
  if (v instanceof QuotedString) return v.text;
  if (Array.isArray(v)) return v.map(plainChoice);
  if (v instanceof Map) return { dict: true };
  return v;
}

function pythonTypeName(v: PlainChoice): string {
  if (v === null) return "NoneType";
  if (isFloatValue(v)) return "float";
  if (typeof v === "number") return "int";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "str";
  return Array.isArray(v) ? "list" : "dict";
}

function choiceOf(o: Override): PlainChoice {
  return o.value === undefined ? null : plainChoice(o.value as ParsedElement);
}

/**
 * What an override is to the defaults list: a group choice (or deletion) it applies, a value for the
 * composed config (which the defaults list never reads), or a sweep it skips. Only a group's
 * existence and the value's shape (a dict is always a config value) decide.
 */
export function overrideKind(o: Override, groupExists: (group: string) => boolean): "group" | "config" | "sweep" {
  if (isSweepOverride(o)) return "sweep";
  if (isListEditOverride(o)) {
    if (groupExists(o.keyOrGroup)) {
      throw new ConfigCompositionError(`'${o.inputLine}': '${o.keyOrGroup}' is a config group; list functions edit a list value, not a group's choice.`, { override: o.inputLine, key: o.keyOrGroup });
    }
    return "config";
  }
  const value = choiceOf(o);
  const isDictValue = value !== null && typeof value === "object" && !Array.isArray(value) && !isFloatValue(value);
  return isDictValue || !groupExists(o.keyOrGroup) ? "config" : "group";
}

export class DefaultsOverrides {
  readonly overrideChoices = new Map<string, GroupValue>();
  readonly overrideMetadata = new Map<string, OverrideMetadata>();
  readonly appendGroupDefaults: GroupDefault[] = [];
  readonly configOverrides: Override[] = [];
  /** Every group choice seen while building the tree, in visiting order (→ hydra.runtime.choices). */
  readonly knownChoices = new Map<string, string | null>();
  readonly knownChoicesPerGroup = new Map<string, Set<string>>();
  readonly deletions = new Map<string, Deletion>();

  constructor(overrides: readonly Override[], groupExists: (group: string) => boolean) {
    for (const o of overrides) {
      const kind = overrideKind(o, groupExists);
      if (kind === "config") this.configOverrides.push(o);
      else if (kind === "group") this.addGroupOverride(o, choiceOf(o));
    }
  }

  private addGroupOverride(o: Override, value: PlainChoice): void {
    const key = overrideKey(o);
    if (o.type === "force_add") {
      throw new ConfigCompositionError(`force-add of config groups is not supported: '${o.inputLine}'`, {
        override: o.inputLine,
      });
    }
    if (o.type === "delete") {
      if (value !== null && typeof value !== "string") {
        throw new ConfigCompositionError(`Config group override deletion value must be a string : ${o.inputLine}`, {
          override: o.inputLine,
        });
      }
      this.deletions.set(key, { name: value, used: false });
      return;
    }
    const choice = asGroupValue(value);
    if (choice === undefined) {
      throw new ConfigCompositionError(
        `Config group override must be a string or a list. Got ${pythonTypeName(value)}`,
        { override: o.inputLine },
      );
    }
    if (o.type === "add") {
      this.appendGroupDefaults.push(
        new GroupDefault({ group: o.keyOrGroup, package: o.pkg, value: choice, externalAppend: true }),
      );
    } else {
      this.overrideChoices.set(key, choice);
      this.overrideMetadata.set(key, { externalOverride: true, used: false });
    }
  }

  /** Records an `override group: x` entry of a defaults list (the command line wins over it). */
  addOverride(parentConfigPath: string, d: GroupDefault): void {
    const key = d.getOverrideKey();
    if (this.overrideChoices.has(key)) return;
    this.overrideChoices.set(key, d.value);
    this.overrideMetadata.set(key, {
      externalOverride: false,
      containingConfigPath: parentConfigPath,
      entry: d,
      relativeKey: d.getRelativeOverrideKey(),
      used: false,
    });
  }

  isOverridden(d: InputDefault): boolean {
    return d instanceof GroupDefault && this.overrideChoices.has(d.getOverrideKey());
  }

  overrideDefaultOption(d: GroupDefault): void {
    const key = d.getOverrideKey();
    if (!this.overrideChoices.has(key)) return;
    d.value = this.overrideChoices.get(key)!;
    d.configNameOverridden = true;
    const meta = this.overrideMetadata.get(key)!;
    meta.used = true;
    if (meta.entry && meta.containingConfigPath !== undefined) d.overriddenBy = { configPath: meta.containingConfigPath, entry: meta.entry };
  }

  ensureOverridesUsed(): void {
    for (const [key, meta] of this.overrideMetadata) {
      if (meta.used) continue;
      const group = key.split("@")[0]!;
      const choices = [...(this.knownChoicesPerGroup.get(group) ?? [])].sort();
      let msg: string;
      if (choices.length > 1) msg = `Could not override '${key}'.\nDid you mean to override one of ${choices.join(", ")}?`;
      else if (choices.length === 1) msg = `Could not override '${key}'.\nDid you mean to override ${choices[0]}?`;
      else msg = `Could not override '${key}'. No match in the defaults list.`;
      if (meta.containingConfigPath !== undefined) msg = `In '${meta.containingConfigPath}': ${msg}`;
      if (meta.externalOverride) msg += `\nTo append to your default list use +${key}=${formatChoice(this.overrideChoices.get(key)!)}`;
      throw new ConfigCompositionError(msg, meta.externalOverride ? { override: key } : {});
    }
  }

  ensureDeletionsUsed(): void {
    for (const [key, deletion] of this.deletions) {
      if (deletion.used) continue;
      const desc = deletion.name !== null ? `${key}=${deletion.name}` : key;
      throw new ConfigCompositionError(`Could not delete '${desc}'. No match in the defaults list`, { override: `~${desc}` });
    }
  }

  setKnownChoice(d: InputDefault): void {
    if (!(d instanceof GroupDefault)) return;
    const key = d.getOverrideKey();
    if (!this.knownChoices.has(key)) {
      this.knownChoices.set(key, d.getName());
    } else {
      const prev = this.knownChoices.get(key)!;
      if (d.getName() !== prev) {
        throw new ConfigCompositionError(
          `Multiple values for ${key}. To override a value use 'override ${key}: ${prev}'`,
        );
      }
    }
    const group = d.getGroupPath();
    let set = this.knownChoicesPerGroup.get(group);
    if (!set) this.knownChoicesPerGroup.set(group, (set = new Set()));
    set.add(key);
  }

  isDeleted(d: InputDefault): boolean {
    if (!(d instanceof GroupDefault)) return false;
    const deletion = this.deletions.get(d.getOverrideKey());
    if (!deletion) return false;
    return deletion.name === null || deletion.name === d.getName();
  }

  delete(d: InputDefault): void {
    d.deleted = true;
    const deletion = this.deletions.get(d.getOverrideKey());
    if (deletion) deletion.used = true;
  }
}

function asGroupValue(v: PlainChoice): GroupValue | undefined {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === "string" ? x : String(x)));
  return undefined;
}

/** Python's str() of a choice: `file1` or `['a', 'b']`. */
export function formatChoice(v: GroupValue): string {
  if (v === null) return "None";
  if (Array.isArray(v)) return `[${v.map((x) => `'${x}'`).join(", ")}]`;
  return v;
}
