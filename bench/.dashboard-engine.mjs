import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/runs/manifest.ts
import { closeSync as closeSync2, existsSync, mkdirSync as mkdirSync2, openSync as openSync2, readFileSync, writeSync as writeSync2 } from "node:fs";
import path2 from "node:path";

// src/errors.ts
var HydrantError = class extends Error {
  file;
  line;
  column;
  key;
  override;
  constructor(message, details = {}) {
    super(message, details.cause === void 0 ? void 0 : { cause: details.cause });
    this.name = new.target.name;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.key = details.key;
    this.override = details.override;
  }
  /**
   * Adds where the problem is, when it was found away from the file (a merged config knows its values,
   * not the file each came from). Returns the error itself.
   */
  at(position) {
    const self = this;
    self.file = position.file;
    self.line = position.line;
    self.column = position.column;
    return this;
  }
  /** "file:line:column" (as much of it as is known), or undefined. */
  get location() {
    if (!this.file) return void 0;
    if (this.line === void 0) return this.file;
    return this.column === void 0 ? `${this.file}:${this.line}` : `${this.file}:${this.line}:${this.column}`;
  }
};
var OverrideParseError = class extends HydrantError {
};
var LaunchError = class extends HydrantError {
};

// src/runs/atomic.ts
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
var tmpCounter = 0;
function writeFileAtomic(file, content) {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${tmpCounter++}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

// src/runs/manifest.ts
var MANIFEST_FILE = "experiment.json";
var JOURNAL_FILE = "experiment.journal.jsonl";
var ManifestWriter = class _ManifestWriter {
  constructor(head, jobs, seq, options) {
    this.head = head;
    for (const j of jobs) this.jobs.set(j.num, j);
    this.seq = seq;
    this.intervalMs = options.snapshotIntervalMs ?? 250;
    mkdirSync2(head.sweepDir, { recursive: true });
    this.journalFd = openSync2(path2.join(head.sweepDir, JOURNAL_FILE), "a");
  }
  head;
  jobs = /* @__PURE__ */ new Map();
  journalFd;
  seq;
  lastSnapshotAt = 0;
  snapshotCost = 0;
  timer;
  intervalMs;
  closed = false;
  /** Starts a new manifest; `jobs` may list pending jobs known up front. */
  static create(init, options = {}) {
    const now = (/* @__PURE__ */ new Date()).toISOString();
    const head = { version: 1, sweepDir: init.sweepDir, createdAt: now, status: "running", launcher: init.launcher, total: init.total, origin: init.origin };
    const w = new _ManifestWriter(head, init.jobs ?? [], 0, options);
    w.flush();
    return w;
  }
  /** Continues an existing manifest (resume): same files, sequence numbers go on. */
  static open(sweepDir, options = {}) {
    const m = readManifest(sweepDir);
    const { jobs, seq, updatedAt: _u, ...head } = m;
    const w = new _ManifestWriter({ ...head, status: "running" }, jobs, seq, options);
    w.flush();
    return w;
  }
  get manifestPath() {
    return path2.join(this.head.sweepDir, MANIFEST_FILE);
  }
  job(num) {
    return this.jobs.get(num);
  }
  allJobs() {
    return [...this.jobs.values()].sort((a, b) => a.num - b.num);
  }
  get total() {
    return this.head.total;
  }
  /** Records a job change: journal line now, snapshot soon. */
  update(num, patch) {
    const prev = this.jobs.get(num) ?? { num, overrides: [], status: "pending" };
    const next = { ...prev, ...patch, num };
    this.jobs.set(num, next);
    this.append({ seq: ++this.seq, num, patch });
    this.scheduleSnapshot();
    return next;
  }
  /** Replaces a job's record (a job starting, possibly again after a failure or a crash). */
  replace(record) {
    this.jobs.set(record.num, record);
    this.append({ seq: ++this.seq, num: record.num, patch: record, replace: true });
    this.scheduleSnapshot();
    return record;
  }
  setSweep(patch) {
    Object.assign(this.head, patch);
    this.append({ seq: ++this.seq, sweep: patch });
    this.scheduleSnapshot();
  }
  snapshot() {
    return { ...this.head, updatedAt: (/* @__PURE__ */ new Date()).toISOString(), seq: this.seq, jobs: this.allJobs() };
  }
  /** Writes the snapshot now. */
  flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = void 0;
    const t0 = performance.now();
    writeFileAtomic(this.manifestPath, JSON.stringify(this.snapshot(), jsonSafe, 1) + "\n");
    this.snapshotCost = performance.now() - t0;
    this.lastSnapshotAt = Date.now();
  }
  close() {
    if (this.closed) return;
    this.flush();
    closeSync2(this.journalFd);
    this.closed = true;
  }
  append(line) {
    writeSync2(this.journalFd, JSON.stringify(line, jsonSafe) + "\n");
  }
  scheduleSnapshot() {
    if (this.timer || this.closed) return;
    const interval2 = Math.max(this.intervalMs, this.snapshotCost * 10);
    const wait = this.lastSnapshotAt + interval2 - Date.now();
    if (wait <= 0) return this.flush();
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref();
  }
};
function readManifest(sweepDir) {
  const file = path2.join(sweepDir, MANIFEST_FILE);
  if (!existsSync(file)) {
    throw new LaunchError(`No sweep manifest in '${sweepDir}' (expected ${MANIFEST_FILE}). Give the sweep dir of a multirun.`, { file });
  }
  let m;
  try {
    m = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new LaunchError(`Cannot read ${file}: ${e.message}`, { file, cause: e });
  }
  const jobs = new Map(m.jobs.map((j) => [j.num, j]));
  for (const line of readJournal(path2.join(sweepDir, JOURNAL_FILE))) {
    if (line.seq <= m.seq) continue;
    m.seq = line.seq;
    if (line.sweep) Object.assign(m, line.sweep);
    if (line.num !== void 0 && line.patch) {
      const prev = line.replace ? void 0 : jobs.get(line.num);
      jobs.set(line.num, { ...prev ?? { num: line.num, overrides: [], status: "pending" }, ...line.patch, num: line.num });
    }
  }
  m.jobs = [...jobs.values()].sort((a, b) => a.num - b.num);
  return m;
}
function* readJournal(file) {
  if (!existsSync(file)) return;
  for (const text2 of readFileSync(file, "utf8").split("\n")) {
    if (!text2) continue;
    try {
      yield JSON.parse(text2);
    } catch {
    }
  }
}
function jsonSafe(_key, value) {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "function" || typeof value === "symbol") return String(value);
  if (value instanceof Error) return { error: value.message };
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}
function countJobs(m) {
  const c = { pending: 0, running: 0, completed: 0, failed: 0 };
  for (const j of m.jobs) c[j.status]++;
  c.pending += Math.max(0, m.total - m.jobs.length);
  return c;
}

// src/dashboard/server.ts
import http from "node:http";

// src/dashboard/catalog.ts
import { statSync as statSync2 } from "node:fs";
import path5 from "node:path";

// src/dashboard/discover.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync2, readdirSync, statSync } from "node:fs";
import path3 from "node:path";
var DEFAULT_ROOTS = ["multirun", "outputs", "experiments"];
var MAX_DEPTH = 4;
function discoverSweeps(roots, cwd) {
  const dirs = /* @__PURE__ */ new Set();
  for (const root of roots.length > 0 ? roots : DEFAULT_ROOTS) walk(path3.resolve(cwd, root), 0, dirs);
  return [...dirs].sort().map((dir) => ({ id: sweepId(dir), dir, name: displayName(dir, cwd) }));
}
function walk(dir, depth, out) {
  if (existsSync2(path3.join(dir, MANIFEST_FILE))) {
    out.add(dir);
    return;
  }
  if (depth >= MAX_DEPTH || !isDir(dir)) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules").map((e) => e.name);
  } catch {
    return;
  }
  for (const name of entries) walk(path3.join(dir, name), depth + 1, out);
}
function isDir(p) {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
function sweepId(dir) {
  return createHash("sha1").update(dir).digest("hex").slice(0, 12);
}
function displayName(dir, cwd) {
  const rel = path3.relative(cwd, dir);
  return rel && !rel.startsWith("..") && !path3.isAbsolute(rel) ? rel.split(path3.sep).join("/") : dir;
}

// src/dashboard/model.ts
import path4 from "node:path";

// src/runs/results-table.ts
function flattenResult(result) {
  const out = /* @__PURE__ */ new Map();
  const walk2 = (v, prefix) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) walk2(x, prefix ? `${prefix}.${k}` : k);
    } else out.set(prefix || "result", v);
  };
  if (result !== void 0) walk2(result, "");
  return out;
}

// src/overrides/floats.ts
var floatSlots = /* @__PURE__ */ new WeakMap();
function markFloat(holder, slot) {
  let slots = floatSlots.get(holder);
  if (!slots) {
    slots = /* @__PURE__ */ new Set();
    floatSlots.set(holder, slots);
  }
  slots.add(slot);
}

// src/overrides/types.ts
var QuotedString = class {
  constructor(text2, quote) {
    this.text = text2;
    this.quote = quote;
  }
  text;
  quote;
  /**
   * The string as written on the command line, quotes included. Like Hydra's `with_quotes`, it escapes
   * the quote character and doubles only the backslashes that precede a quote or end the string (the
   * others are literal for the lexer), so `'c:\dir'` prints back as typed.
   */
  withQuotes() {
    const q = this.quote;
    let out = "";
    let run = 0;
    for (const ch of this.text) {
      if (ch === "\\") {
        run++;
        continue;
      }
      out += "\\".repeat(ch === q ? run * 2 + 1 : run) + ch;
      run = 0;
    }
    return q + out + "\\".repeat(run * 2) + q;
  }
};

// src/overrides/pyformat.ts
function pyFloatRepr(n) {
  if (Number.isNaN(n)) return "nan";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  if (n === 0) return Object.is(n, -0) ? "-0.0" : "0.0";
  const sign = n < 0 ? "-" : "";
  const [mantissa = "", expText = "0"] = Math.abs(n).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  if (exp >= -4 && exp < 16) return sign + fixedNotation(digits, exp);
  const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
  const expSign = exp < 0 ? "-" : "+";
  return `${sign}${digits[0]}${frac}e${expSign}${String(Math.abs(exp)).padStart(2, "0")}`;
}
function fixedNotation(digits, exp) {
  if (exp < 0) return `0.${"0".repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${intPart}.${frac || "0"}`;
}
function pyIntStr(n) {
  if (!Number.isFinite(n)) return pyFloatRepr(n);
  return Number.isSafeInteger(n) ? String(n) : BigInt(Math.trunc(n)).toString();
}

// src/overrides/pyvalues.ts
var PyFloat = class {
  constructor(value) {
    this.value = value;
  }
  value;
};
var PyDict = class {
  constructor(entries = /* @__PURE__ */ new Map()) {
    this.entries = entries;
  }
  entries;
};
var PyChoice = class {
  constructor(list, simpleForm = false, shuffle2 = false, tags = /* @__PURE__ */ new Set()) {
    this.list = list;
    this.simpleForm = simpleForm;
    this.shuffle = shuffle2;
    this.tags = tags;
  }
  list;
  simpleForm;
  shuffle;
  tags;
};
var PyRange = class {
  constructor(start, stop, step = 1, shuffle2 = false, tags = /* @__PURE__ */ new Set()) {
    this.start = start;
    this.stop = stop;
    this.step = step;
    this.shuffle = shuffle2;
    this.tags = tags;
  }
  start;
  stop;
  step;
  shuffle;
  tags;
};
var PyInterval = class {
  constructor(start, end, tags = /* @__PURE__ */ new Set()) {
    this.start = start;
    this.end = end;
    this.tags = tags;
  }
  start;
  end;
  tags;
};
var PyGlob = class {
  constructor(include, exclude) {
    this.include = include;
    this.exclude = exclude;
  }
  include;
  exclude;
};
var PyError = class extends Error {
  constructor(type, message) {
    super(message);
    this.type = type;
  }
  type;
};
var typeError = (msg) => new PyError("TypeError", msg);
var valueError = (msg) => new PyError("ValueError", msg);
function isPyNumber(v) {
  return typeof v === "number" || typeof v === "boolean" || v instanceof PyFloat;
}
function isSweep(v) {
  return v instanceof PyChoice || v instanceof PyRange || v instanceof PyInterval;
}
function isPrimitive(v) {
  return typeof v === "string" || isPyNumber(v);
}
function numValue(v) {
  if (v instanceof PyFloat) return v.value;
  return typeof v === "boolean" ? Number(v) : v;
}
function typeName(v) {
  if (v === null || v === void 0) return "NoneType";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "int";
  if (typeof v === "string") return "str";
  if (v instanceof PyFloat) return "float";
  if (v instanceof QuotedString) return "QuotedString";
  if (Array.isArray(v)) return "list";
  if (v instanceof PyDict) return "dict";
  if (v instanceof PyChoice) return "ChoiceSweep";
  if (v instanceof PyRange) return "RangeSweep";
  if (v instanceof PyInterval) return "IntervalSweep";
  return "Glob";
}
function pyRepr(v) {
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return pyIntStr(v);
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (typeof v === "string") return pyStrRepr(v);
  if (v instanceof QuotedString) return `QuotedString(text=${pyStrRepr(v.text)}, quote=${v.quote === "'" ? "single" : "double"})`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  if (v instanceof PyDict) {
    return `{${[...v.entries.values()].map((e) => `${pyRepr(e.key)}: ${pyRepr(e.value)}`).join(", ")}}`;
  }
  if (v instanceof PyChoice) return `ChoiceSweep(list=${pyRepr(v.list)}, simple_form=${pyRepr(v.simpleForm)})`;
  if (v instanceof PyRange) return `RangeSweep(start=${pyRepr(v.start)}, stop=${pyRepr(v.stop)}, step=${pyRepr(v.step)})`;
  if (v instanceof PyInterval) return `IntervalSweep(start=${pyRepr(v.start)}, end=${pyRepr(v.end)})`;
  return `Glob(include=${pyRepr(v.include)}, exclude=${pyRepr(v.exclude)})`;
}
function pyStrRepr(s) {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "	") out += "\\t";
    else if (code < 32 || code === 127) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}
function pyEquals(a, b) {
  if (isPyNumber(a) && isPyNumber(b)) return numValue(a) === numValue(b);
  if (typeof a === "string" || typeof b === "string") return a === b;
  if (a === null || b === null) return a === b;
  if (a instanceof QuotedString && b instanceof QuotedString) return a.text === b.text && a.quote === b.quote;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => pyEquals(x, b[i]));
  if (a instanceof PyDict && b instanceof PyDict) {
    if (a.entries.size !== b.entries.size) return false;
    for (const [k, e] of a.entries) {
      const other = b.entries.get(k);
      if (!other || !pyEquals(e.value, other.value)) return false;
    }
    return true;
  }
  return a === b;
}
function unorderable(a, b) {
  return typeError(`'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}
function pyLess(a, b) {
  if (isPyNumber(a) && isPyNumber(b)) return numValue(a) < numValue(b);
  if (typeof a === "string" && typeof b === "string") return compareCodePoints(a, b) < 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const x = a[i];
      const y = b[i];
      if (!pyEquals(x, y)) return pyLess(x, y);
    }
    return a.length < b.length;
  }
  throw unorderable(a, b);
}
function compareCodePoints(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
function pySorted(items, reverse = false) {
  const a = reverse ? [...items].reverse() : [...items];
  if (a.length >= 2) {
    let run = 2;
    const descending = pyLess(a[1], a[0]);
    while (run < a.length && pyLess(a[run], a[run - 1]) === descending) run++;
    if (descending) reverseRange(a, 0, run);
    binaryInsertionSort(a, run);
  }
  return reverse ? a.reverse() : a;
}
function reverseRange(a, lo, hi) {
  for (let i = lo, j = hi - 1; i < j; i++, j--) [a[i], a[j]] = [a[j], a[i]];
}
function binaryInsertionSort(a, sortedPrefix) {
  for (let start = sortedPrefix; start < a.length; start++) {
    const pivot = a[start];
    let lo = 0;
    let hi = start;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (pyLess(pivot, a[mid])) hi = mid;
      else lo = mid + 1;
    }
    a.splice(start, 1);
    a.splice(lo, 0, pivot);
  }
}
function pyInt(v) {
  if (typeof v === "boolean") return Number(v);
  if (typeof v === "number") return v;
  if (v instanceof PyFloat) {
    if (Number.isNaN(v.value)) throw valueError("cannot convert float NaN to integer");
    if (!Number.isFinite(v.value)) throw new PyError("OverflowError", "cannot convert float infinity to integer");
    return Math.trunc(v.value) + 0;
  }
  const s = v.trim();
  if (!/^[+-]?\d+(?:_\d+)*$/.test(s)) throw valueError(`invalid literal for int() with base 10: ${pyStrRepr(v)}`);
  return Number(s.replace(/_/g, ""));
}
function pyFloat(v) {
  if (v instanceof PyFloat) return v;
  if (typeof v !== "string") return new PyFloat(Number(v));
  const s = v.trim();
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    const sign = special[1] === "-" ? -1 : 1;
    return new PyFloat(special[2]?.toLowerCase() === "nan" ? NaN : sign * Infinity);
  }
  const digits = "\\d+(?:_\\d+)*";
  const number = new RegExp(`^[+-]?(?:(?:${digits})?\\.${digits}|${digits}\\.?)(?:[eE][+-]?${digits})?$`);
  if (!number.test(s)) throw valueError(`could not convert string to float: ${pyStrRepr(v)}`);
  return new PyFloat(Number(s.replace(/_/g, "")));
}
function pyStr(v) {
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return pyIntStr(v);
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  return v;
}
function pyTruthy(v) {
  if (v === null) return false;
  if (typeof v === "string") return v.length > 0;
  if (typeof v === "boolean") return v;
  return numValue(v) !== 0;
}

// src/overrides/casts.ts
var assertionError = () => new PyError("AssertionError", "");
function normalize(rest, value) {
  if (rest.length > 0 && value !== null) throw new PyError("TypeError", "cannot use both position and named arguments");
  if (value !== null) return value;
  if (rest.length === 0) throw new PyError("TypeError", "No positional args or value specified");
  if (rest.length === 1) return rest[0];
  return listToSimpleChoice(rest);
}
function listToSimpleChoice(args) {
  if (args.some((a) => isSweep(a) || a instanceof PyGlob)) throw assertionError();
  return new PyChoice([...args], true);
}
function mapDict(d, f) {
  return new PyDict(new Map([...d.entries].map(([k, e]) => [k, { key: e.key, value: f(e.value) }])));
}
function castChoice(c, f) {
  const list = c.list.map((item) => {
    const out = f(item);
    if (out === null || out instanceof QuotedString || isSweep(out) || out instanceof PyGlob) throw assertionError();
    return out;
  });
  return new PyChoice(list, c.simpleForm, c.shuffle, new Set(c.tags));
}
function castRange(r, f, numeric) {
  if (!numeric) throw new PyError("ValueError", "Range can only be cast to int or float");
  const num = (v) => f(v);
  return new PyRange(num(r.start), num(r.stop), num(r.step), r.shuffle, new Set(r.tags));
}
function castWith(v, self, primitive, opts) {
  if (v instanceof QuotedString) return self(v.text);
  if (v instanceof PyDict) return mapDict(v, self);
  if (Array.isArray(v)) return v.map(self);
  if (v instanceof PyChoice) return castChoice(v, self);
  if (v instanceof PyRange) return castRange(v, self, opts.numeric);
  if (v instanceof PyInterval) {
    if (opts.intervalError) throw new PyError("ValueError", opts.intervalError);
    return new PyInterval(self(v.start), self(v.end), new Set(v.tags));
  }
  if (v instanceof PyGlob) throw assertionError();
  return primitive(v);
}
var requirePrimitive = (p) => {
  if (!isPrimitive(p)) throw assertionError();
  return p;
};
var intOne = (v) => castWith(v, intOne, (p) => pyInt(requirePrimitive(p)), { numeric: true });
var floatOne = (v) => castWith(v, floatOne, (p) => pyFloat(requirePrimitive(p)), { numeric: true });
var strOne = (v) => castWith(v, strOne, (p) => pyStr(requirePrimitive(p)), {
  numeric: false,
  intervalError: "Intervals cannot be cast to str"
});
var boolOne = (v) => castWith(v, boolOne, (p) => toBool(p), { numeric: false, intervalError: "Intervals cannot be cast to bool" });
function toBool(p) {
  if (typeof p !== "string") return pyTruthy(p);
  const lower = p.toLowerCase();
  if (lower === "false") return false;
  if (lower === "true") return true;
  throw new PyError("ValueError", `Cannot cast '${p}' to bool`);
}
var castInt = (rest, value) => intOne(normalize(rest, value));
var castFloat = (rest, value) => floatOne(normalize(rest, value));
var castStr = (rest, value) => strOne(normalize(rest, value));
var castBool = (rest, value) => boolOne(normalize(rest, value));
var extractText = (v) => {
  if (v instanceof QuotedString) return v.text;
  if (v instanceof PyDict) return mapDict(v, extractText);
  if (Array.isArray(v)) return v.map(extractText);
  if (v instanceof PyChoice) return castChoice(v, extractText);
  if (v instanceof PyRange) return castRange(v, extractText, false);
  return v;
};
function castJsonStr(rest, value) {
  const v = normalize(rest, value);
  if (v instanceof PyChoice) return castChoice(castChoice(v, extractText), (x) => jsonDumps(x));
  if (v instanceof PyRange) return castRange(v, extractText, false);
  if (v instanceof PyInterval) throw new PyError("ValueError", "Intervals cannot be cast to json_str");
  return jsonDumps(extractText(v));
}
function jsonDumps(v) {
  if (v === null) return "null";
  if (v === true) return "true";
  if (v === false) return "false";
  if (typeof v === "number") return pyIntStr(v);
  if (v instanceof PyFloat) return jsonFloat(v.value);
  if (typeof v === "string") return jsonString(v);
  if (v instanceof QuotedString) return jsonString(v.text);
  if (Array.isArray(v)) return `[${v.map(jsonDumps).join(", ")}]`;
  if (v instanceof PyDict) {
    const items = [...v.entries.values()].map((e) => `${jsonString(jsonKey(e.key))}: ${jsonDumps(e.value)}`);
    return `{${items.join(", ")}}`;
  }
  throw new PyError("TypeError", `Object of type ${typeName(v)} is not JSON serializable`);
}
function jsonFloat(n) {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "Infinity";
  if (n === -Infinity) return "-Infinity";
  return pyFloatRepr(n);
}
function jsonKey(k) {
  if (typeof k === "string") return k;
  if (k === null) return "null";
  if (typeof k === "boolean") return k ? "true" : "false";
  if (typeof k === "number") return pyIntStr(k);
  if (k instanceof PyFloat) return jsonFloat(k.value);
  throw new PyError("TypeError", `keys must be str, int, float, bool or None, not ${typeName(k)}`);
}
function jsonString(s) {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "	") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (c < 32 || c > 126) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

// src/overrides/decimal.ts
var PRECISION = 28;
var Decimal = class _Decimal {
  /** value = coef × 10^exp */
  constructor(coef, exp) {
    this.coef = coef;
    this.exp = exp;
  }
  coef;
  exp;
  /** The exact decimal value of a finite double. */
  static fromNumber(x) {
    if (!Number.isFinite(x)) throw new RangeError(`cannot convert ${x} to Decimal`);
    if (Number.isInteger(x)) return new _Decimal(BigInt(x), 0);
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    const hi = view.getUint32(0);
    const lo = view.getUint32(4);
    const negative = hi >>> 31 === 1;
    const biasedExp = hi >>> 20 & 2047;
    let mantissa = BigInt(hi & 1048575) << 32n | BigInt(lo);
    let exp2;
    if (biasedExp === 0) exp2 = -1074;
    else {
      mantissa |= 1n << 52n;
      exp2 = biasedExp - 1075;
    }
    const coef = mantissa * 5n ** BigInt(-exp2);
    return new _Decimal(negative ? -coef : coef, exp2);
  }
  add(other) {
    const exp = Math.min(this.exp, other.exp);
    const sum = this.scaled(exp) + other.scaled(exp);
    return _Decimal.rounded(sum, exp);
  }
  compare(other) {
    const exp = Math.min(this.exp, other.exp);
    const a = this.scaled(exp);
    const b = other.scaled(exp);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  isPositive() {
    return this.coef > 0n;
  }
  isNegative() {
    return this.coef < 0n;
  }
  /** Python's `float(Decimal)`: correctly rounded, which JS's decimal-string parsing also is. */
  toNumber() {
    return Number(`${this.coef}e${this.exp}`);
  }
  scaled(exp) {
    return this.coef * 10n ** BigInt(this.exp - exp);
  }
  static rounded(coef, exp) {
    const negative = coef < 0n;
    let magnitude = negative ? -coef : coef;
    const extra = magnitude.toString().length - PRECISION;
    if (extra > 0) {
      const divisor = 10n ** BigInt(extra);
      let quotient = magnitude / divisor;
      const twiceRemainder = magnitude % divisor * 2n;
      if (twiceRemainder > divisor || twiceRemainder === divisor && quotient % 2n === 1n) quotient += 1n;
      magnitude = quotient;
      exp += extra;
    }
    return new _Decimal(negative ? -magnitude : magnitude, exp);
  }
};

// src/overrides/ranges.ts
function* rangeValues(start, stop, step, isFloat) {
  if (isFloat || ![start, stop, step].every(Number.isInteger)) {
    yield* floatRange(start, stop, step);
    return;
  }
  if (step === 0) throw new PyError("ValueError", "range() arg 3 must not be zero");
  for (let v = start; step > 0 ? v < stop : v > stop; v += step) yield v;
}
function* floatRange(start, stop, step) {
  if (step === 0 || ![start, stop, step].every(Number.isFinite)) {
    const show = (n) => Number.isInteger(n) ? pyIntStr(n) : pyFloatRepr(n);
    throw new PyError("HydraException", `Invalid range values (start:${show(start)}, stop:${show(stop)}, step:${show(step)})`);
  }
  let current = Decimal.fromNumber(start);
  const end = Decimal.fromNumber(stop);
  const increment = Decimal.fromNumber(step);
  const ascending = increment.isPositive();
  while (ascending ? current.compare(end) < 0 : current.compare(end) > 0) {
    yield current.toNumber();
    current = current.add(increment);
  }
}
function rangeExtent(start, stop, step, isFloat) {
  if (!isFloat && [start, stop, step].every(Number.isInteger) && step !== 0) {
    const span = step > 0 ? stop - start : start - stop;
    const count2 = span <= 0 ? 0 : Math.ceil(span / Math.abs(step));
    return { count: count2, last: count2 > 0 ? start + step * (count2 - 1) : void 0 };
  }
  let count = 0;
  let last;
  for (const v of rangeValues(start, stop, step, isFloat)) {
    count++;
    last = v;
  }
  return { count, last };
}

// src/overrides/ordering.ts
function shuffleFn(args, sweep, list) {
  if (list !== null) return shuffleFn([list], null, null);
  if (sweep !== null) return shuffleFn([sweep], null, null);
  if (args.length !== 1) {
    const choice2 = listToSimpleChoice(args);
    choice2.shuffle = true;
    return choice2;
  }
  const only = args[0];
  if (only instanceof PyChoice) return Object.assign(copyChoice(only), { shuffle: true });
  if (only instanceof PyRange) return Object.assign(copyRange(only), { shuffle: true });
  if (Array.isArray(only)) return shuffled(only);
  return [only];
}
function shuffled(items) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
function sortFn(args, sweep, list, reverse) {
  if (list !== null) return sortFn([list], null, null, reverse);
  if (sweep !== null) return sortSweep(sweep, reverse);
  if (args.length === 1) {
    const only = args[0];
    if (only instanceof PyChoice || only instanceof PyRange) return sortSweep(only, reverse);
    if (Array.isArray(only)) return pySorted(only, reverse);
    if (isElement(only)) return only;
    throw new PyError("TypeError", `Invalid arguments: ${tupleRepr(args)}`);
  }
  if (!args.every(isPrimitive)) throw new PyError("TypeError", `Invalid arguments: ${tupleRepr(args)}`);
  if (args.length === 0) throw new PyError("ValueError", "empty sort input");
  return sortSweep(listToSimpleChoice(args), reverse);
}
function isElement(v) {
  return isPrimitive(v) || v === null || v instanceof QuotedString || Array.isArray(v) || v instanceof PyDict;
}
function tupleRepr(args) {
  return args.length === 1 ? `(${pyRepr(args[0])},)` : `(${args.map(pyRepr).join(", ")})`;
}
function copyChoice(c) {
  return new PyChoice(c.list, c.simpleForm, c.shuffle, c.tags);
}
function copyRange(r) {
  return new PyRange(r.start, r.stop, r.step, r.shuffle, r.tags);
}
function sortSweep(sweep, reverse) {
  if (sweep instanceof PyChoice) {
    const sorted = copyChoice(sweep);
    sorted.list = pySorted(sweep.list, reverse);
    return sorted;
  }
  return sortRange(copyRange(sweep), reverse);
}
function sortRange(r, reverse) {
  const step = numValue(r.step);
  if (step > 0 !== reverse) return r;
  const isFloat = [r.start, r.stop, r.step].some((v) => v instanceof PyFloat);
  let extent;
  try {
    extent = rangeExtent(numValue(r.start), numValue(r.stop), step, isFloat);
  } catch {
    return r;
  }
  if (extent.count > 1 && extent.last !== void 0) {
    const first = r.start;
    const wrap = (n) => isFloat ? new PyFloat(n) : n;
    r.start = wrap(extent.last);
    r.stop = wrap(numValue(first) - step);
    r.step = wrap(-step);
  }
  return r;
}

// src/overrides/functions.ts
var Functions = class {
  defs = /* @__PURE__ */ new Map();
  register(fn) {
    if (this.defs.has(fn.name)) throw new PyError("HydraException", `Function named '${fn.name}' is already registered`);
    this.defs.set(fn.name, fn);
  }
  names() {
    return [...this.defs.keys()].sort();
  }
  /** Calls `name`; failures are PyErrors carrying the Python exception name Hydra would report. */
  eval(name, args, kwargs) {
    const fn = this.defs.get(name);
    if (!fn) {
      throw new PyError("HydraException", `Unknown function '${name}'
Available: ${this.names().join(",")}
`);
    }
    const unquote2 = (v) => v instanceof QuotedString ? v.text : v;
    const bound = bind(fn.params, args.map(unquote2), new Map([...kwargs].map(([k, v]) => [k, unquote2(v)])));
    return fn.call(bound);
  }
};
function bind(params, args, kwargs) {
  const named = /* @__PURE__ */ new Map();
  const explicit = /* @__PURE__ */ new Set();
  let rest = [];
  let next = 0;
  for (const p of params) {
    if (next >= args.length) break;
    if (p.kind === "varargs") {
      rest = args.slice(next);
      next = args.length;
    } else if (p.kind === "keyword") {
      break;
    } else {
      if (kwargs.has(p.name)) throw typeError(`multiple values for argument '${p.name}'`);
      named.set(p.name, args[next++]);
      explicit.add(p.name);
    }
  }
  if (next < args.length) throw typeError("too many positional arguments");
  for (const p of params) {
    if (p.kind === "varargs" || explicit.has(p.name)) continue;
    if (kwargs.has(p.name)) {
      named.set(p.name, kwargs.get(p.name));
      explicit.add(p.name);
    } else if ("default" in p) {
      named.set(p.name, p.default);
    } else {
      throw typeError(`missing a required argument: '${p.name}'`);
    }
  }
  for (const k of kwargs.keys()) {
    const p = params.find((q) => q.name === k && q.kind !== "varargs");
    if (!p) throw typeError(`got an unexpected keyword argument '${k}'`);
  }
  checkTypes(params, named, explicit, rest);
  return { named, rest };
}
function checkTypes(params, named, explicit, rest) {
  for (const p of params) {
    if (p.kind === "varargs") {
      rest.forEach((v, i) => {
        if (!p.type.test(v)) throw mismatch(`${p.name}[${i}]`, v, p.type);
      });
    } else if (explicit.has(p.name)) {
      const v = named.get(p.name);
      if (!p.type.test(v)) throw mismatch(p.name, v, p.type);
    }
  }
}
function mismatch(name, v, type) {
  return typeError(`mismatch type argument ${name}: ${typeName(v)} is incompatible with ${type.display}`);
}
var isStr = (v) => typeof v === "string";
var isNum = (v) => isPyNumber(v);
var isList = (v) => Array.isArray(v);
var isDict = (v) => v instanceof PyDict;
var isNone = (v) => v === null;
function union(display, ...tests) {
  return { display, test: (v) => tests.some((t) => t(v)) };
}
var elementTests = [isStr, isNum, isList, isDict];
var TYPES = {
  any: { display: "Any", test: () => true },
  bool: { display: "bool", test: (v) => typeof v === "boolean" },
  number: union("Union[int, float]", isNum),
  optionalNumber: union("Optional[Union[int, float]]", isNum, isNone),
  choiceArg: union(
    "Union[str, int, float, bool, Dict[Any, Any], List[Any], ChoiceSweep]",
    ...elementTests,
    (v) => v instanceof PyChoice
  ),
  orderable: union(
    "Union[str, int, bool, float, List[Any], Dict[str, Any], ChoiceSweep, RangeSweep]",
    ...elementTests,
    (v) => v instanceof PyChoice || v instanceof PyRange
  ),
  optionalOrderableSweep: union(
    "Optional[Union[ChoiceSweep, RangeSweep]]",
    (v) => v instanceof PyChoice || v instanceof PyRange,
    isNone
  ),
  optionalList: union("Optional[List[Any]]", isList, isNone),
  tagArg: union("Union[str, Sweep]", isStr, isSweep),
  optionalSweep: union("Optional[Sweep]", isSweep, isNone),
  castable: union(
    "Union[str, int, float, bool, List[Any], Dict[str, Any], QuotedString, NoneType, Sweep]",
    ...elementTests,
    isNone,
    (v) => v instanceof QuotedString || isSweep(v)
  ),
  globPatterns: union("Union[List[str], str]", isList, isStr),
  optionalGlobPatterns: union("Optional[Union[List[str], str]]", isList, isStr, isNone)
};
var arg = (b, name) => b.named.get(name) ?? null;
function castFunction(name, cast, type) {
  return {
    name,
    params: [
      { name: "args", kind: "varargs", type },
      { name: "value", kind: "keyword", type: union(`Optional[${type.display}]`, type.test, isNone), default: null }
    ],
    call: (b) => cast(b.rest, arg(b, "value"))
  };
}
var choice = {
  name: "choice",
  params: [{ name: "args", kind: "varargs", type: TYPES.choiceArg }],
  call: ({ rest }) => {
    if (rest.length === 0) throw new PyError("ValueError", "empty choice is not legal");
    const first = rest[0];
    if (rest.length === 1 && first instanceof PyChoice) {
      if (!first.simpleForm) throw new PyError("ValueError", "nesting choices is not supported");
      first.simpleForm = false;
      return first;
    }
    if (rest.some(isSweep)) throw new PyError("ValueError", "nesting choices is not supported");
    return new PyChoice(rest);
  }
};
var range = {
  name: "range",
  params: [
    { name: "start", kind: "positional", type: TYPES.number },
    { name: "stop", kind: "positional", type: TYPES.optionalNumber, default: null },
    { name: "step", kind: "positional", type: TYPES.number, default: 1 }
  ],
  call: (b) => {
    let start = arg(b, "start");
    let stop = arg(b, "stop");
    if (stop === null) {
      stop = start;
      start = 0;
    }
    return new PyRange(toNum(start), toNum(stop), toNum(arg(b, "step")));
  }
};
function toNum(v) {
  return typeof v === "boolean" ? Number(v) : v;
}
var interval = {
  name: "interval",
  params: [
    { name: "start", kind: "positional", type: TYPES.number },
    { name: "end", kind: "positional", type: TYPES.number }
  ],
  call: (b) => {
    const f = (v) => new PyFloat(v instanceof PyFloat ? v.value : Number(v));
    return new PyInterval(f(arg(b, "start")), f(arg(b, "end")));
  }
};
var tag = {
  name: "tag",
  params: [
    { name: "args", kind: "varargs", type: TYPES.tagArg },
    { name: "sweep", kind: "keyword", type: TYPES.optionalSweep, default: null }
  ],
  call: (b) => applyTags(b.rest, arg(b, "sweep"))
};
function applyTags(args, sweep) {
  if (args.length < 1) throw new PyError("ValueError", "Not enough arguments to tag, must take at least a sweep");
  if (sweep !== null) return applyTags([...args, sweep], null);
  const last = args[args.length - 1];
  if (!isSweep(last)) {
    throw new PyError("ValueError", "Last argument to tag() must be a choice(), range() or interval(), got NoneType");
  }
  const tags = /* @__PURE__ */ new Set();
  for (const t of args.slice(0, -1)) {
    if (typeof t !== "string") throw new PyError("ValueError", `tag arguments type must be string, got ${typeName(t)}`);
    tags.add(t);
  }
  last.tags = tags;
  return last;
}
var shuffle = {
  name: "shuffle",
  params: [
    { name: "args", kind: "varargs", type: TYPES.orderable },
    { name: "sweep", kind: "keyword", type: TYPES.optionalOrderableSweep, default: null },
    { name: "list", kind: "keyword", type: TYPES.optionalList, default: null }
  ],
  call: (b) => shuffleFn(b.rest, arg(b, "sweep"), arg(b, "list"))
};
var sort = {
  name: "sort",
  params: [
    { name: "args", kind: "varargs", type: TYPES.orderable },
    { name: "sweep", kind: "keyword", type: TYPES.optionalOrderableSweep, default: null },
    { name: "list", kind: "keyword", type: TYPES.optionalList, default: null },
    { name: "reverse", kind: "keyword", type: TYPES.bool, default: false }
  ],
  call: (b) => sortFn(b.rest, arg(b, "sweep"), arg(b, "list"), arg(b, "reverse") === true)
};
var glob = {
  name: "glob",
  params: [
    { name: "include", kind: "positional", type: TYPES.globPatterns },
    { name: "exclude", kind: "positional", type: TYPES.optionalGlobPatterns, default: null }
  ],
  call: (b) => new PyGlob(globPatterns(arg(b, "include")), globPatterns(arg(b, "exclude")))
};
function globPatterns(v) {
  if (v === null) return [];
  const items = Array.isArray(v) ? v : [v];
  return items.map((item) => {
    if (typeof item === "string") return item;
    if (item instanceof QuotedString) return item.text;
    if (typeof item === "boolean" || isPyNumber(item)) return castStr([item], null);
    throw new PyError("TypeError", `glob patterns must be strings, got ${typeName(item)}`);
  });
}
function createFunctions() {
  const functions = new Functions();
  functions.register(castFunction("int", castInt, TYPES.castable));
  functions.register(castFunction("str", castStr, TYPES.castable));
  functions.register(castFunction("bool", castBool, TYPES.castable));
  functions.register(castFunction("float", castFloat, TYPES.castable));
  functions.register(castFunction("json_str", castJsonStr, TYPES.any));
  for (const fn of [choice, range, interval, tag, sort, shuffle, glob]) functions.register(fn);
  return functions;
}

// src/overrides/lexer.ts
var isDigit = (c) => c !== void 0 && c >= "0" && c <= "9";
var isAlpha = (c) => c !== void 0 && (c >= "a" && c <= "z" || c >= "A" && c <= "Z");
var isWs = (c) => c === " " || c === "	";
var UNQUOTED_CHARS = /* @__PURE__ */ new Set(["/", "-", "\\", "+", ".", "$", "%", "*", "@", "?", "|"]);
var KEY_SINGLE = { "~": "TILDE", "+": "PLUS", "@": "AT", ":": "COLON", "/": "SLASH" };
var ESCAPABLE = /* @__PURE__ */ new Set(["\\", "(", ")", "[", "]", "{", "}", ":", "=", ",", " ", "	"]);
function lex(text2) {
  return new Lexer(text2).run();
}
var Lexer = class {
  constructor(s) {
    this.s = s;
    this.lastClose = s.lastIndexOf("}");
  }
  s;
  tokens = [];
  braceMatch;
  lastClose;
  run() {
    let i = 0;
    let valueMode = false;
    while (i < this.s.length) {
      const m = valueMode ? this.valueToken(i) : this.keyToken(i);
      if (!m) return this.fail(i);
      this.tokens.push({ type: m.type, text: this.s.slice(i, m.end), start: i, end: m.end });
      if (m.type === "EQUAL") valueMode = true;
      i = m.end;
    }
    this.tokens.push({ type: "EOF", text: "<EOF>", start: i, end: i });
    return { tokens: this.tokens };
  }
  fail(i) {
    const quote = this.s[i] === "'" || this.s[i] === '"';
    const bad = quote ? this.s.slice(i) : Array.from(this.s.slice(i, i + 2))[0] ?? "";
    this.tokens.push({ type: "EOF", text: "<EOF>", start: i, end: i });
    return { tokens: this.tokens, error: { start: i, message: `token recognition error at: '${bad}'` } };
  }
  // ---- key mode -------------------------------------------------------------------------------------
  keyToken(i) {
    const c = this.s[i];
    if (c === "=") return { type: "EQUAL", end: this.skipWs(i + 1) };
    const single = c === void 0 ? void 0 : KEY_SINGLE[c];
    if (single) return { type: single, end: i + 1 };
    let best;
    const consider = (type, end) => {
      if (end > i && (!best || end > best.end)) best = { type, end };
    };
    consider("ID", this.matchId(i));
    consider("KEY_SPECIAL", this.matchKeySpecial(i));
    consider("DOT_PATH", this.matchDotPath(i));
    return best;
  }
  /** ID: (CHAR|'_') (CHAR|DIGIT|'_'|'-')* ; returns the end offset, or i for no match. */
  matchId(i) {
    const s = this.s;
    if (!(isAlpha(s[i]) || s[i] === "_")) return i;
    let j = i + 1;
    while (isAlpha(s[j]) || isDigit(s[j]) || s[j] === "_" || s[j] === "-") j++;
    return j;
  }
  /** KEY_SPECIAL: (CHAR|'_'|'$') (CHAR|DIGIT|'_'|'-'|'$')* */
  matchKeySpecial(i) {
    const s = this.s;
    if (!(isAlpha(s[i]) || s[i] === "_" || s[i] === "$")) return i;
    let j = i + 1;
    while (isAlpha(s[j]) || isDigit(s[j]) || s[j] === "_" || s[j] === "-" || s[j] === "$") j++;
    return j;
  }
  /** DOT_PATH: (KEY_SPECIAL | INT_UNSIGNED) ('.' (KEY_SPECIAL | INT_UNSIGNED))+ */
  matchDotPath(i) {
    const segment = (k) => isDigit(this.s[k]) ? this.matchIntUnsigned(k) : this.matchKeySpecial(k);
    let j = segment(i);
    if (j === i) return i;
    let segments = 1;
    let best = i;
    while (this.s[j] === ".") {
      const next = segment(j + 1);
      if (next === j + 1) break;
      j = next;
      segments++;
      if (segments >= 2) best = j;
    }
    return best;
  }
  // ---- value mode -----------------------------------------------------------------------------------
  /** Longest match among the value-mode rules; ties go to the earlier rule (order of the .g4 file). */
  valueToken(i) {
    const s = this.s;
    let best;
    const consider = (type, end) => {
      if (end > i && (!best || end > best.end)) best = { type, end };
    };
    const afterWs = this.skipWs(i);
    const next = s[afterWs];
    consider("POPEN", next === "(" ? this.skipWs(afterWs + 1) : i);
    consider("COMMA", next === "," ? this.skipWs(afterWs + 1) : i);
    consider("PCLOSE", next === ")" ? afterWs + 1 : i);
    consider("BRACKET_OPEN", s[i] === "[" ? this.skipWs(i + 1) : i);
    consider("BRACKET_CLOSE", next === "]" ? afterWs + 1 : i);
    consider("BRACE_OPEN", s[i] === "{" ? this.skipWs(i + 1) : i);
    consider("BRACE_CLOSE", next === "}" ? afterWs + 1 : i);
    consider("COLON", next === ":" ? this.skipWs(afterWs + 1) : i);
    consider("EQUAL", next === "=" ? this.skipWs(afterWs + 1) : i);
    if (afterWs > i) {
      consider("WS", afterWs);
      return best;
    }
    consider("FLOAT", this.matchFloat(i));
    consider("INT", this.matchInt(i));
    consider("BOOL", this.matchWord(i, "true") || this.matchWord(i, "false"));
    consider("NULL", this.matchWord(i, "null"));
    consider("UNQUOTED_CHAR", UNQUOTED_CHARS.has(s[i] ?? "") ? i + 1 : i);
    consider("ID", this.matchId(i));
    consider("ESC", this.matchEsc(i));
    consider("QUOTED_VALUE", this.matchQuoted(i));
    consider("INTERPOLATION", this.matchInterpolation(i));
    return best;
  }
  skipWs(i) {
    while (isWs(this.s[i])) i++;
    return i;
  }
  /** Case-insensitive keyword; returns its end, or 0 (no match). */
  matchWord(i, word) {
    return this.s.slice(i, i + word.length).toLowerCase() === word ? i + word.length : 0;
  }
  /** INT_UNSIGNED: '0' | [1-9] ('_'? DIGIT)* */
  matchIntUnsigned(i) {
    const c = this.s[i];
    if (c === "0") return i + 1;
    if (!isDigit(c)) return i;
    return this.matchDigits(i);
  }
  /** DIGIT ('_'? DIGIT)* starting at a digit; returns the end. */
  matchDigits(i) {
    const s = this.s;
    if (!isDigit(s[i])) return i;
    let j = i + 1;
    for (; ; ) {
      if (isDigit(s[j])) j++;
      else if (s[j] === "_" && isDigit(s[j + 1])) j += 2;
      else return j;
    }
  }
  /** INT: [+-]? INT_UNSIGNED */
  matchInt(i) {
    const j = this.s[i] === "+" || this.s[i] === "-" ? i + 1 : i;
    const end = this.matchIntUnsigned(j);
    return end > j ? end : i;
  }
  /** FLOAT: [+-]? (POINT_FLOAT | EXPONENT_FLOAT | inf | nan), the longest of the alternatives. */
  matchFloat(i) {
    const s = this.s;
    const j = s[i] === "+" || s[i] === "-" ? i + 1 : i;
    let best = Math.max(this.matchWord(j, "inf"), this.matchWord(j, "nan"), i);
    const intEnd = this.matchIntUnsigned(j);
    const mantissaEnds = [];
    if (intEnd > j) {
      mantissaEnds.push(intEnd);
      if (s[intEnd] === ".") mantissaEnds.push(intEnd + 1);
    }
    const dot = intEnd > j ? intEnd : j;
    if (s[dot] === "." && isDigit(s[dot + 1])) mantissaEnds.push(this.matchDigits(dot + 1));
    for (const m of mantissaEnds) {
      const isPoint = m !== intEnd;
      if (isPoint) best = Math.max(best, m);
      if (s[m] === "e" || s[m] === "E") {
        const k = s[m + 1] === "+" || s[m + 1] === "-" ? m + 2 : m + 1;
        if (isDigit(s[k])) best = Math.max(best, this.matchDigits(k));
      }
    }
    return best;
  }
  /** ESC: ('\\' followed by one of \ ( ) [ ] { } : = , space tab)+ */
  matchEsc(i) {
    let j = i;
    while (this.s[j] === "\\" && ESCAPABLE.has(this.s[j + 1] ?? "")) j += 2;
    return j;
  }
  /**
   * QUOTED_VALUE: a quote, then anything up to the first matching quote that is preceded by an even
   * number of backslashes (so `\'` does not close, `\\'` does).
   */
  matchQuoted(i) {
    const s = this.s;
    const q = s[i];
    if (q !== "'" && q !== '"') return i;
    let backslashes = 0;
    for (let j = i + 1; j < s.length; j++) {
      const c = s[j];
      if (c === q && backslashes % 2 === 0) return j + 1;
      backslashes = c === "\\" ? backslashes + 1 : 0;
    }
    return i;
  }
  /** INTERPOLATION: '${' ... '}' with balanced braces, else Hydra's rule '${' ~'}'+ '}'. */
  matchInterpolation(i) {
    const s = this.s;
    if (s[i] !== "$" || s[i + 1] !== "{" || i + 3 > this.lastClose) return i;
    const close = this.matchingBrace(i + 1);
    if (close > i + 2) return close + 1;
    const first = s.indexOf("}", i + 2);
    return first > i + 2 ? first + 1 : i;
  }
  /** Offset of the `}` closing the `{` at `open`, or -1; one stack pass over the text, computed once. */
  matchingBrace(open) {
    if (!this.braceMatch) {
      const match = new Int32Array(this.s.length).fill(-1);
      const stack = [];
      for (let k = 0; k < this.s.length; k++) {
        if (this.s[k] === "{") stack.push(k);
        else if (this.s[k] === "}" && stack.length > 0) match[stack.pop()] = k;
      }
      this.braceMatch = match;
    }
    return this.braceMatch[open] ?? -1;
  }
};

// src/overrides/syntax.ts
var SyntaxFailure = class {
  constructor(offset, detail, inKey, note) {
    this.offset = offset;
    this.detail = detail;
    this.inKey = inKey;
    this.note = note;
  }
  offset;
  detail;
  inKey;
  note;
};
var MAX_DEPTH2 = 256;
var PRIMITIVE = /* @__PURE__ */ new Set([
  "ID",
  "NULL",
  "INT",
  "FLOAT",
  "BOOL",
  "INTERPOLATION",
  "UNQUOTED_CHAR",
  "COLON",
  "ESC",
  "WS"
]);
var DICT_KEY = /* @__PURE__ */ new Set(["ID", "NULL", "INT", "FLOAT", "BOOL", "UNQUOTED_CHAR", "ESC", "WS"]);
var PACKAGE = /* @__PURE__ */ new Set(["ID", "KEY_SPECIAL", "DOT_PATH"]);
var DISPLAY = {
  EQUAL: "'='",
  COMMA: "','",
  COLON: "':'",
  BRACKET_CLOSE: "']'",
  BRACE_CLOSE: "'}'",
  PCLOSE: "')'",
  ID: "ID"
};
function parseSyntax(text2) {
  return new SyntaxParser(text2).parseOverride();
}
var SyntaxParser = class {
  constructor(text2) {
    this.text = text2;
    const lexed = lex(text2);
    this.tokens = lexed.tokens;
    this.lexError = lexed.error;
  }
  text;
  tokens;
  lexError;
  pos = 0;
  depth = 0;
  inKey = true;
  parseOverride() {
    let type = "change";
    if (this.at("TILDE")) {
      type = "delete";
      this.pos++;
    } else if (this.at("PLUS")) {
      type = "add";
      this.pos++;
      if (this.at("PLUS")) {
        type = "force_add";
        this.pos++;
      }
    }
    const { keyOrGroup, pkg } = this.parseKey();
    if (type === "delete" && this.at("EOF")) {
      this.expectEnd("{'=', <EOF>}");
      return { type, keyOrGroup, pkg, value: void 0 };
    }
    this.expectEqual(pkg !== void 0);
    this.inKey = false;
    if (this.at("EOF")) {
      this.expectEnd("<EOF>");
      return { type, keyOrGroup, pkg, value: { kind: "scalar", value: "", start: this.cur.start } };
    }
    const value = this.parseValue();
    return { type, keyOrGroup, pkg, value };
  }
  // ---- key ------------------------------------------------------------------------------------------
  parseKey() {
    if (!PACKAGE.has(this.cur.type) && !this.at("AT") && !this.at("EQUAL") && !this.at("EOF")) {
      throw this.fail(`mismatched input ${this.show(this.cur)} expecting a key`);
    }
    let keyOrGroup = "";
    if (this.at("ID") && this.peek(1).type === "SLASH") {
      keyOrGroup = this.next().text;
      while (this.at("SLASH")) {
        this.pos++;
        keyOrGroup += `/${this.expect("ID").text}`;
      }
    } else if (PACKAGE.has(this.cur.type)) {
      keyOrGroup = this.next().text;
    }
    let pkg;
    if (this.at("AT")) {
      this.pos++;
      pkg = PACKAGE.has(this.cur.type) ? this.next().text : "";
    }
    return { keyOrGroup, pkg };
  }
  expectEqual(hasPackage) {
    if (this.at("EQUAL")) {
      this.pos++;
      return;
    }
    const note = hasPackage && this.at("COLON") ? "Package renames (group@pkg1:pkg2=option) are not supported since Hydra 1.1; use group@pkg2=option" : void 0;
    const detail = this.at("EOF") ? "missing '=' at '<EOF>'" : `mismatched input ${this.show(this.cur)} expecting '='`;
    throw this.fail(detail, { note });
  }
  // ---- value ----------------------------------------------------------------------------------------
  parseValue() {
    const first = this.parseElement();
    if (!this.at("COMMA")) {
      this.expectEnd("<EOF>");
      return first;
    }
    const items = [first];
    while (this.at("COMMA")) {
      this.pos++;
      items.push(this.parseElement());
    }
    this.expectEnd("{<EOF>, ','}");
    return { kind: "sweep", items, start: first.start };
  }
  parseElement() {
    if (++this.depth > MAX_DEPTH2) throw this.fail(`nesting deeper than ${MAX_DEPTH2} levels`);
    try {
      const tok = this.cur;
      if (tok.type === "BRACKET_OPEN") return this.parseList();
      if (tok.type === "BRACE_OPEN") return this.parseDict();
      if (tok.type === "QUOTED_VALUE") {
        this.pos++;
        return { kind: "scalar", value: unquote(tok.text), start: tok.start };
      }
      if (tok.type === "ID" && this.peek(1).type === "POPEN") return this.parseCall();
      if (PRIMITIVE.has(tok.type)) return { kind: "scalar", value: this.parsePrimitive(PRIMITIVE), start: tok.start };
      throw this.fail(`mismatched input ${this.show(tok)} expecting a value`);
    } finally {
      this.depth--;
    }
  }
  /** A run of primitive tokens: one typed token (`10`, `true`, `null`), or the text of several. */
  parsePrimitive(allowed) {
    const run = [];
    while (allowed.has(this.cur.type)) run.push(this.next());
    let first = 0;
    let last = run.length;
    if (run[0]?.type === "WS") {
      if (run.length === 1) throw this.fail("Trying to parse a primitive that is all whitespaces", { at: run[0] });
      first = 1;
    }
    if (run[run.length - 1]?.type === "WS") last--;
    if (last - first === 1) return typedToken(run[first]);
    return run.slice(first, last).map((t) => t.type === "ESC" ? unescapeEsc(t.text) : t.text).join("");
  }
  parseList() {
    const start = this.next().start;
    const items = [];
    if (this.at("EOF")) throw this.fail("missing ']' at '<EOF>'");
    if (this.at("BRACKET_CLOSE")) {
      this.pos++;
      return { kind: "list", items, start };
    }
    for (; ; ) {
      items.push(this.parseElement());
      if (this.closeOrComma("BRACKET_CLOSE")) return { kind: "list", items, start };
    }
  }
  parseDict() {
    const start = this.next().start;
    const entries = [];
    if (this.at("EOF")) throw this.fail("missing '}' at '<EOF>'");
    if (this.at("BRACE_CLOSE")) {
      this.pos++;
      return { kind: "dict", entries, start };
    }
    for (; ; ) {
      if (!DICT_KEY.has(this.cur.type)) throw this.fail(`mismatched input ${this.show(this.cur)} expecting a dict key`);
      const key = this.parsePrimitive(DICT_KEY);
      this.expect("COLON");
      entries.push({ key, id: dictKeyId(key), value: this.parseElement() });
      if (this.closeOrComma("BRACE_CLOSE")) return { kind: "dict", entries, start };
    }
  }
  parseCall() {
    const nameTok = this.next();
    this.pos++;
    const args = [];
    const kwargs = [];
    let positionalAfterKeyword = false;
    if (this.at("EOF")) throw this.fail("missing ')' at '<EOF>'");
    if (!this.at("PCLOSE")) {
      do {
        if (this.at("ID") && this.peek(1).type === "EQUAL") {
          const name = this.next().text;
          this.pos++;
          kwargs.push([name, this.parseElement()]);
        } else {
          if (kwargs.length > 0) positionalAfterKeyword = true;
          args.push(this.parseElement());
        }
      } while (!this.closeOrComma("PCLOSE"));
    } else this.pos++;
    const end = this.tokens[this.pos - 1]?.end ?? this.text.length;
    return { kind: "call", name: nameTok.text, args, kwargs, start: nameTok.start, end, positionalAfterKeyword };
  }
  /** After an item: true at the closing token (consumed), false at a comma (consumed), else an error. */
  closeOrComma(close) {
    if (this.at(close)) {
      this.pos++;
      return true;
    }
    if (this.at("COMMA")) {
      this.pos++;
      return false;
    }
    const closing = DISPLAY[close] ?? close;
    if (this.at("EOF")) throw this.fail(`missing ${closing} at '<EOF>'`);
    throw this.fail(`mismatched input ${this.show(this.cur)} expecting {',', ${closing}}`);
  }
  // ---- tokens ---------------------------------------------------------------------------------------
  get cur() {
    return this.tokens[this.pos];
  }
  peek(n) {
    return this.tokens[Math.min(this.pos + n, this.tokens.length - 1)];
  }
  at(type) {
    return this.cur.type === type;
  }
  next() {
    const t = this.cur;
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }
  expect(type) {
    if (this.at(type)) return this.next();
    const want = DISPLAY[type] ?? type;
    throw this.fail(this.at("EOF") ? `missing ${want} at '<EOF>'` : `mismatched input ${this.show(this.cur)} expecting ${want}`);
  }
  expectEnd(expected) {
    if (this.at("EOF")) {
      if (this.lexError) throw this.fail("");
      return;
    }
    const kind = this.peek(1).type === "EOF" && !this.lexError ? "extraneous" : "mismatched";
    throw this.fail(`${kind} input ${this.show(this.cur)} expecting ${expected}`);
  }
  show(t) {
    if (t.type === "EOF") return "'<EOF>'";
    return `'${t.text.replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}'`;
  }
  /** A failure at token `at` (default: the current one); if the lexer stopped there, its error is the cause. */
  fail(detail, opts = {}) {
    const tok = opts.at ?? this.cur;
    const following = this.tokens[this.tokens.indexOf(tok) + 1];
    if (this.lexError && (tok.type === "EOF" || following?.type === "EOF")) {
      return new SyntaxFailure(this.lexError.start, this.lexError.message, this.inKey);
    }
    return new SyntaxFailure(tok.start, detail, this.inKey, opts.note);
  }
};
function typedToken(t) {
  switch (t.type) {
    case "INT":
      return Number(t.text.replace(/_/g, "")) + 0;
    // + 0 turns -0 into 0, as Python ints have no -0
    case "FLOAT":
      return pyFloat(t.text);
    case "NULL":
      return null;
    case "BOOL":
      return t.text.toLowerCase() === "true";
    case "ESC":
      return unescapeEsc(t.text);
    default:
      return t.text;
  }
}
function unescapeEsc(text2) {
  let out = "";
  for (let i = 1; i < text2.length; i += 2) out += text2[i];
  return out;
}
function unquote(token) {
  const q = token[0];
  const body = token.slice(1, -1);
  let out = "";
  let run = 0;
  for (const ch of body) {
    if (ch === "\\") {
      run++;
      continue;
    }
    out += ch === q ? "\\".repeat((run - 1) / 2) + q : "\\".repeat(run) + ch;
    run = 0;
  }
  out += "\\".repeat(run / 2);
  return new QuotedString(out, q);
}
function dictKeyId(key) {
  if (typeof key === "string") return key;
  if (key === null) return "null";
  if (typeof key === "boolean") return key ? "true" : "false";
  if (key instanceof PyFloat) return pyFloatRepr(key.value);
  return pyIntStr(key);
}

// src/overrides/parser.ts
var GRAMMAR_URL = "See https://hydra.cc/docs/1.2/advanced/override_grammar/basic for details";
var FORMS_HINT = "Overrides look like key=value, +key=value, ++key=value, ~key, ~key=value, group=option or group@package=option";
var defaultFunctions = createFunctions();
function parseOverride(text2, options = {}) {
  try {
    const syntax = parseSyntax(text2);
    const evaluator = new Evaluator(options.functions ?? defaultFunctions, text2);
    const value = syntax.value === void 0 ? void 0 : evaluator.top(syntax.value);
    const override = {
      type: syntax.type,
      keyOrGroup: syntax.keyOrGroup,
      pkg: syntax.pkg,
      valueType: void 0,
      value: void 0,
      inputLine: text2
    };
    if (value !== void 0) {
      const exported = exportValue(value, override, syntax.value?.start ?? 0);
      override.value = exported.value;
      override.valueType = exported.valueType;
    }
    return override;
  } catch (e) {
    throw toParseError(text2, e);
  }
}
var EvalFailure = class {
  constructor(offset, detail) {
    this.offset = offset;
    this.detail = detail;
  }
  offset;
  detail;
};
var Evaluator = class {
  constructor(functions, text2) {
    this.functions = functions;
    this.text = text2;
  }
  functions;
  text;
  top(node) {
    if (node.kind !== "sweep") return this.value(node);
    const items = node.items.map((item) => this.element(item, "as an option of a sweep"));
    return new PyChoice(items, true);
  }
  /** Anything: a plain element, a sweep or a glob (top level and function arguments). */
  value(node) {
    switch (node.kind) {
      case "scalar":
        return node.value;
      case "list":
        return node.items.map((item) => this.element(item, "inside a list"));
      case "dict":
        return new PyDict(
          new Map(node.entries.map((e) => [e.id, { key: e.key, value: this.element(e.value, "inside a dict") }]))
        );
      case "call":
        return this.call(node);
      case "sweep":
        return this.top(node);
    }
  }
  /** A value that must be a plain element (Hydra would accept a sweep here and fail later). */
  element(node, where) {
    const v = this.value(node);
    if (isSweep(v) || v instanceof PyGlob) {
      throw new EvalFailure(node.start, `${typeName(v)} cannot be used ${where}`);
    }
    return v;
  }
  call(node) {
    const args = node.args.map((a) => this.value(a));
    const kwargs = new Map(node.kwargs.map(([k, v]) => [k, this.value(v)]));
    if (node.positionalAfterKeyword) throw new EvalFailure(node.start, "positional argument follows keyword argument");
    try {
      return this.functions.eval(node.name, args, kwargs);
    } catch (e) {
      const type = e instanceof PyError ? e.type : e instanceof Error ? e.name : "Error";
      const message = e instanceof Error ? e.message : String(e);
      const source = this.text.slice(node.start, node.end);
      throw new EvalFailure(node.start, `${type} while evaluating '${source}': ${message}`);
    }
  }
};
function exportValue(v, override, start) {
  if (v instanceof PyChoice) {
    const list = [];
    v.list.forEach((item, i) => list.push(exportElement(item, list, i, start)));
    const sweep = { kind: "choice", list, simpleForm: v.simpleForm, shuffle: v.shuffle, tags: v.tags };
    return { value: sweep, valueType: v.simpleForm ? "simple_choice_sweep" : "choice_sweep" };
  }
  if (v instanceof PyRange) {
    const isFloat = [v.start, v.stop, v.step].some((x) => x instanceof PyFloat);
    const [begin, stop, step] = [v.start, v.stop, v.step].map(numValue);
    const value = { kind: "range", start: begin, stop, step, isFloat, shuffle: v.shuffle, tags: v.tags };
    return { value, valueType: "range_sweep" };
  }
  if (v instanceof PyInterval) {
    return { value: { kind: "interval", start: numValue(v.start), end: numValue(v.end), tags: v.tags }, valueType: "interval_sweep" };
  }
  if (v instanceof PyGlob) {
    return { value: { kind: "glob", include: v.include, exclude: v.exclude }, valueType: "glob_choice_sweep" };
  }
  return { value: exportElement(v, override, "value", start), valueType: "element" };
}
function exportElement(v, holder, slot, start) {
  if (v instanceof PyFloat) {
    markFloat(holder, slot);
    return v.value;
  }
  if (Array.isArray(v)) {
    const list = [];
    v.forEach((item, i) => list.push(exportElement(item, list, i, start)));
    return list;
  }
  if (v instanceof PyDict) {
    const dict = /* @__PURE__ */ new Map();
    for (const [id, entry] of v.entries) dict.set(id, exportElement(entry.value, dict, id, start));
    return dict;
  }
  if (isSweep(v) || v instanceof PyGlob) throw new EvalFailure(start, `${typeName(v)} cannot be nested in a value`);
  return v;
}
function toParseError(text2, e) {
  if (e instanceof OverrideParseError) return e;
  const header = `Error parsing override '${text2}'`;
  if (e instanceof SyntaxFailure) {
    const column = columnOf(text2, e.offset);
    const lines = [header, `${e.detail} (column ${column})`, `  ${text2}`, `  ${caretPad(text2, e.offset)}^`];
    if (e.note) lines.push(e.note);
    if (e.inKey) lines.push(FORMS_HINT);
    lines.push(GRAMMAR_URL);
    return new OverrideParseError(lines.join("\n"), { override: text2, column });
  }
  if (e instanceof EvalFailure) {
    return new OverrideParseError(`${header}
${e.detail}
${GRAMMAR_URL}`, {
      override: text2,
      column: columnOf(text2, e.offset)
    });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new OverrideParseError(`${header}
${message}
${GRAMMAR_URL}`, { override: text2, column: 1, cause: e });
}
function columnOf(text2, offset) {
  return Array.from(text2.slice(0, offset)).length + 1;
}
function caretPad(text2, offset) {
  return Array.from(text2.slice(0, offset), (ch) => ch === "	" ? "	" : " ").join("");
}

// src/dashboard/params.ts
var parsed = /* @__PURE__ */ new Map();
var MAX_CACHED = 1e5;
function splitOverride(text2) {
  let kv = parsed.get(text2);
  if (kv === void 0 && !parsed.has(text2)) {
    if (parsed.size >= MAX_CACHED) parsed.clear();
    parsed.set(text2, kv = parseKeyValue(text2));
  }
  return kv;
}
function parseKeyValue(text2) {
  try {
    const o = parseOverride(text2);
    if (o.type === "delete" || o.value === void 0) return void 0;
    const key = o.pkg === void 0 ? o.keyOrGroup : `${o.keyOrGroup}@${o.pkg}`;
    return { key, value: cellOf(o.value) };
  } catch {
    const eq = text2.indexOf("=");
    return eq < 0 ? void 0 : { key: text2.slice(0, eq).replace(/^[+~]+/, ""), value: text2.slice(eq + 1) };
  }
}
function cellOf(v) {
  if (v === null || typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  if (v instanceof QuotedString) return v.text;
  return JSON.stringify(v, (_k, x) => x instanceof Map ? Object.fromEntries(x) : x instanceof QuotedString ? x.text : x);
}
function sweptKeysOf(originOverrides) {
  const keys = /* @__PURE__ */ new Set();
  for (const text2 of originOverrides) {
    try {
      const o = parseOverride(text2);
      if (o.valueType !== void 0 && o.valueType !== "element") keys.add(o.pkg === void 0 ? o.keyOrGroup : `${o.keyOrGroup}@${o.pkg}`);
    } catch {
    }
  }
  return keys;
}
function paramInfos(jobValues, order) {
  const seen = /* @__PURE__ */ new Map();
  for (const k of order) seen.set(k, []);
  for (const values of jobValues) for (const [k, v] of Object.entries(values)) (seen.get(k) ?? seen.set(k, []).get(k)).push(v);
  return [...seen].map(([key, vs]) => {
    const distinct = [...new Set(vs.map((v) => typeof v === "number" ? v : String(v)))];
    const kind = kindOf(distinct);
    if (kind !== "categorical") distinct.sort((a, b) => a - b);
    return { key, kind, values: distinct };
  });
}
function kindOf(values) {
  if (values.length === 0 || !values.every((v) => typeof v === "number" && Number.isFinite(v))) return "categorical";
  const xs = [...values].sort((a, b) => a - b);
  if (xs[0] <= 0 || xs.length < 2) return "numeric";
  if (xs.length === 2) return xs[1] / xs[0] >= 100 ? "log" : "numeric";
  const logs = xs.map(Math.log);
  return spread(steps(logs)) < spread(steps(xs)) && xs[xs.length - 1] / xs[0] >= 4 ? "log" : "numeric";
}
function steps(xs) {
  return xs.slice(1).map((x, i) => x - xs[i]);
}
function spread(ds) {
  const mean = ds.reduce((a, b) => a + b, 0) / ds.length;
  if (mean === 0) return 0;
  const variance = ds.reduce((a, d) => a + (d - mean) ** 2, 0) / ds.length;
  return Math.sqrt(variance) / mean;
}

// src/dashboard/record.ts
function jobTimes(r) {
  const startedAt = r.startedAt ?? r.started_at;
  const endedAt = r.endedAt ?? r.completed_at;
  let durationMs = r.durationMs;
  if (durationMs === void 0 && startedAt && endedAt) durationMs = Date.parse(endedAt) - Date.parse(startedAt);
  if (r.status === "pending") durationMs = void 0;
  return { startedAt, endedAt, durationMs };
}
function recordedJobDir(r) {
  return r.jobDir ?? r.run_dir;
}
function exitCodeOf(r) {
  return r.exitCode ?? r.return_code;
}

// src/dashboard/model.ts
function loadManifest(sweep) {
  return readManifest(sweep.dir);
}
function experimentInfo(m) {
  const info = m.origin.experiment;
  return info && typeof info === "object" ? info : void 0;
}
function summarize(sweep, m, now = Date.now()) {
  return {
    id: sweep.id,
    name: sweep.name,
    kind: experimentInfo(m) ? "experiment" : "multirun",
    status: m.status,
    launcher: m.launcher,
    total: m.total,
    counts: countJobs(m),
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    durationMs: sweepDuration(m, now)
  };
}
function sweepDuration(m, now) {
  let first = Infinity;
  let last = -Infinity;
  for (const j of m.jobs) {
    const t = jobTimes(j);
    if (t.startedAt) first = Math.min(first, Date.parse(t.startedAt));
    if (t.endedAt) last = Math.max(last, Date.parse(t.endedAt));
  }
  if (!Number.isFinite(first)) return void 0;
  if (m.status === "running") last = now;
  return Number.isFinite(last) ? Math.max(0, last - first) : void 0;
}
function sweepData(sweep, m, now = Date.now()) {
  const records = m.jobs;
  const exp = experimentInfo(m);
  const values = exp ? records.map((r) => experimentValues(r, exp, m.origin.cwd)) : records.map((r) => overrideValues(r.overrides));
  const swept = exp ? new Set(exp.form === "configs" ? ["config"] : exp.keys ?? []) : sweptKeys(values, sweptKeysOf(m.origin.overrides ?? []));
  const jobs = records.map((r, i) => jobRow(r, pickKeys(values[i], swept)));
  const params = paramInfos(jobs.map((j) => j.params), [...swept]);
  const { metrics, numericMetrics } = metricKeys(jobs);
  return { ...summarize(sweep, m, now), params, metrics, numericMetrics, fixed: fixedOverrides(records, values, swept), jobs };
}
function overrideValues(overrides) {
  const out = {};
  for (const text2 of overrides) {
    const kv = splitOverride(text2);
    if (kv) out[kv.key] = kv.value;
  }
  return out;
}
function experimentValues(r, exp, cwd) {
  if (exp.form === "configs") return r.source_config ? { config: path4.relative(cwd, r.source_config) } : {};
  const out = {};
  for (const [k, v] of Object.entries(r.values ?? {})) out[k] = cell(v);
  return out;
}
function sweptKeys(values, declared) {
  const first = /* @__PURE__ */ new Map();
  const varying = new Set(declared);
  for (const v of values) for (const [k, x] of Object.entries(v)) if (!first.has(k)) first.set(k, x);
  for (const v of values) for (const [k, x] of first) if (!(k in v) || v[k] !== x) varying.add(k);
  return new Set([...first.keys(), ...declared].filter((k) => varying.has(k)));
}
function pickKeys(values, keys) {
  const out = {};
  for (const k of keys) if (k in values) out[k] = values[k];
  return out;
}
function fixedOverrides(records, values, swept) {
  if (records.length === 0) return [];
  return records[0].overrides.filter((o) => {
    const kv = splitOverride(o);
    return kv !== void 0 && !swept.has(kv.key) && values.every((v) => v[kv.key] === kv.value);
  });
}
function jobRow(r, params) {
  const metrics = {};
  for (const [k, v] of flattenResult(r.result)) metrics[k] = cell(v);
  const row = { num: r.num, status: r.status, overrides: r.overrides ?? [], params, metrics, ...jobTimes(r) };
  if (r.error) row.error = r.error;
  const code = exitCodeOf(r);
  if (code !== void 0) row.exitCode = code;
  return row;
}
function cell(v) {
  if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v === void 0) return null;
  return JSON.stringify(v) ?? String(v);
}
function metricKeys(jobs) {
  const all = /* @__PURE__ */ new Set();
  const numeric = /* @__PURE__ */ new Set();
  for (const j of jobs)
    for (const [k, v] of Object.entries(j.metrics)) {
      all.add(k);
      if (typeof v === "number" && Number.isFinite(v)) numeric.add(k);
    }
  const numericMetrics = [...numeric];
  return { metrics: [...numericMetrics, ...[...all].filter((k) => !numeric.has(k))], numericMetrics };
}

// src/dashboard/catalog.ts
var Catalog = class {
  constructor(roots, cwd) {
    this.roots = roots;
    this.cwd = cwd;
    this.refresh();
  }
  roots;
  cwd;
  entries = /* @__PURE__ */ new Map();
  /** Discovers again and re-reads changed manifests; returns the ids that are new or changed. */
  refresh() {
    const changed = [];
    const next = /* @__PURE__ */ new Map();
    for (const sweep of discoverSweeps(this.roots, this.cwd)) {
      const signature = signatureOf(sweep.dir);
      const old = this.entries.get(sweep.id);
      if (old && old.signature === signature) {
        next.set(sweep.id, old);
        continue;
      }
      next.set(sweep.id, { sweep, signature });
      changed.push(sweep.id);
    }
    for (const id of this.entries.keys()) if (!next.has(id)) changed.push(id);
    this.entries = next;
    return changed;
  }
  list() {
    return [...this.entries.values()].map((e) => e.sweep);
  }
  get(id) {
    return this.entries.get(id)?.sweep;
  }
  /** The sweep's manifest, read lazily and kept until its files change; undefined when unreadable. */
  manifest(id) {
    const e = this.entries.get(id);
    if (!e) return void 0;
    if (!e.manifest && !e.error) {
      try {
        e.manifest = loadManifest(e.sweep);
      } catch (err) {
        e.error = err.message;
      }
    }
    return e.manifest;
  }
  /** The sweep view's data, computed once per version of the manifest. */
  data(id) {
    const e = this.entries.get(id);
    const m = this.manifest(id);
    if (!e || !m) return void 0;
    return e.data ??= sweepData(e.sweep, m);
  }
};
function signatureOf(dir) {
  return [MANIFEST_FILE, JOURNAL_FILE].map((f) => {
    try {
      const s = statSync2(path5.join(dir, f));
      return `${s.size}:${s.mtimeMs}`;
    } catch {
      return "-";
    }
  }).join("|");
}

// src/dashboard/files.ts
import { closeSync as closeSync3, existsSync as existsSync3, fstatSync, openSync as openSync3, readdirSync as readdirSync2, readFileSync as readFileSync2, readSync, realpathSync } from "node:fs";
import path6 from "node:path";
var LOG_TAIL_BYTES = 256 * 1024;
var SERIES_FILE = "metrics.jsonl";
var MAX_STEPS = 5e3;
function isInside(root, file) {
  let real;
  let realRoot;
  try {
    real = realpathSync(file);
    realRoot = realpathSync(root);
  } catch {
    return false;
  }
  const rel = path6.relative(realRoot, real);
  return rel === "" || !rel.startsWith("..") && !path6.isAbsolute(rel);
}
function jobDirOf(sweep, r) {
  const dir = recordedJobDir(r);
  return dir && isInside(sweep.dir, dir) ? dir : void 0;
}
function readInside(sweep, file, maxBytes) {
  if (!file || !existsSync3(file) || !isInside(sweep.dir, file)) return void 0;
  const fd = openSync3(file, "r");
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - maxBytes);
    const buf = Buffer.alloc(size - start);
    const n = readSync(fd, buf, 0, buf.length, start);
    return { text: buf.subarray(0, n).toString("utf8"), truncated: start > 0 };
  } finally {
    closeSync3(fd);
  }
}
function jobFiles(sweep, r, logBytes = LOG_TAIL_BYTES) {
  const dir = jobDirOf(sweep, r);
  const candidates = [r.config_path, dir && path6.join(dir, ".hydra", "config.yaml")];
  const out = { num: r.num, logs: [] };
  for (const file of candidates) {
    const read = readInside(sweep, file, 1024 * 1024);
    if (read && file) {
      out.config = { name: path6.relative(sweep.dir, file).split(path6.sep).join("/"), text: read.text };
      break;
    }
  }
  if (!dir) return out;
  for (const name of logNames(dir)) {
    const read = readInside(sweep, path6.join(dir, name), logBytes);
    if (read) out.logs.push({ name, ...read });
  }
  return out;
}
function logNames(dir) {
  try {
    return readdirSync2(dir, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".log")).map((e) => e.name).sort();
  } catch {
    return [];
  }
}
function sweepSeries(sweep, m, maxJobs = 500) {
  const jobs = [];
  const keys = /* @__PURE__ */ new Set();
  let omitted = 0;
  for (const r of m.jobs) {
    const dir = jobDirOf(sweep, r);
    const file = dir && path6.join(dir, SERIES_FILE);
    if (!file || !existsSync3(file)) continue;
    if (jobs.length >= maxJobs) {
      omitted++;
      continue;
    }
    const points = readSeries(sweep, file);
    if (points.length === 0) continue;
    for (const p of points) for (const k of Object.keys(p)) keys.add(k);
    jobs.push({ num: r.num, points });
  }
  const x = ["epoch", "step", "iteration", "epochs"].find((k) => keys.has(k)) ?? "line";
  if (x === "line") for (const j of jobs) j.points.forEach((p, i) => p.line = i + 1);
  keys.delete(x);
  return { x, keys: [...keys], jobs, omitted };
}
function readSeries(sweep, file) {
  if (!isInside(sweep.dir, file)) return [];
  const points = [];
  for (const line of readFileSync2(file, "utf8").split("\n")) {
    if (points.length >= MAX_STEPS) break;
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line);
      if (o === null || typeof o !== "object" || Array.isArray(o)) continue;
      const p = {};
      for (const [k, v] of Object.entries(o)) if (typeof v === "number" && Number.isFinite(v)) p[k] = v;
      points.push(p);
    } catch {
    }
  }
  return points;
}

// src/dashboard/page.ts
import { existsSync as existsSync4, readFileSync as readFileSync3 } from "node:fs";
import path7 from "node:path";
import { fileURLToPath } from "node:url";
var ASSET = path7.join("dist", "dashboard", "app.js");
var cached;
function clientBundle() {
  if (cached !== void 0) return cached;
  let dir = path7.dirname(fileURLToPath(import.meta.url));
  for (; ; ) {
    const file = path7.join(dir, ASSET);
    if (existsSync4(file)) return cached = readFileSync3(file, "utf8");
    const up = path7.dirname(dir);
    if (up === dir) throw new LaunchError(`The dashboard's page (${ASSET}) is missing: run 'npm run build' in the hydrant package.`);
    dir = up;
  }
}
var HEAD = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hydrant</title>`;
function serverPage() {
  return `${HEAD}
</head>
<body>
<div id="app"></div>
<script src="app.js"></script>
</body>
</html>
`;
}
function reportPage(data, title) {
  const csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";
  return `${HEAD.replace("<title>hydrant</title>", `<title>${escapeHtml(title)}</title>`)}
<meta http-equiv="Content-Security-Policy" content="${csp}">
</head>
<body>
<div id="app"></div>
<script type="application/json" id="hydrant-data">${jsonForScript(data)}</script>
<script>${clientBundle().replace(/<\/(script)/gi, "<\\/$1")}</script>
</body>
</html>
`;
}
function jsonForScript(data) {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

// src/dashboard/server.ts
function isLoopback(host) {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}
var json = (data) => ({ status: 200, type: "application/json; charset=utf-8", body: JSON.stringify(data) });
var text = (status, body) => ({ status, type: "text/plain; charset=utf-8", body: body + "\n" });
async function startDashboard(options = {}) {
  const catalog = new Catalog(options.roots ?? [], options.cwd ?? process.cwd());
  const host = options.host ?? "127.0.0.1";
  clientBundle();
  const clients = /* @__PURE__ */ new Set();
  const server = http.createServer((req, res) => {
    if (!allowedHost(req, host)) return send(res, false, text(403, "unexpected Host header"));
    if (req.url === "/api/events" && req.method === "GET") return openEvents(res, clients);
    send(res, req.method === "HEAD", route(req, catalog));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const port = server.address().port;
  const timer = setInterval(() => {
    const changed = catalog.refresh();
    if (changed.length > 0) broadcast(clients, "changed", changed);
  }, options.pollMs ?? 500);
  const keepAlive = setInterval(() => broadcast(clients, "ping", []), 15e3);
  return {
    url: `http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${port}/`,
    host,
    port,
    close: () => new Promise((resolve) => {
      clearInterval(timer);
      clearInterval(keepAlive);
      for (const c of clients) c.end();
      server.close(() => resolve());
      server.closeAllConnections();
    })
  };
}
function allowedHost(req, bound) {
  if (!isLoopback(bound)) return true;
  const name = (req.headers.host ?? "").replace(/:\d+$/, "");
  return isLoopback(name);
}
function route(req, catalog) {
  if (req.method !== "GET" && req.method !== "HEAD") return text(405, "read-only: only GET and HEAD are answered");
  const raw = req.url ?? "/";
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(raw, "http://x").pathname);
  } catch {
    return text(400, "bad URL");
  }
  if (raw.includes("..") || pathname.includes("..") || /%2e%2e/i.test(raw)) return text(400, "'..' is not allowed in a path");
  if (pathname === "/") return { status: 200, type: "text/html; charset=utf-8", body: serverPage() };
  if (pathname === "/favicon.ico") return { status: 204, type: "image/x-icon", body: "" };
  if (pathname === "/app.js") return { status: 200, type: "text/javascript; charset=utf-8", body: clientBundle() };
  const parts = pathname.split("/").filter(Boolean);
  if (parts[0] !== "api") return text(404, "not found");
  return api(parts.slice(1), catalog);
}
function api(parts, catalog) {
  if (parts.length === 1 && parts[0] === "sweeps") {
    return json(catalog.list().flatMap((s) => {
      const m2 = catalog.manifest(s.id);
      return m2 ? [summarize(s, m2)] : [];
    }));
  }
  if (parts[0] !== "sweeps" || parts.length < 2) return text(404, "not found");
  const sweep = catalog.get(parts[1]);
  const m = sweep && catalog.manifest(parts[1]);
  if (!sweep || !m) return text(404, `no sweep '${parts[1]}'`);
  if (parts.length === 2) return json(catalog.data(parts[1]));
  if (parts.length === 3 && parts[2] === "series") return json(sweepSeries(sweep, m));
  if (parts.length === 4 && parts[2] === "jobs" && /^\d+$/.test(parts[3])) {
    const record = m.jobs.find((j) => j.num === Number(parts[3]));
    return record ? json(jobFiles(sweep, record)) : text(404, `no job ${parts[3]} in this sweep`);
  }
  return text(404, "not found");
}
function send(res, headOnly, r) {
  res.writeHead(r.status, {
    "Content-Type": r.type,
    "Content-Length": Buffer.byteLength(r.body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    // The page needs nothing from anywhere else; inline styles are how the plots are drawn.
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'"
  });
  res.end(headOnly ? void 0 : r.body);
}
function openEvents(res, clients) {
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
  res.write("retry: 1000\n\n");
  clients.add(res);
  res.on("close", () => clients.delete(res));
}
function broadcast(clients, event, ids) {
  const msg = `event: ${event}
data: ${JSON.stringify(ids)}

`;
  for (const c of clients) c.write(msg);
}

// src/dashboard/report.ts
import { writeFileSync } from "node:fs";
import path8 from "node:path";
function reportData(dirs, options = {}) {
  const cwd = options.cwd ?? process.cwd();
  const sweeps = discoverSweeps(dirs, cwd);
  if (sweeps.length === 0) throw new LaunchError(`No sweep found in ${dirs.join(", ")}: give a sweep dir (one with experiment.json) or a dir that holds some.`);
  const data = { generatedAt: (/* @__PURE__ */ new Date()).toISOString(), sweeps: [], files: {}, series: {}, filesOmitted: 0 };
  let budget = options.maxJobFiles ?? 2e3;
  for (const sweep of sweeps) {
    const m = loadManifest(sweep);
    data.sweeps.push(sweepData(sweep, m));
    const series = sweepSeries(sweep, m);
    if (series.jobs.length > 0) data.series[sweep.id] = series;
    for (const r of m.jobs) {
      if (budget-- <= 0) {
        data.filesOmitted++;
        continue;
      }
      data.files[`${sweep.id}/${r.num}`] = jobFiles(sweep, r, options.logBytes ?? 64 * 1024);
    }
  }
  return data;
}
function writeHtmlReport(dirs, file, options = {}) {
  const data = reportData(dirs, options);
  const title = data.sweeps.length === 1 ? `hydrant: ${data.sweeps[0].name}` : `hydrant: ${data.sweeps.length} sweeps`;
  const html = reportPage(data, title);
  writeFileSync(path8.resolve(options.cwd ?? process.cwd(), file), html);
  return Buffer.byteLength(html);
}
export {
  ManifestWriter,
  startDashboard,
  writeHtmlReport
};
