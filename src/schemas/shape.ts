/**
 * The shape of config values seen across several compositions: which scalar types a key took, its string
 * values (to find discriminators and enums), list items and dict fields. Shapes only ever widen when
 * merged, so the result describes every composition it was built from.
 */
import type { PlainValue } from "../config/node.js";

export type Primitive = "string" | "number" | "boolean" | "null";

/** A set of types, as the union of everything seen at one place of the config. */
export interface Shape {
  primitives: Set<Primitive>;
  /** String values seen (scalars only): a discriminator is a key with exactly one per option. */
  literals: Set<string>;
  /** Items of the lists seen (an empty shape when only empty lists were seen). */
  list?: Shape;
  fields?: Map<string, Field>;
  /** An unresolved interpolation: its type is not known. */
  unknown: boolean;
  /** `???` was seen: the key must be set before the config is used. */
  missing: boolean;
  /** Stands for a named type (a group's options) instead of the above. */
  ref?: string;
}

export interface Field {
  shape: Shape;
  /** Absent from some compositions. */
  optional: boolean;
}

export function emptyShape(): Shape {
  return { primitives: new Set(), literals: new Set(), unknown: false, missing: false };
}

/** The shape of one value; `unresolved` strings (`${...}` left as is) have an unknown type. */
export function shapeOf(value: PlainValue, isUnresolved: (s: string) => boolean = () => false): Shape {
  const shape = emptyShape();
  if (value === null) shape.primitives.add("null");
  else if (Array.isArray(value)) {
    shape.list = emptyShape();
    for (const item of value) shape.list = mergeShapes(shape.list, shapeOf(item, isUnresolved));
  } else if (typeof value === "object") {
    shape.fields = new Map();
    for (const [k, v] of Object.entries(value)) shape.fields.set(k, { shape: shapeOf(v, isUnresolved), optional: false });
  } else if (value === "???") shape.missing = true;
  else if (typeof value === "string" && isUnresolved(value)) shape.unknown = true;
  else if (typeof value === "string") {
    shape.primitives.add("string");
    shape.literals.add(value);
  } else shape.primitives.add(typeof value === "number" ? "number" : "boolean");
  return shape;
}

/** The union of two shapes: a field present in only one dict becomes optional. */
export function mergeShapes(a: Shape, b: Shape): Shape {
  const out: Shape = {
    primitives: new Set([...a.primitives, ...b.primitives]),
    literals: new Set([...a.literals, ...b.literals]),
    unknown: a.unknown || b.unknown,
    missing: a.missing || b.missing,
  };
  if (a.list || b.list) out.list = a.list && b.list ? mergeShapes(a.list, b.list) : (a.list ?? b.list);
  if (a.fields && b.fields) out.fields = mergeFields(a.fields, b.fields);
  else if (a.fields || b.fields) out.fields = new Map(a.fields ?? b.fields);
  return out;
}

function mergeFields(a: Map<string, Field>, b: Map<string, Field>): Map<string, Field> {
  const out = new Map<string, Field>();
  for (const [k, fa] of a) {
    const fb = b.get(k);
    out.set(k, fb ? { shape: mergeShapes(fa.shape, fb.shape), optional: fa.optional || fb.optional } : { ...fa, optional: true });
  }
  for (const [k, fb] of b) if (!a.has(k)) out.set(k, { ...fb, optional: true });
  return out;
}

/**
 * Nothing but `???` or null was seen: the type is whatever the user sets (null, as in OmegaConf, is a
 * placeholder of any type).
 */
export function onlyPlaceholder(shape: Shape): boolean {
  const prims = [...shape.primitives];
  const placeholder = shape.missing || prims.length > 0;
  return placeholder && !shape.ref && !shape.unknown && prims.every((p) => p === "null") && !shape.list && !shape.fields;
}
