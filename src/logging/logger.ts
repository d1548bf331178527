/**
 * Loggers as Python's `logging` has them: named, dotted into a tree under the root, each with an
 * optional level and handlers, records passed up to the ancestors' handlers unless `propagate` is off.
 * `getLogger(name)` is the same logger for the same name; a logging config rewires them in place.
 */
import { format } from "node:util";
import type { LogRecord } from "./formatter.js";
import { LEVELS, levelName } from "./levels.js";

export interface Handler {
  level: number;
  handle(record: LogRecord): void;
  close(): void;
}

/** Where a record goes when no handler is found: stderr, message alone, WARNING and up (Python's lastResort). */
let lastResort: (text: string) => void = (text) => void process.stderr.write(text);

export function setLastResort(write: (text: string) => void): void {
  lastResort = write;
}

/** A named logger (`getLogger(name)`): `debug`, `info`, `warning`, `error`, `critical`, formatted as `console.log` formats. */
export class Logger {
  level: number = LEVELS.NOTSET;
  handlers: Handler[] = [];
  propagate = true;
  disabled = false;

  constructor(
    readonly name: string,
    readonly parent: Logger | undefined,
  ) {}

  debug(message: unknown, ...args: unknown[]): void {
    this.log(LEVELS.DEBUG, message, args);
  }
  info(message: unknown, ...args: unknown[]): void {
    this.log(LEVELS.INFO, message, args);
  }
  warning(message: unknown, ...args: unknown[]): void {
    this.log(LEVELS.WARNING, message, args);
  }
  /** Same as `warning` (Node's spelling). */
  warn(message: unknown, ...args: unknown[]): void {
    this.log(LEVELS.WARNING, message, args);
  }
  error(message: unknown, ...args: unknown[]): void {
    this.log(LEVELS.ERROR, message, args);
  }
  critical(message: unknown, ...args: unknown[]): void {
    this.log(LEVELS.CRITICAL, message, args);
  }

  /** The level that decides: this logger's own, else the nearest ancestor's that is set. */
  effectiveLevel(): number {
    for (let l: Logger | undefined = this; l; l = l.parent) if (l.level !== LEVELS.NOTSET) return l.level;
    return LEVELS.NOTSET;
  }

  isEnabledFor(level: number): boolean {
    return !this.disabled && level >= this.effectiveLevel();
  }

  /** `util.format` arguments, as `console.log` takes them; an Error shows its stack. */
  log(level: number, message: unknown, args: unknown[] = []): void {
    if (!this.isEnabledFor(level)) return;
    const text = format(message instanceof Error ? (message.stack ?? message.message) : message, ...args);
    this.emit({ name: this.name, levelno: level, levelname: levelName(level), message: text, created: Date.now() });
  }

  private emit(record: LogRecord): void {
    let found = false;
    for (let l: Logger | undefined = this; l; l = l.propagate ? l.parent : undefined) {
      for (const h of l.handlers) {
        found = true;
        if (record.levelno >= h.level) h.handle(record);
      }
    }
    if (!found && record.levelno >= LEVELS.WARNING) lastResort(`${record.message}\n`);
  }
}

const root = new Logger("root", undefined);
root.level = LEVELS.WARNING;
const loggers = new Map<string, Logger>();

/** The logger named `name` (dotted: `app.models` is a child of `app`); the root without a name. */
export function getLogger(name?: string): Logger {
  if (name === undefined || name === "" || name === "root") return root;
  let logger = loggers.get(name);
  if (!logger) {
    const dot = name.lastIndexOf(".");
    logger = new Logger(name, dot === -1 ? root : getLogger(name.slice(0, dot)));
    loggers.set(name, logger);
  }
  return logger;
}

export function rootLogger(): Logger {
  return root;
}

export function allLoggers(): Logger[] {
  return [...loggers.values()];
}
