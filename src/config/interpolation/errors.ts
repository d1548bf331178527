/**
 * Finer-grained interpolation errors, mirroring OmegaConf's exception names so callers (e.g. the
 * compose step) can tell a bad key from a bad grammar. All of them are `InterpolationError`s.
 */
import { InterpolationError } from "../../errors.js";

/** `${...}` text that does not follow the OmegaConf grammar. */
export class GrammarParseError extends InterpolationError {}

/** `${a.b}` where `a.b` does not exist (or a relative key climbs above the root). */
export class InterpolationKeyError extends InterpolationError {}

/** `${a.b}` where `a.b` is the mandatory-missing marker `???`. */
export class InterpolationToMissingValueError extends InterpolationError {}

/** `${name:...}` where no resolver `name` is registered. */
export class UnsupportedInterpolationTypeError extends InterpolationError {}
