/**
 * Python's `logging.Formatter` for `%`-style formats: `%(asctime)s`, `%(name)s`, `%(levelname)-8s`,
 * `%(message)s`, … with Python's default time format (`2024-05-01 12:00:00,123`) or a `datefmt`.
 */
import { strftime } from "../compose/strftime.js";

export interface LogRecord {
  name: string;
  levelno: number;
  levelname: string;
  message: string;
  /** Milliseconds since the epoch. */
  created: number;
}

const FIELD = /%\((\w+)\)([-#0 +]*)(\d*)(?:\.(\d+))?([sdifrgeExX%])|%%/g;
const started = Date.now();

export class Formatter {
  constructor(
    readonly format = "%(message)s",
    readonly datefmt?: string,
  ) {}

  render(record: LogRecord): string {
    return this.format.replace(FIELD, (whole, key: string | undefined, flags: string, width: string, precision: string | undefined, conv: string) => {
      if (whole === "%%") return "%";
      const value = this.field(record, key as string);
      return pad(convert(value, conv, precision), flags, width);
    });
  }

  private field(record: LogRecord, key: string): unknown {
    switch (key) {
      case "asctime":
        return this.asctime(new Date(record.created));
      case "created":
        return record.created / 1000;
      case "msecs":
        return record.created % 1000;
      case "relativeCreated":
        return record.created - started;
      case "process":
        return process.pid;
      case "processName":
        return "MainProcess";
      case "threadName":
        return "MainThread";
      default:
        // Fields JavaScript has no cheap answer for (lineno, funcName, colorlog's log_color) render empty.
        return (record as unknown as Record<string, unknown>)[key] ?? "";
    }
  }

  private asctime(d: Date): string {
    if (this.datefmt) return strftime(this.datefmt, d);
    return `${strftime("%Y-%m-%d %H:%M:%S", d)},${String(d.getMilliseconds()).padStart(3, "0")}`;
  }
}

function convert(value: unknown, conv: string, precision: string | undefined): string {
  if (conv === "d" || conv === "i") return String(Math.trunc(Number(value)));
  if (conv === "f") return Number(value).toFixed(precision === undefined ? 6 : Number(precision));
  const text = String(value);
  return conv === "s" && precision !== undefined ? text.slice(0, Number(precision)) : text;
}

function pad(text: string, flags: string, width: string): string {
  if (!width) return text;
  return flags.includes("-") ? text.padEnd(Number(width)) : text.padStart(Number(width));
}
