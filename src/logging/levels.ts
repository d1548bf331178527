/** Python's logging levels, by number and name. */
export const LEVELS = { NOTSET: 0, DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40, CRITICAL: 50 } as const;

export type LevelName = keyof typeof LEVELS;

const NAMES = new Map<number, string>(Object.entries(LEVELS).map(([k, v]) => [v, k]));

export function levelName(level: number): string {
  return NAMES.get(level) ?? `Level ${level}`;
}

/** `INFO`, `info`, `WARN`, 20: what a logging config may say. */
export function parseLevel(value: unknown, where: string): number {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  const name = String(value).toUpperCase();
  if (name === "WARN") return LEVELS.WARNING;
  if (name === "FATAL") return LEVELS.CRITICAL;
  if (name in LEVELS) return LEVELS[name as LevelName];
  throw new Error(`${where}: unknown logging level ${JSON.stringify(value)} (one of DEBUG, INFO, WARNING, ERROR, CRITICAL).`);
}
