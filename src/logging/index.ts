export { getLogger, Logger, type Handler } from "./logger.js";
export { configureLogging, type ConfigureLoggingOptions, type LoggingSession } from "./configure.js";
export { LEVELS } from "./levels.js";
export { Formatter, type LogRecord } from "./formatter.js";
export { configureHydraLogging } from "./hydra.js";
