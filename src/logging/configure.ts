/**
 * Hydra's `configure_log`: applies a Python `logging.config.dictConfig` mapping (what
 * `hydra/job_logging` and `hydra/hydra_logging` compose to) and `hydra.verbose`. Each configuration is
 * a session: closing it closes its files and puts every logger back as it was, so a job's logging
 * ends with the job.
 */
import { ConfigKeyError } from "../errors.js";
import { Formatter } from "./formatter.js";
import { createHandler, type Streams } from "./handlers.js";
import { LEVELS, parseLevel } from "./levels.js";
import { allLoggers, getLogger, rootLogger, type Handler, type Logger } from "./logger.js";

/** A logging configuration in force; `close()` closes its files and puts the loggers back. */
export interface LoggingSession {
  close(): void;
}

/** How `configureLogging` applies a config: verbosity, where the streams go, the config's name. */
export interface ConfigureLoggingOptions {
  /** `hydra.verbose`: true (root at DEBUG), a logger name, or a list of names. */
  verbose?: unknown;
  /** Where `ext://sys.stdout` / `ext://sys.stderr` write; the process's own by default. */
  streams?: Partial<Streams>;
  /** Names the config in errors (`hydra.job_logging`). */
  key?: string;
}

type Dict = Record<string, unknown>;

const processStreams: Streams = { stdout: (t) => void process.stdout.write(t), stderr: (t) => void process.stderr.write(t) };

/**
 * `config` null/undefined: Hydra's fallback (root at INFO to stdout in Hydra's format). A config whose
 * `root` is null (`hydra/job_logging=none`) changes nothing.
 */
export function configureLogging(config: unknown, options: ConfigureLoggingOptions = {}): LoggingSession {
  const saved = snapshot();
  const created: Handler[] = [];
  const streams = { ...processStreams, ...options.streams };
  try {
    if (config === null || config === undefined) fallback(streams, created);
    else if (isDict(config) && config.root !== null) applyDictConfig(config, streams, created, options.key ?? "logging");
    applyVerbose(options.verbose);
  } catch (e) {
    restore(saved, created);
    throw e;
  }
  let open = true;
  return {
    close: () => {
      if (open) restore(saved, created);
      open = false;
    },
  };
}

function fallback(streams: Streams, created: Handler[]): void {
  const formatter = new Formatter("[%(asctime)s][%(name)s][%(levelname)s] - %(message)s");
  const handler: Handler = { level: LEVELS.NOTSET, handle: (r) => streams.stdout(formatter.render(r) + "\n"), close: () => {} };
  created.push(handler);
  rootLogger().level = LEVELS.INFO;
  rootLogger().handlers = [...rootLogger().handlers, handler];
}

function applyDictConfig(config: Dict, streams: Streams, created: Handler[], key: string): void {
  const formatters = new Map<string, Formatter>();
  for (const [name, f] of entries(config.formatters)) formatters.set(name, new Formatter(isDict(f) && f.format !== undefined ? String(f.format) : undefined, isDict(f) && f.datefmt ? String(f.datefmt) : undefined));
  const handlers = new Map<string, Handler>();
  for (const [name, h] of entries(config.handlers)) {
    const handler = createHandler(name, isDict(h) ? h : {}, formatters, streams, `${key}.handlers`);
    if (handler) created.push(handler);
    if (handler) handlers.set(name, handler);
  }
  const configured = new Set(Object.keys(isDict(config.loggers) ? config.loggers : {}));
  const disableExisting = config.disable_existing_loggers !== false;
  for (const logger of allLoggers()) {
    const underConfigured = [...configured].some((n) => logger.name.startsWith(`${n}.`));
    if (underConfigured) Object.assign(logger, { level: LEVELS.NOTSET, handlers: [], propagate: true });
    else if (!configured.has(logger.name)) logger.disabled = disableExisting;
  }
  configureLogger(rootLogger(), isDict(config.root) ? config.root : {}, handlers, `${key}.root`);
  for (const [name, spec] of entries(config.loggers)) {
    const logger = getLogger(name);
    logger.disabled = false;
    logger.propagate = !isDict(spec) || spec.propagate !== false;
    configureLogger(logger, isDict(spec) ? spec : {}, handlers, `${key}.loggers.${name}`);
  }
}

function configureLogger(logger: Logger, spec: Dict, handlers: Map<string, Handler>, key: string): void {
  if (spec.level !== undefined) logger.level = parseLevel(spec.level, `${key}.level`);
  logger.handlers = (Array.isArray(spec.handlers) ? spec.handlers : []).map((name) => {
    const h = handlers.get(String(name));
    if (!h && !handlers.has(String(name))) throw new ConfigKeyError(`${key}.handlers: no handler '${String(name)}' is defined.`, { key: `${key}.handlers` });
    return h;
  }).filter((h): h is Handler => h !== undefined);
}

function applyVerbose(verbose: unknown): void {
  if (verbose === undefined || verbose === null || verbose === false) return;
  if (verbose === true) {
    rootLogger().level = LEVELS.DEBUG;
    return;
  }
  for (const name of Array.isArray(verbose) ? verbose : [verbose]) getLogger(String(name)).level = LEVELS.DEBUG;
}

interface SavedLogger {
  logger: Logger;
  level: number;
  handlers: Handler[];
  propagate: boolean;
  disabled: boolean;
}

function snapshot(): SavedLogger[] {
  return [rootLogger(), ...allLoggers()].map((logger) => ({ logger, level: logger.level, handlers: logger.handlers, propagate: logger.propagate, disabled: logger.disabled }));
}

function restore(saved: SavedLogger[], created: Handler[]): void {
  for (const h of created) h.close();
  const known = new Set(saved.map((s) => s.logger));
  for (const s of saved) Object.assign(s.logger, { level: s.level, handlers: s.handlers, propagate: s.propagate, disabled: s.disabled });
  // Loggers first made during the session go back to a fresh logger's state.
  for (const logger of allLoggers()) if (!known.has(logger)) Object.assign(logger, { level: LEVELS.NOTSET, handlers: [], propagate: true, disabled: false });
}

function isDict(v: unknown): v is Dict {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function entries(v: unknown): Array<[string, unknown]> {
  return isDict(v) ? Object.entries(v) : [];
}
