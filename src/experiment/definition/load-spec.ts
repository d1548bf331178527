/**
 * Reading and checking a spec file: the shape with ajv, then what a schema cannot say (one form or
 * the other, overlapping keys, files that exist, `on`/`off` meant as strings). Everything is checked
 * before anything runs; errors are ExperimentSpecError at the field's line:column.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ConfigDict, toPlainUnresolved, type PlainValue } from "../../config/node.js";
import { parseKeyPath } from "../../config/path.js";
import { parseYaml } from "../../config/yaml.js";
import { ConfigParseError, ExperimentSpecError } from "../../errors.js";
import { resolveMode } from "./modes.js";
import { schemaErrors } from "./schema.js";
import { isYaml11BooleanWord, SpecSource } from "./source-map.js";
import type { ExperimentSpec, FixedOverride, SpecWarning, SweepAxis } from "./types.js";

interface RawSpec {
  name: string;
  description?: string;
  base_config?: string;
  configs?: string[];
  sweep?: Record<string, PlainValue[]>;
  zip?: Record<string, PlainValue[]> | Record<string, PlainValue[]>[];
  fixed_overrides?: Record<string, PlainValue>;
  command?: string[];
  mode?: string | { name: string; args?: string[] };
  runs_dir?: string;
}

/** Reads and validates an experiment spec file; throws an ExperimentSpecError naming the file, line and key. */
export function loadSpec(file: string): ExperimentSpec {
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new ExperimentSpecError(`Experiment spec '${file}' not found (looked for ${abs}).`, { file: abs });
  return validateSpec(readFileSync(abs, "utf8"), abs);
}

/** Parses and checks a spec's text; `file` names it in messages and anchors its relative paths. */
export function validateSpec(text: string, file: string): ExperimentSpec {
  const src = new SpecSource(file, text, parseSpecYaml(text, file));
  if (!(src.root instanceof ConfigDict)) {
    throw new ExperimentSpecError(`${file}: an experiment spec is a YAML mapping with at least 'name' and 'base_config' or 'configs'.`, { file });
  }
  const raw = toPlainUnresolved(src.root) as unknown as RawSpec;
  throwFirst(schemaErrors(raw, src));
  const warnings: SpecWarning[] = [];
  checkForm(raw, src);
  const sweep = sweepAxes(raw, src, warnings);
  const fixedOverrides = fixedValues(raw, src, warnings);
  const specDir = path.dirname(file);
  const mode = modeOf(raw);
  return {
    name: raw.name,
    ...(raw.description === undefined ? {} : { description: raw.description }),
    file,
    text,
    ...(raw.base_config === undefined ? {} : { baseConfig: existingFile(raw.base_config, specDir, ["base_config"], src) }),
    ...(raw.configs === undefined ? {} : { configs: raw.configs.map((c, i) => existingFile(c, specDir, ["configs", String(i)], src)) }),
    sweep,
    fixedOverrides,
    command: commandOf(raw, mode, src),
    ...(mode ? { mode } : {}),
    ...(raw.runs_dir === undefined ? {} : { runsDir: path.resolve(raw.runs_dir) }),
    warnings,
  };
}

function parseSpecYaml(text: string, file: string) {
  try {
    return parseYaml(text, file);
  } catch (e) {
    if (!(e instanceof ConfigParseError)) throw e;
    throw new ExperimentSpecError(`${e.location ?? file}: the spec is not valid YAML: ${e.message}`, { file, line: e.line, column: e.column, cause: e });
  }
}

function throwFirst(errors: ExperimentSpecError[]): void {
  if (errors.length === 0) return;
  const [first, ...rest] = errors;
  if (rest.length === 0) throw first;
  const more = rest.map((e) => `\n  also: ${e.message}`).join("");
  throw new ExperimentSpecError(`${first.message}${more}`, { file: first.file, line: first.line, column: first.column, key: first.key });
}

function checkForm(raw: RawSpec, src: SpecSource): void {
  const hasBase = raw.base_config !== undefined;
  const hasList = raw.configs !== undefined;
  if (hasBase && hasList) {
    throw src.error(["configs"], "give either 'base_config' (one config, optionally swept) or 'configs' (a list of configs, one run each), not both.");
  }
  if (!hasBase && !hasList) {
    throw src.error([], "the spec needs 'base_config' (a config file, with an optional 'sweep') or 'configs' (a list of config files, one run each).");
  }
  for (const field of ["sweep", "zip"] as const) {
    if (hasList && raw[field] !== undefined) {
      throw src.error([field], `'${field}' needs a 'base_config' to sweep over; with 'configs' each listed config is one run. Use base_config, or list one config per run.`);
    }
  }
  if (raw.command !== undefined && typeof raw.mode === "object" && raw.mode.args?.length) {
    throw src.error(["mode", "args"], "'mode.args' are appended to the command a modes.yaml defines; with a 'command' in the spec, put the arguments in the command.");
  }
  if (raw.command === undefined && raw.mode === undefined) {
    throw src.error([], "the spec needs a 'command' (program and arguments, e.g. [node, train.mjs]) or a 'mode' (training, simulation…; its program comes from modes.yaml or the command line: hydrant experiment run SPEC -- PROGRAM ARGS…).");
  }
}

/**
 * The spec's command; with only a `mode`, the one modes.yaml defines for it, else none yet: the command
 * line gives it (`-- PROGRAM ARGS…`), since the guide's specs name a mode and no program.
 */
function commandOf(raw: RawSpec, mode: { name: string; args: string[] } | undefined, src: SpecSource): string[] {
  if (raw.command !== undefined) return raw.command;
  const at = typeof raw.mode === "string" ? ["mode"] : ["mode", "name"];
  return resolveMode(src, at, mode!.name, mode!.args) ?? mode!.args;
}

function modeOf(raw: RawSpec): { name: string; args: string[] } | undefined {
  if (raw.mode === undefined) return undefined;
  return typeof raw.mode === "string" ? { name: raw.mode, args: [] } : { name: raw.mode.name, args: raw.mode.args ?? [] };
}

/** A sweep axis and where the spec gives it (`["sweep", key]`, `["zip", key]`, `["zip", "1", key]`). */
type PlacedAxis = SweepAxis & { at: string[] };

/** The grid's keys (`sweep:`), then the zipped ones (`zip:`, one group, or a list of groups). */
function sweepAxes(raw: RawSpec, src: SpecSource, warnings: SpecWarning[]): SweepAxis[] {
  const axes: PlacedAxis[] = Object.entries(raw.sweep ?? {}).map(([key, values]) => ({ key, values, at: ["sweep", key] }));
  axes.push(...zipAxes(raw.zip));
  for (const axis of axes) {
    checkKey(axis.key, axis.at, src);
    checkBooleanWords(axis, src, warnings);
  }
  checkDuplicateKeys(axes, src);
  checkZipLengths(axes, src);
  checkKeyOverlaps(axes, src);
  return axes.map(({ at: _at, ...axis }) => axis);
}

function fixedValues(raw: RawSpec, src: SpecSource, warnings: SpecWarning[]): FixedOverride[] {
  return Object.entries(raw.fixed_overrides ?? {}).map(([key, value]) => {
    checkKey(key, ["fixed_overrides", key], src);
    if (typeof value === "boolean" && isYaml11BooleanWord(src.rawToken(["fixed_overrides", key]))) {
      const token = src.rawToken(["fixed_overrides", key]);
      warnings.push(src.warning(["fixed_overrides", key], `'${token}' is read as the boolean ${value} (YAML 1.1). Write ${value} if you mean a boolean, or quote it ('${token}') for the string.`));
    }
    return { key, value };
  });
}

/** A dotted key with an empty part (`a..b`, `a.`) cannot name a config node. */
function checkKey(key: string, at: string[], src: SpecSource): void {
  if (key.trim() === "" || parseKeyPath(key).some((p) => p === "")) {
    throw src.error(at, `'${key}' is not a valid config key: use dotted names like optimizer.lr.`);
  }
}

/**
 * `[adam, on, off]`: YAML 1.1 reads on/off/yes/no as booleans; among strings they were surely meant as
 * strings (an error), alone they might be booleans (a warning).
 */
function checkBooleanWords({ key, values, at: where }: PlacedAxis, src: SpecSource, warnings: SpecWarning[]): void {
  const words = values.flatMap((v, i) => {
    const token = typeof v === "boolean" ? src.rawToken([...where, String(i)]) : undefined;
    return isYaml11BooleanWord(token) ? [{ i, token: token as string }] : [];
  });
  if (words.length === 0) return;
  const quoted = words.map((w) => `'${w.token}'`).join(", ");
  const at = [...where, String(words[0].i)];
  if (values.some((v) => typeof v === "string")) {
    throw src.error(at, `sweep '${key}' mixes strings with ${words.map((w) => w.token).join(", ")}, which YAML 1.1 reads as booleans. Quote them to sweep over strings: ${quoted}.`);
  }
  warnings.push(src.warning(at, `sweep '${key}': ${words.map((w) => w.token).join(", ")} are read as booleans (YAML 1.1). Write true/false for booleans, or quote them (${quoted}) for strings.`));
}

/** `a` and `a.b` both swept would overwrite each other. (A fixed value under a swept key: see RunConfigBuilder.) */
function checkKeyOverlaps(sweep: PlacedAxis[], src: SpecSource): void {
  for (const a of sweep) {
    for (const b of sweep) {
      if (a !== b && isWithin(a.key, b.key)) throw src.error(b.at, `sweep keys '${a.key}' and '${b.key}' overlap: '${a.key}' replaces the whole node that holds '${b.key}'. Sweep one of them.`);
    }
  }
}

/** `zip:` as one group (a mapping) or several (a list of mappings); each group's keys move in lockstep. */
function zipAxes(zip: RawSpec["zip"]): PlacedAxis[] {
  if (zip === undefined) return [];
  const groups = Array.isArray(zip) ? zip : [zip];
  return groups.flatMap((group, g) =>
    Object.entries(group).map(([key, values]) => ({ key, values, zip: String(g), at: Array.isArray(zip) ? ["zip", String(g), key] : ["zip", key] })),
  );
}

/** A key both swept and zipped (or in two zip groups) would have two values at once. */
function checkDuplicateKeys(axes: PlacedAxis[], src: SpecSource): void {
  const seen = new Map<string, PlacedAxis>();
  for (const axis of axes) {
    const first = seen.get(axis.key);
    if (first) throw src.error(axis.at, `'${axis.key}' is both in ${first.at.slice(0, -1).join(".")} and in ${axis.at.slice(0, -1).join(".")}: give each key one list of values.`);
    seen.set(axis.key, axis);
  }
}

/** The keys of one zip group need as many values each; the error names both keys. */
function checkZipLengths(axes: PlacedAxis[], src: SpecSource): void {
  const firstOf = new Map<string, PlacedAxis>();
  for (const axis of axes) {
    if (axis.zip === undefined) continue;
    const first = firstOf.get(axis.zip);
    if (!first) firstOf.set(axis.zip, axis);
    else if (first.values.length !== axis.values.length) {
      throw src.error(axis.at, `zipped keys move in lockstep, so they need as many values each: '${first.key}' has ${first.values.length}, '${axis.key}' has ${axis.values.length}.`);
    }
  }
}

/** `inner` is `outer` itself or a key under it. */
export function isWithin(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
}

/**
 * A config path as the experiment guide writes it (`configs/mlp/mlp_mnist.yaml`, with the command run
 * from the project root): against the working directory first, then against the spec's folder.
 */
function existingFile(rel: string, specDir: string, at: string[], src: SpecSource): string {
  const candidates = [...new Set([path.resolve(rel), path.resolve(specDir, rel)])];
  const found = candidates.find((c) => existsSync(c));
  if (found === undefined) {
    throw src.error(at, `config file '${rel}' not found; looked for ${candidates.join(" and ")} (paths are relative to the directory you run hydrant in, then to the spec file's folder).`);
  }
  return found;
}
