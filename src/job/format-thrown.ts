import { formatSystemError } from "../errors.js";

/** A thrown value as one line for the manifest and the results table. */
export function formatThrown(e: unknown): string {
  const system = formatSystemError(e);
  if (system) return system;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
