/**
 * Expanding configs with DynamicValues into concrete configs, each carrying a `__config_id__`.
 */
import { DynamicValueError } from "../errors.js";
import { CONFIG_ID_KEY, computeConfigId } from "./config-id.js";
import { DynamicValue, isDynamicValue } from "./dynamic-value.js";
import { buildSpace, isPlainObject, unionSpace, type Space } from "./space.js";

/** A config before expansion: an object (maybe with DynamicValues inside) or a DynamicValue of objects. */
export type ConfigInput = Readonly<Record<string, unknown>> | DynamicValue<Readonly<Record<string, unknown>>>;

/** The type of a value once every DynamicValue in it is replaced by one of its items. */
export type Expanded<T> =
  T extends DynamicValue<infer U>
    ? Expanded<U>
    : T extends (...args: never[]) => unknown
      ? T
      : T extends Date | RegExp | Map<unknown, unknown> | Set<unknown>
        ? T
        : T extends readonly unknown[]
          ? { -readonly [K in keyof T]: Expanded<T[K]> }
          : T extends object
            ? { -readonly [K in keyof T]: Expanded<T[K]> }
            : T;

/** The concrete config type a `configs` argument expands to (the union over a list). */
export type ExpandedConfigOf<In> = In extends readonly (infer E)[] ? Expanded<E> : Expanded<In>;

/** A concrete config: the expanded content plus its id. */
export type ExpandedConfig<T = Record<string, unknown>> = T & { [CONFIG_ID_KEY]: string };

/** How many configs `configs` expands to, without building any of them. */
export function countConfigs(configs: ConfigInput | readonly ConfigInput[]): number {
  return configsSpace(configs).size;
}

/**
 * Lazily yields the expanded configs, in order: each config of a list in turn; within one, the
 * cartesian product of its DynamicValues with the first key (in key order) varying slowest.
 */
export function* iterateConfigs<In extends ConfigInput | readonly ConfigInput[]>(
  configs: In,
): Generator<ExpandedConfig<ExpandedConfigOf<In>>, void, undefined> {
  const space = configsSpace(configs);
  for (let i = 0; i < space.size; i++) yield space.at(i) as ExpandedConfig<ExpandedConfigOf<In>>;
}

/** All expanded configs as an array; 1 static config + a 2×3 grid gives 7. */
export function expandConfigs<In extends ConfigInput | readonly ConfigInput[]>(
  configs: In,
): ExpandedConfig<ExpandedConfigOf<In>>[] {
  return Array.from(iterateConfigs(configs));
}

function configsSpace(configs: ConfigInput | readonly ConfigInput[]): Space {
  const list: readonly unknown[] = Array.isArray(configs) ? configs : [configs];
  return unionSpace(
    list.map((c, i) => sourceSpace(c, `config #${i}`)),
    "",
  );
}

/** One source config: validated, expanded, and each result given its id. */
function sourceSpace(source: unknown, where: string): Space {
  if (isDynamicValue(source)) {
    return unionSpace(
      source.items.map((item, i) => sourceSpace(item, `${where} (DynamicValue item ${i})`)),
      where,
    );
  }
  if (!isPlainObject(source)) {
    throw new DynamicValueError(
      `${where} is ${formatKind(source)}; a config must be a plain object such as { model: "gpt-4" }`,
    );
  }
  const space = buildSpace(source, "");
  const given = source[CONFIG_ID_KEY];
  // A fixed id on a config that expands to several would name them all alike: number them.
  const suffix = given !== undefined && !isDynamicValue(given) && space.size > 1;
  return {
    size: space.size,
    at(index) {
      return withId(space.at(index) as Record<string, unknown>, suffix ? `-${index}` : "");
    },
  };
}

function withId(config: Record<string, unknown>, suffix: string): Record<string, unknown> {
  const given = config[CONFIG_ID_KEY];
  const id = given === undefined || given === null ? computeConfigId(config) : `${String(given)}${suffix}`;
  config[CONFIG_ID_KEY] = id;
  return config;
}

function formatKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? `a ${value.constructor?.name ?? "object"} instance` : `the ${typeof value} ${String(value)}`;
}
