/** Hydra's override grammar: parsing, the AST, value conversion and sweep enumeration. */
export * from "./types.js";
export { parseOverride, parseOverrides, type ParseOptions } from "./parser.js";
export { elementToConfig, formatElement, formatOverrideValue, isParsedElement, type FormatElementOptions } from "./values.js";
export {
  isAdd,
  isForceAdd,
  isDelete,
  isSweep,
  isGlob,
  isChoiceSweep,
  isRangeSweep,
  isIntervalSweep,
  isDiscreteSweep,
  isListEditOverride,
  isHydraOverride,
  keyElement,
  sweepValues,
  sweepStrings,
} from "./sweep.js";
export { filterGlob, fnmatch } from "./glob.js";
export { escapeSpecialCharacters, pyFloatRepr } from "./pyformat.js";
export { Functions, createFunctions, type GrammarFunction, type ParamSpec, type TypeSpec, type BoundArgs } from "./functions.js";
