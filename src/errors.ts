/**
 * Every error hydrant raises for bad input is one of these classes. Each carries what the user
 * needs to find the problem (file, line, column, key, override) and a message written for a person;
 * the CLI prints `message` alone (no stack) unless HYDRANT_FULL_ERROR=1.
 */
export interface SourcePosition {
  /** Absolute or search-path-relative file the problem is in. */
  file?: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
}

export interface HydrantErrorDetails extends SourcePosition {
  /** Dotted config key involved, if any. */
  key?: string;
  /** The command-line override involved, verbatim, if any. */
  override?: string;
  cause?: unknown;
}

/** Base of every error hydrant throws for bad input: carries the file, line:column, key and override it is about, and a message saying what to do. */
export class HydrantError extends Error {
  /** The file the problem is in, when there is one. */
  readonly file?: string;
  /** 1-based line in `file`, when known. */
  readonly line?: number;
  /** 1-based column in `file` (or in `override`), when known. */
  readonly column?: number;
  /** The dotted config key (or spec field) the problem is about, if any. */
  readonly key?: string;
  /** The command-line override the problem is in, verbatim, if any. */
  readonly override?: string;

  constructor(message: string, details: HydrantErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.key = details.key;
    this.override = details.override;
  }

  /**
   * Adds where the problem is, when it was found away from the file (a merged config knows its values,
   * not the file each came from). Returns the error itself.
   */
  at(position: SourcePosition): this {
    const self = this as { -readonly [K in keyof SourcePosition]: SourcePosition[K] };
    self.file = position.file;
    self.line = position.line;
    self.column = position.column;
    return this;
  }

  /** "file:line:column" (as much of it as is known), or undefined. */
  get location(): string | undefined {
    if (!this.file) return undefined;
    if (this.line === undefined) return this.file;
    return this.column === undefined ? `${this.file}:${this.line}` : `${this.file}:${this.line}:${this.column}`;
  }
}

/** YAML that cannot be read: syntax errors, duplicate keys, unknown tags. */
export class ConfigParseError extends HydrantError {}

/** A key that does not exist, a `???` value read, a type mismatch in a config operation. */
export class ConfigKeyError extends HydrantError {}

/**
 * A value that does not fit its schema-typed field and cannot be converted to it (OmegaConf's
 * ValidationError): `port: abc` where the schema says integer. `key` is the field's dotted key.
 */
export class ConfigTypeError extends ConfigKeyError {}

/** A mandatory value (`???`) was accessed. */
export class MissingMandatoryValueError extends ConfigKeyError {}

/** `${...}` that cannot be resolved: bad syntax, missing target, cycles, resolver failures. */
export class InterpolationError extends HydrantError {}

// The finer interpolation errors mirror OmegaConf's exception names, so a caller (the compose step)
// can tell a bad key from a bad grammar. All of them are InterpolationErrors.

/** `${...}` text that does not follow the OmegaConf grammar. */
export class GrammarParseError extends InterpolationError {}

/** `${a.b}` where `a.b` does not exist (or a relative key climbs above the root). */
export class InterpolationKeyError extends InterpolationError {}

/** `${a.b}` where `a.b` is the mandatory-missing marker `???`. */
export class InterpolationToMissingValueError extends InterpolationError {}

/** `${name:...}` where no resolver `name` is registered. */
export class UnsupportedInterpolationTypeError extends InterpolationError {}

/** A command-line override that does not parse; `column` is 1-based within the override text. */
export class OverrideParseError extends HydrantError {}

/** An override that parses but cannot be applied (e.g. a sweep without --multirun). */
export class OverrideApplyError extends HydrantError {}

/** A config or config group option that does not exist in the search path. */
export class MissingConfigError extends HydrantError {
  /** Options that do exist, for "Available options" hints. */
  readonly options?: readonly string[];
  constructor(message: string, details: HydrantErrorDetails & { options?: readonly string[] } = {}) {
    super(message, details);
    this.options = details.options;
  }
}

/** The defaults list or the composition itself fails (conflicts, duplicates, bad packages). */
export class ConfigCompositionError extends HydrantError {}

/** A search path entry that is malformed or unreachable. */
export class SearchPathError extends HydrantError {}

/**
 * An experiment spec file (`hydrant experiment run SPEC`) that is malformed or cannot run as written:
 * `file` and `line:column` point at the offending field, `key` names it.
 */
export class ExperimentSpecError extends HydrantError {}

/**
 * A grid of candidate values declared wrongly: a `DynamicValue` or `range()` given something it cannot
 * iterate, a config that is not a plain object, a YAML `!sweep` that is not a list (with its `file`),
 * a grid too large to count.
 */
export class DynamicValueError extends HydrantError {}

/**
 * A Spearmint experiment set up or called wrongly: no configs, two configs with one id, a strategy that
 * is not one, a bad `maxConcurrency`, `Spearmint.run` without an experiment function.
 */
export class SpearmintError extends HydrantError {}

/** One problem a config schema found: where, and what. */
export interface ValidationIssue {
  /** Dotted path of the offending field; "" for the config as a whole. */
  path: string;
  message: string;
}

/** A config that does not match a Spearmint experiment's schema; `key` is the first offending field. */
export class ConfigValidationError extends SpearmintError {
  readonly configId: string;
  readonly issues: readonly ValidationIssue[];
  constructor(message: string, details: HydrantErrorDetails & { configId: string; issues: readonly ValidationIssue[] }) {
    super(message, details);
    this.configId = details.configId;
    this.issues = details.issues;
  }
}

/** A command line or a call that asks for something that cannot be done as asked (a bad flag, no task). */
export class UsageError extends HydrantError {}

/** No launcher or sweeper plugin registered under the name or `_target_` a config asks for. */
export class PluginError extends HydrantError {}

/** A sweep's or an experiment's directory whose files are missing or unreadable (experiment.json, run configs, logs). */
export class ManifestError extends HydrantError {}

/** Launching jobs fails, or a launcher is set up wrongly: a failure that is not a job's own. */
export class LaunchError extends HydrantError {}

/** A `_target_` node that cannot be built: the target does not resolve, or its call throws. */
export class InstantiationError extends HydrantError {
  /** The `_target_` as written (a module export or a registered name). */
  readonly target?: string;
  constructor(message: string, details: HydrantErrorDetails & { target?: string } = {}) {
    super(message, details);
    this.target = details.target;
  }
}

const SYSTEM_ERRORS: Record<string, string> = {
  EACCES: "permission denied: choose a dir you can write to (hydra.run.dir, hydra.sweep.dir) or fix its permissions",
  EPERM: "operation not permitted: choose a dir you can write to or fix its permissions",
  ENOSPC: "no space left on the device: free some space or write the outputs elsewhere (hydra.run.dir, hydra.sweep.dir)",
  EDQUOT: "disk quota exceeded: free some space or write the outputs elsewhere",
  EROFS: "the file system is read-only: write the outputs elsewhere (hydra.run.dir, hydra.sweep.dir)",
  ENOTDIR: "a part of the path is a file, not a directory",
  EISDIR: "the path is a directory, a file was expected",
  EMFILE: "too many open files: raise the limit (ulimit -n) or run fewer jobs at once",
  ENAMETOOLONG: "the path is too long: shorten hydra.sweep.subdir or the override values that name the dirs",
  ENOENT: "no such file or directory",
};

/**
 * A file-system failure (EACCES, ENOSPC, …) as one sentence for the user, or undefined for other
 * errors: "Cannot mkdir '/x': permission denied: …".
 */
export function formatSystemError(e: unknown): string | undefined {
  if (!(e instanceof Error)) return undefined;
  const { code, syscall, path } = e as NodeJS.ErrnoException;
  if (typeof code !== "string" || typeof syscall !== "string") return undefined;
  const what = SYSTEM_ERRORS[code] ?? e.message.replace(/^[A-Z]+: /, "").replace(/, \w+ '.*'$/, "");
  return `Cannot ${syscall}${path ? ` '${path}'` : ""}: ${what} (${code}).`;
}
