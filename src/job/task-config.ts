/**
 * What a task function receives: the resolved job config as plain data, where a `???` value throws
 * MissingMandatoryValueError when read, as OmegaConf does, instead of arriving as the string "???".
 */
import { keyText } from "../config/dict-key.js";
import { ConfigDict, ConfigList, MISSING, toPlainUnresolved, type ConfigValue, type PlainValue } from "../config/node.js";
import { MissingMandatoryValueError } from "../errors.js";

/** `locate` adds where the key was left missing (file, line) to the error. */
export function taskConfigWithMissing(tree: ConfigDict, locate: (e: MissingMandatoryValueError) => unknown = (e) => e): { [key: string]: PlainValue } {
  return plain(tree, "", locate) as { [key: string]: PlainValue };
}

function plain(v: ConfigValue, at: string, locate: (e: MissingMandatoryValueError) => unknown): PlainValue {
  if (v instanceof ConfigDict) {
    const o: { [key: string]: PlainValue } = {};
    for (const [id, x] of v.entries) {
      const k = keyText(id);
      const key = at ? `${at}.${k}` : k;
      if (x === MISSING) defineMissing(o, k, key, locate);
      else o[k] = plain(x, key, locate);
    }
    return o;
  }
  if (v instanceof ConfigList) {
    const items: PlainValue[] = [];
    v.items.forEach((x, i) => {
      if (x === MISSING) defineMissing(items, String(i), `${at}[${i}]`, locate);
      else items.push(plain(x, `${at}[${i}]`, locate));
    });
    return items;
  }
  return toPlainUnresolved(v);
}

/** Enumerable, so the key is still listed; assigning a value replaces the accessor. */
function defineMissing(target: object, prop: string, key: string, locate: (e: MissingMandatoryValueError) => unknown): void {
  Object.defineProperty(target, prop, {
    enumerable: true,
    configurable: true,
    get() {
      throw locate(new MissingMandatoryValueError(`Missing mandatory value: ${key} (it is '???'; set it, e.g. with the override ${key}=...)`, { key }));
    },
    set(value: unknown) {
      Object.defineProperty(target, prop, { value, enumerable: true, configurable: true, writable: true });
    },
  });
}
