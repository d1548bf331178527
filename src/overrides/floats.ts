/**
 * Which parsed numbers were Python floats.
 *
 * `ParsedElement` keeps numbers as plain JS numbers (what the config wants), so `1.0` and `1` look the
 * same. Hydra still prints them differently in job overrides and `override_dirname` (`lr=1.0`), so the
 * parser records every float on the side: in a list, by index; in a dict, by key; for an override's
 * own scalar value, on the Override object (slot "value"). The marks live in a WeakMap keyed by those
 * objects, so they cost nothing once the values are dropped; a deep copy of a value loses them (print
 * it with `elementToString`/`valueString` first if the spelling matters).
 */
export type FloatSlot = number | string;

const floatSlots = new WeakMap<object, Set<FloatSlot>>();

export function markFloat(holder: object, slot: FloatSlot): void {
  let slots = floatSlots.get(holder);
  if (!slots) {
    slots = new Set();
    floatSlots.set(holder, slots);
  }
  slots.add(slot);
}

/** True when `holder[slot]` (a list index, dict key, or "value" of an Override) was parsed as a float. */
export function isFloatSlot(holder: object, slot: FloatSlot): boolean {
  return floatSlots.get(holder)?.has(slot) ?? false;
}
