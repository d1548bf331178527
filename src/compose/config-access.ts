/**
 * The few config operations the run engine needs, in one place: walking/setting dotted keys in the
 * hydra node, resolving one value, dumping YAML. Everything from src/config goes through here.
 */
import { ConfigDict, ConfigList, isDict, toPlainUnresolved, type ConfigValue, type PlainValue } from "../config/node.js";
import { resolveTree, resolveValue, splitKey, type ResolveOptions } from "../config/interpolation/index.js";
import { toYaml } from "../config/yaml.js";
import { hydraResolver } from "./resolvers.js";

/** `${hydra:…}` reads this config's own hydra node, as in a Hydra job. */
function optionsFor(cfg: ConfigDict): ResolveOptions {
  return { extraResolvers: { hydra: hydraResolver(cfg) } };
}

export function getPath(cfg: ConfigDict, dotted: string): ConfigValue | undefined {
  let node: ConfigValue | undefined = cfg;
  for (const part of dotted.split(".")) {
    if (!isDict(node)) return undefined;
    node = node.get(part);
  }
  return node;
}

/** Sets a dotted key, creating dicts on the way (Hydra's open_dict writes into the hydra node). */
export function setPath(cfg: ConfigDict, dotted: string, value: ConfigValue): void {
  const parts = dotted.split(".");
  let node = cfg;
  for (const part of parts.slice(0, -1)) {
    let next = node.get(part);
    if (!isDict(next)) {
      next = new ConfigDict();
      node.set(part, next);
    }
    node = next;
  }
  node.set(parts[parts.length - 1], value);
}

/** The value at `dotted`, interpolations resolved against the whole config. */
export function resolvePath(cfg: ConfigDict, dotted: string): ConfigValue | undefined {
  if (getPath(cfg, dotted) === undefined) return undefined;
  return resolveValue(cfg, splitKey(dotted), optionsFor(cfg));
}

export function resolveString(cfg: ConfigDict, dotted: string): string | undefined {
  const v = resolvePath(cfg, dotted);
  if (v === undefined || v === null) return undefined;
  return String(v);
}

/** The config without its `hydra` node (what the task sees), still unresolved. */
export function withoutHydra(cfg: ConfigDict): ConfigDict {
  return new ConfigDict([...cfg.entries].filter(([k]) => k !== "hydra"), cfg.source);
}

/** `{hydra: …}` alone, as Hydra's hydra.yaml holds it. */
export function hydraOnly(cfg: ConfigDict): ConfigDict {
  const h = cfg.get("hydra");
  return new ConfigDict(h === undefined ? [] : [["hydra", h]]);
}

export function dumpYaml(v: ConfigValue): string {
  return toYaml(v);
}

export function stringList(v: ConfigValue | undefined): string[] {
  return v instanceof ConfigList ? v.items.map((x) => String(x)) : [];
}

/**
 * The job config (no `hydra` node) with every interpolation resolved, key order kept. Like Hydra's
 * task config, `${hydra:…}` works but `${hydra.x}` does not (the node is gone); `???` stays as is.
 */
export function resolveTaskConfigTree(cfg: ConfigDict, options: Pick<ResolveOptions, "keepMissingInterpolations"> = {}): ConfigDict {
  return resolveTree(withoutHydra(cfg), { ...optionsFor(cfg), ...options });
}

/** The job config as `--cfg job --resolve` prints it: OmegaConf.resolve turns values that reach `???` into `???`. */
export function resolveTaskConfigForDisplay(cfg: ConfigDict): ConfigDict {
  return resolveTaskConfigTree(cfg, { keepMissingInterpolations: true });
}


/** The resolved job config as plain data (`???` stays the string), for callbacks that record it. */
export function resolveTaskConfig(cfg: ConfigDict): { [key: string]: PlainValue } {
  return toPlainUnresolved(resolveTaskConfigTree(cfg)) as { [key: string]: PlainValue };
}
