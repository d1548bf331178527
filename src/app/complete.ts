/**
 * Shell completion of a Hydra command line: config groups and their options, config keys (dotted),
 * and flags. The candidates depend on what is already on the line (earlier overrides change the
 * composed config), exactly as Hydra's completion plugins do.
 */
import { isDict, isList, type ConfigValue } from "../config/node.js";
import { appConfigGroups, composeAppConfig, configLocation } from "../runs/compose-access.js";
import type { AppArgs } from "./types.js";

const FLAGS = ["--config-path", "--config-name", "--config-dir", "--cfg", "--resolve", "--package", "--info", "--multirun", "--run", "--help", "--hydra-help", "--version", "--shell-completion", "--resume", "--limit", "--max-failures", "--fail-fast", "--retries", "--retry-failed", "--best"];

/** Candidates for `word`, the (possibly empty) word being typed, given the rest of the line in `args`. */
export function completeWord(args: AppArgs, word: string, cwd = process.cwd()): string[] {
  if (word.startsWith("-")) return FLAGS.filter((f) => f.startsWith(word));
  const prefix = /^(\+\+|\+|~)?/.exec(word)?.[0] ?? "";
  const body = word.slice(prefix.length);
  const loc = configLocation(args, cwd);
  const groups = appConfigGroups({ configDir: loc.configDir, searchPath: loc.searchPath, cwd });
  const eq = body.indexOf("=");
  if (eq !== -1) {
    const key = body.slice(0, eq).split("@")[0];
    const typed = body.slice(eq + 1);
    const group = groups.find((g) => g.group === key);
    if (!group) return [];
    const last = typed.lastIndexOf(",") + 1; // complete the current item of a sweep `a,b,`
    return group.options.filter((o) => o.startsWith(typed.slice(last))).map((o) => `${prefix}${key}=${typed.slice(0, last)}${o}`);
  }
  const groupCandidates = groups.filter((g) => g.options.length > 0 && g.group.startsWith(body)).map((g) => `${prefix}${g.group}=`);
  return [...groupCandidates, ...configKeyCandidates(args, body, cwd).map((k) => prefix + k)];
}

function configKeyCandidates(args: AppArgs, body: string, cwd: string): string[] {
  let config: ConfigValue;
  try {
    const loc = configLocation(args, cwd);
    config = composeAppConfig({ configDir: loc.configDir, searchPath: loc.searchPath, configName: loc.configName ?? null, overrides: args.overrides, cwd, schema: loc.schema }).config;
  } catch {
    return []; // an unfinished line often does not compose; offer what the groups give
  }
  const dot = body.lastIndexOf(".");
  const parentKey = dot === -1 ? "" : body.slice(0, dot);
  let node: ConfigValue | undefined = config;
  for (const part of parentKey ? parentKey.split(".") : []) node = isDict(node) ? node.get(part) : undefined;
  if (!isDict(node)) return [];
  const out: string[] = [];
  for (const [k, v] of node.entries) {
    if (parentKey === "" && k === "hydra") continue;
    const full = parentKey ? `${parentKey}.${k}` : k;
    if (!full.startsWith(body)) continue;
    out.push(isDict(v) && v.size > 0 ? `${full}.` : isList(v) ? `${full}=` : `${full}=`);
  }
  return out;
}
