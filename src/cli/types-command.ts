/**
 * `hydrant types` and `hydrant schema`: the generated TypeScript module or JSON Schema of a config tree,
 * printed, written to a file, or checked against one (for CI).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { experimentSpecJsonSchema } from "../experiment/definition/schema.js";
import { generateConfigSchema, generateConfigTypes } from "../schemas/index.js";

/** Options shared by both commands. */
export interface GenerateCommandOptions {
  configDir: string;
  configName: string;
  /** The config type's name (`types` only). */
  name?: string;
  /** Which files the schema is for (`schema` only): config, a group, experiment. */
  for?: string;
  out?: string;
  check: boolean;
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };

/** `hydrant types -cd DIR -cn NAME [--name T] [--out FILE] [--check]`. */
export function typesCommand(opts: GenerateCommandOptions, io: Io = processIo): number {
  const command = ["hydrant types -cd", opts.configDir, "-cn", opts.configName, ...(opts.name && opts.name !== "Config" ? ["--name", opts.name] : []), ...(opts.out ? ["--out", opts.out] : [])].join(" ");
  const { text, skipped } = generateConfigTypes({ configDir: opts.configDir, configName: opts.configName, name: opts.name, command });
  for (const s of skipped) io.err(`hydrant types: left out ${s.overrides.join(" ")}: it does not compose (${firstLine(s.reason)})\n`);
  return emit(text, opts, command, io);
}

/** `hydrant schema -cd DIR -cn NAME [--for KIND] [--out FILE] [--check]`. */
export function schemaCommand(opts: GenerateCommandOptions, io: Io = processIo): number {
  const command = ["hydrant schema -cd", opts.configDir, "-cn", opts.configName, ...(opts.for ? ["--for", opts.for] : []), ...(opts.out ? ["--out", opts.out] : [])].join(" ");
  const extraKinds = { "experiment-spec": experimentSpecJsonSchema() };
  const { schema, skipped } = generateConfigSchema({ configDir: opts.configDir, configName: opts.configName, for: opts.for, extraKinds });
  for (const s of skipped) io.err(`hydrant schema: left out ${s.overrides.join(" ")}: it does not compose (${firstLine(s.reason)})\n`);
  return emit(`${JSON.stringify(schema, null, 2)}\n`, opts, command, io);
}

/** Prints the text, writes it to --out, or with --check compares it to --out's content. */
export function emit(text: string, opts: GenerateCommandOptions, command: string, io: Io): number {
  if (!opts.out) {
    if (opts.check) {
      io.err("--check needs --out FILE: the file to compare with\n");
      return 1;
    }
    io.out(text);
    return 0;
  }
  if (!opts.check) {
    writeFileSync(opts.out, text);
    return 0;
  }
  if (existsSync(opts.out) && sameContent(readFileSync(opts.out, "utf8"), text)) return 0;
  io.err(`${opts.out} is out of date with the configs in ${opts.configDir}: run \`${command}\` and commit the result\n`);
  return 1;
}

/** Equal but for the header line saying how to regenerate (it quotes paths as the user spelt them). */
function sameContent(a: string, b: string): boolean {
  const body = (t: string) => t.replace(/^\/\/ Regenerate with .*\n/m, "");
  return body(a) === body(b);
}

function firstLine(s: string): string {
  return s.split("\n", 1)[0]!;
}
