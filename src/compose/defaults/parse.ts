/**
 * Reads the `defaults:` list of a config into defaults elements, with Hydra 1.2+ rules
 * (config_repository.py `_create_defaults_list`).
 */
import { isFloatValue } from "../../config/float.js";
import { isDict, isList, type ConfigValue } from "../../config/node.js";
import { ConfigCompositionError } from "../../errors.js";
import { ConfigDefault, GroupDefault, type InputDefault } from "./elements.js";

/** The defaults list being read, for error messages. */
interface ListContext {
  configPath: string;
  file: string;
  raw: ConfigValue;
}

/** Where a defaults item (or the list itself) is in its file, when the YAML reader recorded it. */
function positionOf(ctx: ListContext, index?: number): { line?: number; column?: number } {
  const src = isList(ctx.raw) || isDict(ctx.raw) ? ctx.raw.source : undefined;
  const pos = index === undefined ? undefined : src?.positions?.get(String(index));
  if (pos) return { line: pos.line, column: pos.column };
  return src?.line === undefined ? {} : { line: src.line, column: src.column };
}

function fail(ctx: ListContext, message: string, index?: number): never {
  const key = index === undefined ? "defaults" : `defaults[${index}]`;
  throw new ConfigCompositionError(message, { file: ctx.file, key, ...positionOf(ctx, index) });
}

/** `group@pkg` → [group, pkg]; a `:new` rename suffix on the package (Hydra 1.0) is dropped. */
export function splitGroupAndPackage(text: string): [string, string | undefined] {
  const at = text.indexOf("@");
  if (at === -1) return [text, undefined];
  const pkg = text.slice(at + 1);
  const colon = pkg.indexOf(":");
  return [text.slice(0, at), colon === -1 ? pkg : pkg.slice(0, colon)];
}

/** `optional override group` → keywords and the group. */
function splitKeywords(key: string): { group: string; optional: boolean; override: boolean } {
  const words = key.split(" ");
  const group = words[words.length - 1]!;
  const kw = { group, optional: false, override: false };
  for (const w of words.slice(0, -1)) {
    if (w === "optional") kw.optional = true;
    else if (w === "override") kw.override = true;
    else break;
  }
  return kw;
}

function pythonTypeName(v: ConfigValue): string {
  if (isDict(v)) return "dict";
  if (isList(v)) return "list";
  if (v === null) return "NoneType";
  if (isFloatValue(v)) return "float";
  if (typeof v === "number") return "int";
  if (typeof v === "boolean") return "bool";
  return "str";
}

function parseGroupItem(ctx: ListContext, index: number, key: string, value: ConfigValue): GroupDefault {
  const [groupWithKeywords, pkg] = splitGroupAndPackage(key);
  const kw = splitKeywords(groupWithKeywords);
  let v: string | string[] | null;
  if (value === null || typeof value === "string") v = value;
  else if (isList(value)) {
    v = value.items.map((item) => {
      if (typeof item !== "string") {
        fail(ctx, `Unsupported item value in defaults : ${pythonTypeName(item)}, nested list items must be strings`, index);
      }
      return item;
    });
  } else {
    fail(ctx, `Unsupported item value in defaults : ${pythonTypeName(value)}. Supported: string or list`, index);
  }
  if (kw.group === "") fail(ctx, `In ${ctx.configPath}: Missing group name in defaults item`, index);
  const source = { file: ctx.file, key, ...positionOf(ctx, index) };
  return new GroupDefault({ group: kw.group, value: v, package: pkg, optional: kw.optional, override: kw.override, source });
}

export function parseDefaultsList(configPath: string, raw: ConfigValue, file: string): InputDefault[] {
  const ctx: ListContext = { configPath, file, raw };
  if (!isList(raw)) {
    const got = isDict(raw) ? "mapping" : pythonTypeName(raw);
    fail(ctx, `Invalid defaults list in '${configPath}', defaults must be a list (got ${got})`);
  }
  return raw.items.map((item, index): InputDefault => {
    if (isDict(item)) {
      const keys = [...item.keys()];
      if (keys.length > 1) fail(ctx, `In ${configPath}: Too many keys in default item {${keys.join(", ")}}`, index);
      if (keys.length === 0) fail(ctx, `In ${configPath}: Missing group name in {}`, index);
      return parseGroupItem(ctx, index, keys[0]!, item.get(keys[0]!)!);
    }
    if (typeof item === "string") {
      const [path, pkg] = splitGroupAndPackage(item);
      return new ConfigDefault({ path, package: pkg });
    }
    fail(ctx, `Unsupported type in defaults : ${pythonTypeName(item)}`, index);
  });
}
