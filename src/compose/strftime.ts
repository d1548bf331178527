/**
 * Python's `datetime.now().strftime(fmt)` for the directives Hydra configs use (local time).
 */
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function dayOfYear(d: Date): number {
  const start = new Date(d.getFullYear(), 0, 1);
  return Math.floor((d.getTime() - start.getTime()) / 86_400_000) + 1;
}

function utcOffset(d: Date): string {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? "+" : "-";
  return `${sign}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
}

const DIRECTIVES: Record<string, (d: Date) => string> = {
  Y: (d) => String(d.getFullYear()),
  y: (d) => pad(d.getFullYear() % 100),
  m: (d) => pad(d.getMonth() + 1),
  d: (d) => pad(d.getDate()),
  H: (d) => pad(d.getHours()),
  I: (d) => pad(d.getHours() % 12 === 0 ? 12 : d.getHours() % 12),
  p: (d) => (d.getHours() < 12 ? "AM" : "PM"),
  M: (d) => pad(d.getMinutes()),
  S: (d) => pad(d.getSeconds()),
  f: (d) => pad(d.getMilliseconds() * 1000, 6),
  j: (d) => pad(dayOfYear(d), 3),
  a: (d) => DAYS[d.getDay()]!.slice(0, 3),
  A: (d) => DAYS[d.getDay()]!,
  w: (d) => String(d.getDay()),
  b: (d) => MONTHS[d.getMonth()]!.slice(0, 3),
  B: (d) => MONTHS[d.getMonth()]!,
  z: utcOffset,
  "%": () => "%",
};

export function strftime(format: string, date: Date = new Date()): string {
  return format.replace(/%(.)/gs, (whole, c: string) => DIRECTIVES[c]?.(date) ?? whole);
}
