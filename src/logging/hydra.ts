/**
 * Hydra's two logging configs, read from a composed config: `hydra.job_logging` around each job of a
 * task function, `hydra.hydra_logging` for hydrant's own loggers in the process that runs the sweep.
 */
import type { ConfigDict } from "../config/node.js";
import { toPlainUnresolved } from "../config/node.js";
import { resolvePath } from "../compose/helpers.js";
import { configureLogging, type LoggingSession } from "./configure.js";
import type { Streams } from "./handlers.js";

export function configureHydraLogging(cfg: ConfigDict, which: "job_logging" | "hydra_logging", streams?: Partial<Streams>): LoggingSession {
  const node = resolvePath(cfg, `hydra.${which}`);
  const verbose = resolvePath(cfg, "hydra.verbose");
  return configureLogging(node === undefined ? undefined : toPlainUnresolved(node), { verbose: verbose === undefined ? undefined : toPlainUnresolved(verbose), streams, key: `hydra.${which}` });
}
