/**
 * Applies the non-group command-line overrides to the composed config, in struct mode (Hydra's
 * `ConfigLoaderImpl._apply_overrides_to_config`): `key=v` must hit an existing key, `+key=v` must not,
 * `++key=v` does either, `~key[=v]` deletes.
 */
import { ConfigDict, ConfigFloat, ConfigList, isContainer, type ConfigValue } from "../config/node.js";
import { findInvalidInterpolation } from "../config/interpolation/index.js";
import { deleteNode, selectNode, updateNode } from "../config/path.js";
import { ConfigCompositionError, ConfigKeyError, HydrantError, OverrideApplyError } from "../errors.js";
import { elementToConfig, isListEditOverride } from "../overrides/index.js";
import { applyListEdit } from "./list-edits.js";
import type { Override, ParsedElement } from "../overrides/types.js";
import type { TypedMounts } from "../typed/index.js";

/** `typed`: the schema-typed subtrees, checked again after each override that reaches into one. */
export function applyConfigOverrides(overrides: readonly Override[], cfg: ConfigDict, typed?: TypedMounts): void {
  for (const o of overrides) {
    applyOne(o, cfg, typed);
    if (typed && typed.size > 0 && o.pkg === undefined && o.type !== "delete") checkTypedOverride(o, cfg, typed);
  }
}

/** OmegaConf converts or refuses a value as it is set into a typed node; `+key=` may add a key (Hydra opens the parent). */
function checkTypedOverride(o: Override, cfg: ConfigDict, typed: TypedMounts): void {
  if (o.type === "add" || o.type === "force_add") typed.allowAdded(o.keyOrGroup);
  try {
    typed.check(cfg, o.keyOrGroup);
  } catch (e) {
    if (!(e instanceof HydrantError)) throw e;
    throw new OverrideApplyError(`Error merging override ${o.inputLine}\n${e.message}`, { override: o.inputLine, key: e.key, cause: e });
  }
}

function overrideValue(o: Override): ConfigValue | undefined {
  return o.value === undefined ? undefined : elementToConfig(o.value as ParsedElement);
}

function selected(cfg: ConfigDict, key: string): ConfigValue | undefined {
  const r = selectNode(cfg, key);
  return r.found ? r.value : undefined;
}

function applyOne(o: Override, cfg: ConfigDict, typed: TypedMounts | undefined): void {
  const details = { override: o.inputLine, key: o.keyOrGroup };
  if (o.pkg !== undefined) {
    throw new OverrideApplyError(
      `Override ${o.inputLine} looks like a config group override, but config group '${o.keyOrGroup}' does not exist.`,
      details,
    );
  }
  const key = o.keyOrGroup;
  if (isListEditOverride(o)) return applyListEdit(o, cfg);
  const value = overrideValue(o);
  try {
    // OmegaConf checks a string's interpolation syntax as it makes the node (a delete makes none).
    const invalid = value === undefined || o.type === "delete" ? undefined : findInvalidInterpolation(value);
    if (invalid) throw invalid.error;
    if (o.type === "delete") deleteOverride(o, cfg, value);
    else if (o.type === "add") addOverride(o, cfg, value ?? null);
    else if (o.type === "force_add") updateNode(cfg, key, value ?? null, { merge: true, forceAdd: true, allowNewKeys: false });
    else {
      try {
        updateNode(cfg, key, value ?? null, { merge: true, forceAdd: false, allowNewKeys: false });
      } catch (e) {
        if (!(e instanceof ConfigKeyError)) throw e;
        const close = typed && typed.size > 0 ? typed.suggestion(key) : undefined;
        const hint = close === undefined ? "" : ` Did you mean '${close}'?`;
        throw new OverrideApplyError(`Could not override '${key}'.${hint}\nTo append to your config use +${o.inputLine}`, {
          ...details,
          cause: e,
        });
      }
    }
  } catch (e) {
    if (e instanceof OverrideApplyError || e instanceof ConfigCompositionError) throw e;
    if (e instanceof HydrantError) {
      throw new OverrideApplyError(`Error merging override ${o.inputLine}\n${e.message}`, { ...details, cause: e });
    }
    throw e;
  }
}

function deleteOverride(o: Override, cfg: ConfigDict, value: ConfigValue | undefined): void {
  const key = o.keyOrGroup;
  const current = selected(cfg, key);
  if (current === undefined || current === null) {
    throw new OverrideApplyError(`Could not delete from config. '${key}' does not exist.`, { override: o.inputLine, key });
  }
  if (value !== undefined && !sameValue(value, current)) {
    throw new OverrideApplyError(
      `Could not delete from config. The value of '${key}' is ${pyStr(current)} and not ${pyStr(value)}.`,
      { override: o.inputLine, key },
    );
  }
  deleteNode(cfg, key);
}

function addOverride(o: Override, cfg: ConfigDict, value: ConfigValue): void {
  const key = o.keyOrGroup;
  const current = selected(cfg, key);
  if (current === undefined || current === null || isContainer(value)) {
    updateNode(cfg, key, value, { merge: true, forceAdd: true, allowNewKeys: false });
    return;
  }
  throw new OverrideApplyError(
    `Could not append to config. An item is already at '${key}'.\n` +
      `Either remove + prefix: '${o.inputLine.slice(1)}'\n` +
      `Or add a second + to add or override '${key}': '+${o.inputLine}'\n`,
    { override: o.inputLine, key },
  );
}

/** Python `==` between a config value and an override value (1 == 1.0 == True). */
function sameValue(a: ConfigValue, b: ConfigValue): boolean {
  if (a instanceof ConfigDict || b instanceof ConfigDict) {
    if (!(a instanceof ConfigDict && b instanceof ConfigDict) || a.size !== b.size) return false;
    for (const [k, v] of a.entries) if (!b.has(k) || !sameValue(v, b.get(k)!)) return false;
    return true;
  }
  if (a instanceof ConfigList || b instanceof ConfigList) {
    if (!(a instanceof ConfigList && b instanceof ConfigList) || a.length !== b.length) return false;
    return a.items.every((x, i) => sameValue(x, b.items[i]!));
  }
  const numeric = (v: ConfigValue): boolean => typeof v === "number" || typeof v === "boolean" || v instanceof ConfigFloat;
  if (numeric(a) && numeric(b)) return Number(a) === Number(b);
  return a === b;
}

/** Roughly Python's str() of a value, for messages. */
function pyStr(v: ConfigValue): string {
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v instanceof ConfigList) return `[${v.items.map(pyRepr).join(", ")}]`;
  if (v instanceof ConfigDict) return `{${[...v.entries].map(([k, x]) => `'${k}': ${pyRepr(x)}`).join(", ")}}`;
  return String(v);
}

function pyRepr(v: ConfigValue): string {
  return typeof v === "string" ? `'${v}'` : pyStr(v);
}
