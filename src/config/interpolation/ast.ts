/**
 * Parse results of the interpolation grammar. Escapes are already applied to literal pieces, so
 * evaluating a tree only needs to resolve the interpolations and join.
 */
import type { Scalar } from "../node.js";

/** A literal string or an interpolation, in the order they appear. */
export type Piece = string | Interpolation;

/** `text` rule: a config value or the inside of a quoted string. */
export interface Text {
  pieces: Piece[];
  /** Set when the text is exactly one interpolation: its value is then kept with its type. */
  single?: Interpolation;
}

export type Interpolation = NodeInterpolation | ResolverInterpolation;

/** `${a.b}`, `${..x}`, `${a[0]}`, `${foo.${bar}}`. */
export interface NodeInterpolation {
  kind: "node";
  /** Key text fragments (".", "[", "]", key names) and nested interpolations, joined when resolved. */
  key: Piece[];
  /** The interpolation's source text, e.g. `${a.b}`. */
  text: string;
}

/** `${name:arg,...}`, `${ns.name:}`, `${ns.${x}:y}`. */
export interface ResolverInterpolation {
  kind: "resolver";
  /** Name segments, joined with "." once nested interpolations are resolved. */
  name: Piece[];
  args: Element[];
  /** Source text of each argument (OmegaConf's `args_str`), used as the cache key. */
  argTexts: string[];
  text: string;
}

export type DictKey = Scalar;

/** `element` rule: a resolver argument or a value inside a list/dict argument. */
export type Element =
  | { kind: "value"; value: Scalar }
  | { kind: "interpolation"; interpolation: Interpolation }
  | { kind: "concat"; pieces: Piece[] }
  | { kind: "quoted"; text: Text | undefined }
  | { kind: "list"; items: Element[] }
  | { kind: "dict"; entries: Array<[DictKey, Element]> };
