/**
 * One run's exact input: the base config (composed with hydrant when it is a Hydra primary config,
 * i.e. has a `defaults` list), then the fixed overrides and the run's swept values set literally (the
 * whole value at the key replaced), then resolved. A key that names a config group of a composed
 * config (`optimizer: [adam, sgd]`) selects that group's option instead, as `optimizer=sgd` would.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { cloneValue, ConfigDict, ConfigList, fromPlain, type PlainValue } from "../../config/node.js";
import { selectNode, updateNode } from "../../config/path.js";
import { parseYaml } from "../../config/yaml.js";
import { composeAppConfig } from "../../plugins/app-composition.js";
import { ExperimentSpecError, HydrantError } from "../../errors.js";
import { setPath } from "../../config/path.js";
import { resolveJobTree } from "../../compose/helpers.js";
import { formatValue } from "./run-plans.js";
import { isWithin } from "./load-spec.js";
import { SpecSource } from "./source-map.js";
import type { ExperimentSpec, RunPlan, SpecWarning } from "./types.js";

type Base = { kind: "hydra"; configDir: string; configName: string; groups: Set<string> } | { kind: "plain"; tree: ConfigDict };

export class RunConfigBuilder {
  private readonly bases = new Map<string, Base>();
  private readonly composed = new Map<string, ConfigDict>();
  private readonly warned = new Set<string>();
  private readonly src: SpecSource;
  readonly warnings: SpecWarning[] = [];

  constructor(private readonly spec: ExperimentSpec) {
    this.src = new SpecSource(spec.file, spec.text, parseYaml(spec.text, spec.file));
  }

  /** The run's job config, resolved (no `hydra` node); `runDir` is its `${hydra:runtime.output_dir}`. */
  build(plan: RunPlan, runDir: string): ConfigDict {
    const settings: [string, PlainValue, string[]][] = [
      ...this.spec.fixedOverrides.map((f) => [f.key, f.value, ["fixed_overrides", f.key]] as [string, PlainValue, string[]]),
      ...Object.entries(plan.values).map(([k, v]) => [k, v, ["sweep", k]] as [string, PlainValue, string[]]),
    ];
    try {
      const base = this.base(plan.source);
      const isGroup = (key: string, v: PlainValue) => base.kind === "hydra" && base.groups.has(key) && typeof v === "string";
      this.warnShadowedFixed(base);
      const cfg = this.startingConfig(base, settings.filter(([k, v]) => isGroup(k, v)).map(([k, v]) => `${k}=${formatValue(v)}`));
      setPath(cfg, "hydra.runtime.output_dir", runDir);
      setPath(cfg, "hydra.job.num", plan.num);
      setPath(cfg, "hydra.job.id", String(plan.num));
      for (const [key, value, at] of settings) if (!isGroup(key, value)) this.setLiteral(cfg, key, value, at, plan.source);
      return resolveJobTree(cfg);
    } catch (e) {
      if (e instanceof ExperimentSpecError || !(e instanceof HydrantError)) throw e;
      const what = Object.keys(plan.values).length ? ` (${Object.entries(plan.values).map(([k, v]) => `${k}=${formatValue(v)}`).join(" ")})` : "";
      throw new ExperimentSpecError(`${this.spec.file}: run ${plan.num}${what} cannot be built from ${plan.source}: ${e.message}`, { file: e.file ?? this.spec.file, line: e.line, column: e.column, key: e.key, cause: e });
    }
  }

  /**
   * The sweep is applied after the fixed overrides, so a fixed value at or under a swept key is lost,
   * unless that key is a config group: its option is composed first and the fixed value set on it.
   */
  private warnShadowedFixed(base: Base): void {
    for (const axis of this.spec.sweep) {
      if (base.kind === "hydra" && base.groups.has(axis.key)) continue;
      for (const f of this.spec.fixedOverrides) {
        if (!isWithin(axis.key, f.key) || this.warned.has(`fixed:${f.key}`)) continue;
        this.warned.add(`fixed:${f.key}`);
        this.warnings.push(this.src.warning(["fixed_overrides", f.key], `fixed_overrides '${f.key}' is replaced in every run by sweep '${axis.key}' (the sweep is applied after the fixed overrides).`));
      }
    }
  }

  private base(file: string): Base {
    let base = this.bases.get(file);
    if (!base) this.bases.set(file, (base = loadBase(file)));
    return base;
  }

  private startingConfig(base: Base, groupOverrides: string[]): ConfigDict {
    if (base.kind === "plain") return cloneValue(base.tree);
    const cacheKey = groupOverrides.join("\n");
    let cfg = this.composed.get(cacheKey);
    if (!cfg) {
      cfg = composeAppConfig({ configDir: base.configDir, configName: base.configName, overrides: groupOverrides, runMode: "RUN" }).config;
      this.composed.set(cacheKey, cfg);
    }
    return cloneValue(cfg);
  }

  /** Replaces the whole value at `key`; stepping into a non-container is an error, a new key a warning. */
  private setLiteral(cfg: ConfigDict, key: string, value: PlainValue, at: string[], source: string): void {
    let found: boolean;
    try {
      found = selectNode(cfg, key).found;
    } catch (e) {
      throw this.src.error(at, `cannot set '${key}' in ${source}: ${(e as Error).message}.`);
    }
    if (!found && !this.warned.has(key)) {
      this.warned.add(key);
      this.warnings.push(this.src.warning(at, `'${key}' is not in ${path.basename(source)}; it is added to every run's config. Check the spelling if that is not what you meant.`));
    }
    try {
      updateNode(cfg, key, fromPlain(value), { merge: false, forceAdd: true, allowNewKeys: true });
    } catch (e) {
      throw this.src.error(at, `cannot set '${key}' in ${source}: ${(e as Error).message}.`);
    }
  }
}

/** A YAML file with a top-level `defaults` list is a Hydra primary config: it is composed, not read. */
function loadBase(file: string): Base {
  const tree = parseYaml(readFileSync(file, "utf8"), file);
  if (!(tree instanceof ConfigDict)) {
    throw new ExperimentSpecError(`${file}: a config must be a YAML mapping of keys to values.`, { file });
  }
  if (!(tree.get("defaults") instanceof ConfigList)) return { kind: "plain", tree };
  if (!file.endsWith(".yaml")) {
    throw new ExperimentSpecError(`${file} has a defaults list, so it is composed like a Hydra primary config, which must be named *.yaml.`, { file });
  }
  const configDir = path.dirname(file);
  const configName = path.basename(file, ".yaml");
  const probe = composeAppConfig({ configDir, configName, runMode: "RUN" });
  return { kind: "hydra", configDir, configName, groups: new Set(Object.keys(probe.choices).filter((g) => !g.startsWith("hydra/"))) };
}
