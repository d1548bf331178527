/**
 * The resolution engine: how `${...}` values are resolved, the way OmegaConf 2.2 does it. A Resolution
 * is one resolution over one config root: the keys being resolved (for cycles and messages), the
 * containers being expanded, the resolvers in use.
 *
 * The tree has no parent pointers, so resolution walks with Frames: a frame is a container plus the
 * frame it was reached from and its key there. Relative keys (`${..x}`) climb frames, and a config
 * returned by a resolver gets a frame attached at the key being resolved, which is where OmegaConf
 * parents such results. Cycles are caught with the stack of keys being dereferenced; a second guard
 * (`expanding`) stops a container from being expanded inside itself.
 */
import {
  ConfigKeyError,
  GrammarParseError,
  InterpolationKeyError,
  InterpolationToMissingValueError,
  UnsupportedInterpolationTypeError,
  HydrantError,
  InterpolationError,
  MissingMandatoryValueError,
  type HydrantErrorDetails,
} from "../../errors.js";
import { ConfigFloat, fromJsNumber } from "../float.js";
import {
  cloneValue,
  ConfigDict,
  ConfigList,
  fromPlain,
  isContainer,
  isDict,
  MISSING,
  type ConfigContainer,
  type ConfigValue,
} from "../node.js";
import type { Element, Interpolation, Piece, Text } from "./ast.js";
import { needsResolution, parseConfigValue, parseSingleElement } from "./grammar.js";
import { formatPath, splitKey } from "./keys.js";
import { pyStr } from "./pystr.js";
import { globalResolvers, takesTypedArgs, type ResolverRegistry } from "./resolvers.js";
import type { ConfigPath, ResolveOptions, ResolverContext } from "./types.js";

/** Deeper resolution chains than this are reported as errors instead of overflowing the stack. */
const MAX_DEPTH = 400;

/** Containers whose content is already resolved (copies made here): never resolved twice. */
const finalContainers = new WeakSet<ConfigContainer>();

interface Frame {
  container: ConfigContainer;
  parent?: Frame;
  key?: string | number;
  /** Content already resolved: expanding it is a plain copy. */
  final?: boolean;
}

/** A resolved value; containers carry the frame that locates them. */
interface Resolved {
  value: ConfigValue;
  frame?: Frame;
}

/** The key being resolved: its container's frame, its key, its raw text. */
interface Site {
  frame: Frame;
  key: string | number | undefined;
  raw: string;
}

type Selection =
  | { status: "found"; resolved: Resolved }
  | { status: "notFound" }
  | { status: "missing"; path: string; atEnd: boolean }
  | { status: "notContainer"; message: string };

function framePath(frame: Frame | undefined): Array<string | number> {
  const path: Array<string | number> = [];
  for (let f = frame; f?.parent !== undefined; f = f.parent) path.unshift(f.key as string | number);
  return path;
}

/** The full path of the key a site resolves. */
function sitePath(site: Site): Array<string | number> {
  const path = framePath(site.frame);
  if (site.key !== undefined) path.push(site.key);
  return path;
}

function markFinal<T extends ConfigValue>(value: T): T {
  if (isContainer(value)) finalContainers.add(value);
  return value;
}

/** A container's child, or undefined; list keys must be integers (OmegaConf raises a TypeError otherwise). */
function childOf(container: ConfigContainer, key: string | number): { key: string | number; value: ConfigValue | undefined } {
  if (isDict(container)) return { key: String(key), value: container.get(String(key)) };
  // Python's int() accepts surrounding spaces and digit-group underscores ("1_0").
  const index = typeof key === "number" ? key : /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(key) ? Number(key.replace(/_/g, "")) : NaN;
  if (!Number.isInteger(index)) throw new TypeError(`Index '${key}' (str) is not an int`);
  return { key: index, value: index >= 0 && index < container.items.length ? container.items[index] : undefined };
}

function frameOfChild(frame: Frame, key: string | number, value: ConfigValue): Resolved {
  return isContainer(value) ? { value, frame: { container: value, parent: frame, key } } : { value };
}

export class Resolution {
  private readonly rootFrame: Frame;
  private readonly stack: Site[] = [];
  private readonly expanding = new Set<ConfigContainer>();
  private readonly registry: ResolverRegistry;

  constructor(
    private readonly root: ConfigContainer,
    private readonly options: ResolveOptions,
  ) {
    this.rootFrame = { container: root };
    this.registry = options.resolvers ?? globalResolvers;
  }

  // --- entry points ---------------------------------------------------------------------

  /** The fully resolved value at `path` (containers are resolved deep copies). */
  valueAt(path: ConfigPath): ConfigValue {
    if (path.length === 0) return this.expand({ value: this.root, frame: this.rootFrame });
    const selection = this.guardTypeErrors(() => this.select(this.rootFrame, path));
    const where = formatPath(path);
    switch (selection.status) {
      case "notFound":
        throw new ConfigKeyError(`Key '${where}' not found in the config`, { key: where });
      case "notContainer":
        throw new ConfigKeyError(selection.message, { key: where });
      case "missing":
        if (!selection.atEnd || this.options.throwOnMissing) throw this.missingValue(selection.path);
        return MISSING;
      case "found":
        return this.expand(selection.resolved);
    }
  }

  /** Resolves `text` as if it were the value of `key` in the container at `parentPath`. */
  textAt(text: string, parentPath: ConfigPath, key: string | number | undefined): ConfigValue {
    const frame = this.frameAt(parentPath);
    return this.expand(this.dereference(frame, key, text));
  }

  // --- dereferencing --------------------------------------------------------------------

  /** The value of one key with its interpolation (if any) resolved; containers are not expanded. */
  private dereference(frame: Frame, key: string | number | undefined, raw: ConfigValue): Resolved {
    if (!needsResolution(raw)) return key === undefined ? { value: raw } : frameOfChild(frame, key, raw);
    const site: Site = { frame, key, raw };
    this.enter(site);
    try {
      const text = this.parse(raw);
      if (text.single) return this.evaluate(text.single, site);
      return { value: this.join(text.pieces, site) };
    } finally {
      this.stack.pop();
    }
  }

  private enter(site: Site): void {
    const repeat = this.stack.findIndex((s) => s.frame.container === site.frame.container && s.key === site.key);
    if (repeat !== -1) {
      const cycle = [...this.stack.slice(repeat), site].map((s) => this.describe(s)).join(" -> ");
      throw this.error(InterpolationError, `Recursive interpolation detected: ${cycle}`);
    }
    this.checkDepth();
    this.stack.push(site);
  }

  private checkDepth(): void {
    if (this.stack.length + this.expanding.size >= MAX_DEPTH) {
      throw this.error(InterpolationError, `Interpolations nest more than ${MAX_DEPTH} levels deep (is there a cycle?)`);
    }
  }

  private parse(raw: string): Text {
    return this.parsing(() => parseConfigValue(raw));
  }

  /** Runs a grammar parse; its GrammarParseError is re-raised naming the keys being resolved. */
  private parsing<T>(parse: () => T): T {
    try {
      return parse();
    } catch (e) {
      if (e instanceof GrammarParseError) throw this.error(GrammarParseError, e.message);
      throw e;
    }
  }

  private evaluate(interpolation: Interpolation, site: Site): Resolved {
    return interpolation.kind === "node" ? this.evaluateNode(interpolation.key, site) : this.callResolver(interpolation, site);
  }

  /** Concatenation: every interpolation becomes Python's str() of its value. */
  private join(pieces: Piece[], site: Site): string {
    return pieces.map((p) => (typeof p === "string" ? p : pyStr(this.evaluate(p, site).value))).join("");
  }

  /** Key or resolver-name pieces joined; nested interpolations there must give strings. */
  private joinName(pieces: Piece[], site: Site, what: string): string {
    return pieces
      .map((p) => {
        if (typeof p === "string") return p;
        const value = this.evaluate(p, site).value;
        if (typeof value !== "string") {
          throw this.error(InterpolationError, `${what} ${p.text} must resolve to a string, but it resolved to ${pyStr(value)}`);
        }
        return value;
      })
      .join("");
  }

  // --- node interpolations --------------------------------------------------------------

  private evaluateNode(keyPieces: Piece[], site: Site): Resolved {
    const key = this.joinName(keyPieces, site, "The interpolation used as a config key");
    const dots = /^\.*/.exec(key)?.[0].length ?? 0;
    let base: Frame = this.rootFrame;
    if (dots > 0) {
      base = site.frame;
      for (let i = 1; i < dots; i++) {
        if (!base.parent) throw this.error(InterpolationKeyError, `Relative interpolation key '${key}' goes above the config root`);
        base = base.parent;
      }
    }
    const rest = key.slice(dots);
    const target = rest === "" ? { value: base.container, frame: base } : this.findTarget(base, key, rest);
    for (let f: Frame | undefined = site.frame; f; f = f.parent) {
      if (f.container === target.value) {
        throw this.error(InterpolationError, `Interpolation to parent node detected: '${key}' contains the key being resolved`);
      }
    }
    return target;
  }

  private findTarget(base: Frame, key: string, rest: string): Resolved {
    const selection = this.guardTypeErrors(() => this.select(base, splitKey(rest)));
    switch (selection.status) {
      case "found":
        return selection.resolved;
      case "notFound":
        throw this.error(InterpolationKeyError, `Interpolation key '${key}' not found`);
      case "missing":
        throw this.error(
          InterpolationToMissingValueError,
          `MissingMandatoryValue while resolving interpolation: Missing mandatory value: ${selection.path} (set it, e.g. with the override ${selection.path}=...)`,
        );
      case "notContainer":
        throw this.error(InterpolationError, selection.message);
    }
  }

  /** Walks `keys` from `base`, dereferencing interpolations met on the way (OmegaConf's _select_impl). */
  private select(base: Frame, keys: ConfigPath): Selection {
    let frame = base;
    for (let i = 0; i < keys.length; i++) {
      const child = childOf(frame.container, keys[i]);
      if (child.value === undefined) return { status: "notFound" };
      if (child.value === MISSING) {
        return { status: "missing", path: formatPath([...framePath(frame), child.key]), atEnd: i === keys.length - 1 };
      }
      const resolved = this.dereference(frame, child.key, child.value);
      if (i === keys.length - 1) return { status: "found", resolved };
      if (!resolved.frame) {
        const message =
          `Error trying to access ${keys.join(".")}: node '${keys.slice(0, i + 1).join(".")}' ` +
          `is not a container and thus cannot contain '${keys[i + 1]}'`;
        return { status: "notContainer", message };
      }
      frame = resolved.frame;
    }
    return { status: "found", resolved: { value: frame.container, frame } };
  }

  /** List indexes that are not integers surface as TypeErrors from childOf. */
  private guardTypeErrors<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof TypeError) throw this.error(InterpolationError, e.message);
      throw e;
    }
  }

  private frameAt(path: ConfigPath): Frame {
    if (path.length === 0) return this.rootFrame;
    const selection = this.guardTypeErrors(() => this.select(this.rootFrame, path));
    if (selection.status !== "found" || !selection.resolved.frame) {
      throw new ConfigKeyError(`'${formatPath(path)}' is not a container in the config`, { key: formatPath(path) });
    }
    return selection.resolved.frame;
  }

  // --- resolvers ------------------------------------------------------------------------

  private callResolver(interpolation: Extract<Interpolation, { kind: "resolver" }>, site: Site): Resolved {
    const name = this.joinName(interpolation.name, site, "The interpolation used in a resolver name");
    const fn = this.options.extraResolvers?.[name] ?? this.registry.lookup(name);
    if (!fn) {
      throw this.error(UnsupportedInterpolationTypeError, `Unsupported interpolation type ${name} (no resolver '${name}' is registered)`);
    }
    const typed = interpolation.args.map((a) => this.evaluateElement(a, site));
    // Users' resolvers get plain JS numbers; the built-ins keep Python's int/float distinction.
    const args = takesTypedArgs(fn) ? typed : typed.map(plainArgument);
    let output: unknown;
    try {
      output = fn(args, this.context(site, interpolation.argTexts));
    } catch (e) {
      if (e instanceof InterpolationError) throw e;
      const cause = e instanceof Error ? e.message : String(e);
      throw this.error(InterpolationError, `Resolver '${name}' failed: ${cause}`, e);
    }
    return this.adoptResult(output, site);
  }

  /** Resolver output becomes a config value; containers are placed at the key being resolved. */
  private adoptResult(output: unknown, site: Site): Resolved {
    if (output === undefined || output === null) return { value: null };
    if (typeof output === "string" || typeof output === "boolean" || output instanceof ConfigFloat) return { value: output };
    if (typeof output === "number") return { value: fromJsNumber(output) };
    const value = asConfigValue(output);
    if (!isContainer(value)) return { value };
    return { value, frame: { container: value, parent: site.frame, key: site.key, final: finalContainers.has(value) } };
  }

  private context(site: Site, argTexts: readonly string[]): ResolverContext {
    const path = sitePath(site);
    return {
      root: this.root,
      parent: site.frame.container,
      key: site.key,
      path,
      node: site.raw,
      argTexts,
      select: (key, options = {}) => this.selectForResolver(key, site, options),
      decode: (text) => this.decode(text, site),
      warn: (message) => this.options.onWarning?.(message),
    };
  }

  /** oc.select semantics: dotted keys from the parent, others from the root; `???` counts as absent. */
  private selectForResolver(
    key: string,
    site: Site,
    options: { default?: unknown; throwOnMissing?: boolean },
  ): ConfigValue | undefined {
    const fallback = (): ConfigValue | undefined => ("default" in options ? asConfigValue(options.default) : undefined);
    const dots = /^\.*/.exec(key)?.[0].length ?? 0;
    let base: Frame | undefined = dots > 0 ? site.frame : this.rootFrame;
    for (let i = 1; i < dots && base; i++) base = base.parent;
    if (!base) return fallback();
    const rest = key.slice(dots);
    const selection = rest === "" ? ({ status: "found", resolved: { value: base.container, frame: base } } as const) : this.guardTypeErrors(() => this.select(base, splitKey(rest)));
    switch (selection.status) {
      case "found":
        return this.expand(selection.resolved);
      case "missing":
        if (options.throwOnMissing) throw this.missingValue(selection.path);
        return fallback();
      case "notFound":
        return fallback();
      case "notContainer":
        throw this.error(InterpolationError, selection.message);
    }
  }

  /** oc.decode: one grammar element, evaluated in the context of the key being resolved. */
  private decode(text: string, site: Site): unknown {
    const element: Element = this.parsing(() => parseSingleElement(text));
    return this.evaluateElement(element, site);
  }

  /** A resolver argument's value (OmegaConf's visitor output for `element`). */
  private evaluateElement(element: Element, site: Site): unknown {
    switch (element.kind) {
      case "value":
        return element.value;
      case "interpolation":
        return this.expand(this.evaluate(element.interpolation, site));
      case "concat":
        return this.join(element.pieces, site);
      case "quoted":
        if (!element.text) return "";
        return element.text.single ? pyStr(this.evaluate(element.text.single, site).value) : this.join(element.text.pieces, site);
      case "list":
        return element.items.map((item) => this.evaluateElement(item, site));
      case "dict": {
        const out: Record<string, unknown> = {};
        for (const [k, v] of element.entries) out[typeof k === "string" ? k : pyStr(k)] = this.evaluateElement(v, site);
        return out;
      }
    }
  }

  // --- deep resolution ------------------------------------------------------------------

  /** A fully resolved copy of a resolved value (scalars as they are). */
  private expand(resolved: Resolved): ConfigValue {
    const { value } = resolved;
    if (!isContainer(value)) return value;
    const frame = resolved.frame ?? { container: value };
    if (frame.final || finalContainers.has(value)) return markFinal(cloneValue(value));
    if (this.expanding.has(value)) {
      throw this.error(InterpolationError, `Interpolation to parent node detected: '${formatPath(framePath(frame))}' contains itself`);
    }
    this.checkDepth();
    this.expanding.add(value);
    try {
      return markFinal(isDict(value) ? this.expandDict(value, frame) : this.expandList(value, frame));
    } finally {
      this.expanding.delete(value);
    }
  }

  private expandDict(dict: ConfigDict, frame: Frame): ConfigDict {
    const out = new ConfigDict(undefined, dict.source);
    for (const [key, raw] of dict.entries) out.set(key, this.expandChild(frame, key, raw));
    return out;
  }

  private expandList(list: ConfigList, frame: Frame): ConfigList {
    return new ConfigList(
      list.items.map((raw, index) => this.expandChild(frame, index, raw)),
      list.source,
    );
  }

  private expandChild(frame: Frame, key: string | number, raw: ConfigValue): ConfigValue {
    if (raw === MISSING) {
      if (this.options.throwOnMissing) throw this.missingValue(formatPath([...framePath(frame), key]));
      return MISSING;
    }
    return this.expand(this.dereferenceChild(frame, key, raw));
  }

  /** As OmegaConf.resolve: with keepMissingInterpolations, a value whose interpolation reaches `???` is `???`. */
  private dereferenceChild(frame: Frame, key: string | number, raw: ConfigValue): Resolved {
    if (!this.options.keepMissingInterpolations || !needsResolution(raw)) return this.dereference(frame, key, raw);
    try {
      return this.dereference(frame, key, raw);
    } catch (e) {
      if (e instanceof InterpolationToMissingValueError) return { value: MISSING };
      throw e;
    }
  }

  // --- errors ---------------------------------------------------------------------------

  private describe(site: Site): string {
    const path = sitePath(site);
    return path.length === 0 ? "<root>" : formatPath(path);
  }

  /** "'a' -> 'b' -> 'c'", eliding the middle of long chains. */
  private describeChain(sites: Site[]): string {
    const names = sites.map((s) => `'${this.describe(s)}'`);
    const shown = names.length > 8 ? [...names.slice(0, 3), "...", ...names.slice(-4)] : names;
    return shown.join(" -> ");
  }

  private missingValue(path: string): MissingMandatoryValueError {
    return new MissingMandatoryValueError(
      `Missing mandatory value: ${path} (it is '???'; set it, e.g. with the override ${path}=...)`,
      { key: path },
    );
  }

  /** An error naming the chain of keys being resolved and, when known, where the innermost one is written. */
  private error<E extends HydrantError>(
    kind: new (message: string, details?: HydrantErrorDetails) => E,
    detail: string,
    cause?: unknown,
  ): E {
    const site = this.stack[this.stack.length - 1];
    if (!site) return new kind(detail, { cause });
    const message = `${detail} (while resolving ${this.describeChain(this.stack)}: '${site.raw}')`;
    return new kind(message, { key: this.describe(site), cause, ...this.position(site) });
  }

  private position(site: Site): HydrantErrorDetails {
    const source = site.frame.container.source;
    if (!source?.file) return {};
    const at = site.key === undefined ? undefined : source.positions?.get(String(site.key));
    return { file: source.file, line: at?.line ?? source.line, column: at?.column ?? source.column };
  }
}

/** fromPlain, but a ConfigDict/ConfigList (a resolver's output, a default) keeps its identity (and finality). */
function asConfigValue(value: unknown): ConfigValue {
  return isContainer(value) ? value : fromPlain(value);
}

/** A resolver argument as users see it: floats unboxed, inside literal lists and dicts too. */
function plainArgument(value: unknown): unknown {
  if (value instanceof ConfigFloat) return value.value;
  if (Array.isArray(value)) return value.map(plainArgument);
  if (value !== null && typeof value === "object" && !isContainer(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainArgument(v)]));
  }
  return value;
}
