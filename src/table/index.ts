/**
 * Text tables, one way for every table hydrant prints: column widths in terminal columns (a wide
 * character takes two, a combining mark none), dotted keys for nested values, one number format,
 * and sorting that puts rows without a value last whichever the direction.
 */
import { eastAsianWidth } from "get-east-asian-width";

// Marks that combine with the character before them, format and control characters (zero-width
// joiner, variation selectors, bidi marks) take no column. string-width would also segment grapheme
// clusters, but its Intl.Segmenter costs the bin tens of milliseconds at start-up; code point by code
// point is exact for every table cell but emoji sequences joined with U+200D.
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;

/** Columns a string takes in a terminal. */
export function displayWidth(text: string): number {
  // Plain ASCII (nearly every cell) needs no Unicode tables.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const ch of text) width += ZERO_WIDTH.test(ch) ? 0 : eastAsianWidth(ch.codePointAt(0) ?? 0);
  return width;
}

/** `text` padded with spaces to `width` columns, on the right (or the left, for numbers). */
export function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "left" ? text + fill : fill + text;
}

/** `text` cut to at most `max` columns, ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = "";
  let width = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

export interface ColumnsOptions {
  /** Longest cell before it is cut with "…". */
  maxCellWidth?: number;
  /** Columns aligned right (numbers). */
  alignRight?: readonly boolean[];
}

/** A header, a rule of dashes, then the rows; two spaces between columns, no trailing blanks. */
export function formatColumns(header: readonly string[], rows: readonly (readonly string[])[], options: ColumnsOptions = {}): string[] {
  const max = options.maxCellWidth;
  const cells = [header, ...rows].map((r) => r.map((c) => (max === undefined ? c : truncate(c, max))));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ""))));
  const line = (r: readonly string[]) => r.map((c, i) => pad(c, widths[i], options.alignRight?.[i] ? "right" : "left")).join("  ").trimEnd();
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)];
}

/** Hydra's `| a | b |` table: a rule of dashes under the header and at the end (and above, if asked). */
export function formatPipeTable(header: readonly string[], rows: readonly (readonly string[])[], options: { ruleAbove?: boolean } = {}): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ""))));
  const line = (r: readonly string[]) => `| ${r.map((c, i) => pad(c, widths[i])).join(" | ")} |`;
  const rule = "-".repeat(displayWidth(line(header)));
  return [...(options.ruleAbove ? [rule] : []), line(header), rule, ...rows.map(line), rule];
}

/** An object's leaves by dotted key (`{a: {b: 1}}` → `a.b`); anything not an object under `whole`. */
export function flattenDotted(value: unknown, whole = "result"): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (v: unknown, prefix: string): void => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, prefix ? `${prefix}.${k}` : k);
    } else out.set(prefix || whole, v);
  };
  if (value !== undefined) walk(value, "");
  return out;
}

/** A number as tables show it: integers whole, others to 6 significant digits. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}

/**
 * Compares two sort keys: missing ones (undefined, null) last whichever the direction, numbers by
 * value, anything else as text; 0 when equal, for the caller's tie-break.
 */
export function compareMissingLast(x: unknown, y: unknown, descending: boolean, text: (v: unknown) => string = String): number {
  const xm = x === undefined || x === null;
  const ym = y === undefined || y === null;
  if (xm || ym) return xm === ym ? 0 : xm ? 1 : -1;
  const sign = descending ? -1 : 1;
  if (typeof x === "number" && typeof y === "number") return sign * (x - y);
  return sign * text(x).localeCompare(text(y));
}
