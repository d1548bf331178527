import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeConfig } from "../../src/compose/index.js";
import { configureHydraLogging, configureLogging, Formatter, getLogger, LEVELS, type LoggingSession } from "../../src/logging/index.js";
import { setLastResort } from "../../src/logging/logger.js";
import { setPath } from "../../src/config/path.js";

const HYDRA_LINE = /^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}\]\[(\S+)\]\[(\w+)\] - (.*)$/;
let session: LoggingSession | undefined;
afterEach(() => session?.close());

function sink(): { lines: string[]; write: (t: string) => void } {
  const lines: string[] = [];
  return { lines, write: (t) => lines.push(...t.split("\n").filter(Boolean)) };
}

/** The hydra node Hydra composes by default, placed in a temp output dir. */
function composed(overrides: string[] = []) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-log-"));
  const { config } = composeConfig({ configDir: path.resolve("test/fixtures/run/conf"), configName: "config", overrides });
  setPath(config, "hydra.runtime.output_dir", dir);
  setPath(config, "hydra.job.name", "train");
  return { config, dir };
}

describe("Formatter", () => {
  it("renders Python %-style fields, widths and Python's default asctime", () => {
    const f = new Formatter("[%(asctime)s][%(name)s][%(levelname)-8s] %(levelno)d - %(message)s %%");
    const line = f.render({ name: "app", levelno: 20, levelname: "INFO", message: "hi", created: new Date(2024, 4, 1, 12, 3, 4, 56).getTime() });
    expect(line).toBe("[2024-05-01 12:03:04,056][app][INFO    ] 20 - hi %");
    expect(new Formatter("%(asctime)s", "%H:%M").render({ name: "", levelno: 0, levelname: "", message: "", created: new Date(2024, 0, 1, 7, 8).getTime() })).toBe("07:08");
  });
});

describe("job logging as Hydra configures it", () => {
  it("by default writes Hydra's format to stdout and to <output_dir>/<job name>.log, INFO and up", () => {
    const { config, dir } = composed();
    const out = sink();
    session = configureHydraLogging(config, "job_logging", { stdout: out.write });
    const log = getLogger("train");
    log.info("epoch %d: loss=%s", 1, 0.5);
    log.debug("hidden");
    getLogger("train.data").warning("few samples");
    session.close();
    expect(out.lines).toHaveLength(2);
    expect(out.lines[0]).toMatch(HYDRA_LINE);
    expect(HYDRA_LINE.exec(out.lines[0])?.slice(1)).toEqual(["train", "INFO", "epoch 1: loss=0.5"]);
    const file = readFileSync(path.join(dir, "train.log"), "utf8").trim().split("\n");
    expect(file.map((l) => HYDRA_LINE.exec(l)?.slice(1))).toEqual([["train", "INFO", "epoch 1: loss=0.5"], ["train.data", "WARNING", "few samples"]]);
  });

  it("hydra.verbose=true turns DEBUG on; hydra.verbose=NAME only for that logger", () => {
    const out = sink();
    session = configureHydraLogging(composed(["hydra.verbose=true"]).config, "job_logging", { stdout: out.write });
    getLogger("x").debug("debug on");
    session.close();
    session = configureHydraLogging(composed(["hydra.verbose=models"]).config, "job_logging", { stdout: out.write });
    getLogger("models.mlp").debug("models debug");
    getLogger("data").debug("data debug");
    session.close();
    expect(out.lines.map((l) => HYDRA_LINE.exec(l)?.[3])).toEqual(["debug on", "models debug"]);
  });

  it("hydra/job_logging=disabled: no file, only ERROR and up as bare messages on stderr", () => {
    const { config, dir } = composed(["hydra/job_logging=disabled"]);
    const out = sink();
    const err = sink();
    setLastResort(err.write);
    session = configureHydraLogging(config, "job_logging", { stdout: out.write });
    getLogger("made-in-job").info("quiet");
    getLogger("made-in-job").error("loud");
    // As in Python, loggers that existed before the config are disabled by it.
    getLogger("train").error("silenced");
    session.close();
    expect(out.lines).toEqual([]);
    expect(err.lines).toEqual(["loud"]);
    expect(existsSync(path.join(dir, "train.log"))).toBe(false);
  });

  it("hydra/job_logging=none leaves logging as it was", () => {
    const out = sink();
    const outer = configureLogging({ version: 1, formatters: { f: { format: "%(message)s" } }, handlers: { h: { class: "logging.StreamHandler", formatter: "f", stream: "ext://sys.stdout" } }, root: { level: "INFO", handlers: ["h"] }, disable_existing_loggers: false }, { streams: { stdout: out.write } });
    session = configureHydraLogging(composed(["hydra/job_logging=none"]).config, "job_logging");
    getLogger("train").info("through the outer config");
    session.close();
    outer.close();
    expect(out.lines).toEqual(["through the outer config"]);
  });

  it("closing a session puts every logger back", () => {
    const before = getLogger().level;
    session = configureHydraLogging(composed(["hydra.verbose=true"]).config, "job_logging", { stdout: () => {} });
    expect(getLogger().level).toBe(LEVELS.DEBUG);
    session.close();
    expect(getLogger().level).toBe(before);
    expect(getLogger().handlers).toEqual([]);
  });

  it("says which handler is wrong", () => {
    expect(() => configureLogging({ version: 1, handlers: { h: { class: "logging.SMTPHandler" } }, root: { handlers: ["h"] } }, { key: "hydra.job_logging" })).toThrow(/hydra\.job_logging\.handlers\.h: handler class 'logging\.SMTPHandler' is not supported/);
    expect(() => configureLogging({ version: 1, root: { handlers: ["nope"] } }, { key: "hydra.job_logging" })).toThrow(/no handler 'nope'/);
  });
});
