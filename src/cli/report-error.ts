import { HydrantError, formatSystemError } from "../errors.js";

/**
 * Turns any failure into what the user reads on stderr: the message and where it happened, no stack
 * trace unless HYDRANT_FULL_ERROR=1 (Hydra's HYDRA_FULL_ERROR, under our own name).
 */
export function formatError(err: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const full = env.HYDRANT_FULL_ERROR === "1";
  if (full && err instanceof Error && err.stack) return `${err.stack}${causeStack(err)}\n`;
  const lines: string[] = [];
  if (err instanceof HydrantError) {
    const where = err.location;
    const head = where && !err.message.includes(where) ? `${where}: ` : "";
    lines.push(`Error: ${head}${err.message}`);
  } else if (formatSystemError(err)) {
    lines.push(`Error: ${formatSystemError(err)}`);
  } else if (err instanceof Error) {
    // Not one of ours: an internal bug or a task's own exception. Still no stack by default.
    lines.push(`Error: ${err.message || err.name}`);
  } else {
    lines.push(`Error: ${String(err)}`);
  }
  lines.push("", "Set the environment variable HYDRANT_FULL_ERROR=1 for a complete stack trace.");
  return lines.join("\n") + "\n";
}

function causeStack(err: Error): string {
  const cause = (err as Error & { cause?: unknown }).cause;
  return cause instanceof Error && cause.stack ? `\nCaused by: ${cause.stack}` : "";
}
