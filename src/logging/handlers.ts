/**
 * The handlers a logging config can name, as Python's: a stream (stdout/stderr), a file (opened at
 * once, as Python's FileHandler does, so every job has its log file), or nothing.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { ConfigKeyError } from "../errors.js";
import { Formatter, type LogRecord } from "./formatter.js";
import type { Handler } from "./logger.js";
import { LEVELS, parseLevel } from "./levels.js";

export interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export type HandlerSpec = Record<string, unknown>;

const FILE_CLASSES = new Set(["logging.FileHandler", "logging.handlers.RotatingFileHandler", "logging.handlers.TimedRotatingFileHandler", "logging.handlers.WatchedFileHandler"]);

export function createHandler(name: string, spec: HandlerSpec, formatters: Map<string, Formatter>, streams: Streams, key: string): Handler | undefined {
  const cls = String(spec.class ?? "");
  const formatter = spec.formatter === undefined ? new Formatter() : formatters.get(String(spec.formatter));
  if (!formatter) throw new ConfigKeyError(`${key}.${name}.formatter: no formatter '${String(spec.formatter)}' in ${key.replace(/handlers$/, "formatters")}.`, { key: `${key}.${name}.formatter` });
  const level = spec.level === undefined ? LEVELS.NOTSET : parseLevel(spec.level, `${key}.${name}.level`);
  if (cls === "logging.StreamHandler") return streamHandler(level, formatter, spec.stream === "ext://sys.stdout" ? streams.stdout : streams.stderr);
  if (FILE_CLASSES.has(cls)) return fileHandler(level, formatter, spec, `${key}.${name}`);
  if (cls === "logging.NullHandler") return undefined;
  throw new ConfigKeyError(`${key}.${name}: handler class '${cls}' is not supported; use logging.StreamHandler, logging.FileHandler (or a rotating variant, written as a plain file) or logging.NullHandler.`, { key: `${key}.${name}.class` });
}

function streamHandler(level: number, formatter: Formatter, write: (text: string) => void): Handler {
  return { level, handle: (r: LogRecord) => write(formatter.render(r) + "\n"), close: () => {} };
}

function fileHandler(level: number, formatter: Formatter, spec: HandlerSpec, key: string): Handler {
  if (typeof spec.filename !== "string" || spec.filename === "") throw new ConfigKeyError(`${key}.filename: a file handler needs a filename.`, { key: `${key}.filename` });
  mkdirSync(path.dirname(path.resolve(spec.filename)), { recursive: true });
  // Synchronous writes: a line is on disk when log.info returns, in order, even if the job then crashes.
  let fd: number | undefined = openSync(spec.filename, spec.mode === "w" ? "w" : "a");
  return {
    level,
    handle: (r) => {
      if (fd !== undefined) writeSync(fd, formatter.render(r) + "\n");
    },
    close: () => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
