import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  compose,
  composeConfig,
  configStore,
  jobConfig,
  listOptions,
  loadConfigGroupsIndex,
  registerConfig,
  resolveJobConfig,
} from "../../src/compose/index.js";
import { isDict, toPlainUnresolved, type ConfigDict } from "../../src/config/node.js";
import { ConfigCompositionError, MissingConfigError, OverrideApplyError, HydrantError } from "../../src/errors.js";

const APP = path.resolve(__dirname, "../fixtures/compose/app");
const plain = (c: ConfigDict) => toPlainUnresolved(c) as Record<string, unknown>;
const job = (overrides: string[] = [], configName: string | null = "config") =>
  plain(jobConfig(composeConfig({ configDir: APP, configName, overrides })));
const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(HydrantError);
    return (e as Error).message;
  }
  throw new Error("expected an error");
};

describe("composeConfig", () => {
  it("merges the defaults list in order, groups at their package, _self_ last", () => {
    const cfg = job();
    expect(Object.keys(cfg)).toEqual(["db", "server", "app"]);
    expect(cfg.db).toEqual({ driver: "mysql", user: "omry", port: 3306 });
    expect(cfg.server).toEqual({ site: { fb: { domain: "facebook.com" }, google: { domain: "google.com" } }, name: "apache" });
  });

  it("puts the hydra node first and fills its runtime fields", () => {
    const r = composeConfig({ configDir: APP, configName: "config", overrides: ["db=postgresql", "app.name=x", "hydra.job.chdir=true"] });
    expect([...r.config.keys()][0]).toBe("hydra");
    const hydra = plain(r.config).hydra as Record<string, any>;
    expect(hydra.job.name).toBe("config");
    expect(hydra.job.config_name).toBe("config");
    expect(hydra.job.override_dirname).toBe("app.name=x,db=postgresql");
    expect(hydra.job.chdir).toBe(true);
    expect(hydra.overrides).toEqual({ hydra: ["hydra.job.chdir=true"], task: ["db=postgresql", "app.name=x"] });
    expect(hydra.runtime.choices.db).toBe("postgresql");
    expect(hydra.runtime.choices["hydra/launcher"]).toBe("basic");
    expect(hydra.mode).toBe("RUN");
    expect(hydra.run.dir).toBe("outputs/${now:%Y-%m-%d}/${now:%H-%M-%S}");
    expect(r.searchPath.map((s) => s.provider)).toEqual(["hydra", "main", "schema"]);
    expect(r.taskOverrides).toEqual(["db=postgresql", "app.name=x"]);
    expect(r.hydraOverrides).toEqual(["hydra.job.chdir=true"]);
    expect(r.choices.db).toBe("postgresql");
  });

  it("exposes the defaults list", () => {
    const r = composeConfig({ configDir: APP, configName: "config" });
    const userPart = r.defaults.filter((d) => !d.configPath.startsWith("hydra/"));
    expect(userPart.map((d) => [d.configPath, d.package])).toEqual([
      ["db/mysql", "db"],
      ["server/site/fb", "server.site"],
      ["server/site/google", "server.site"],
      ["server/apache", "server"],
      ["config", ""],
    ]);
    expect(userPart[0]!.overrideKey).toBe("db");
    expect(userPart[4]!.primary && userPart[4]!.isSelf).toBe(true);
  });

  it("applies group overrides, appends and deletions", () => {
    expect(job(["db=postgresql"]).db).toMatchObject({ driver: "postgresql" });
    expect(job(["~server"]).server).toBeUndefined();
    expect(job(["server/site=[google]"]).server).toEqual({ site: { google: { domain: "google.com" } }, name: "apache" });
    expect(job(["+db@backup=postgresql"]).backup).toMatchObject({ driver: "postgresql" });
  });

  it("supports the experiment pattern", () => {
    const cfg = job(["+experiment=fast"]);
    expect(cfg.db).toMatchObject({ driver: "postgresql" });
    expect(cfg.app).toMatchObject({ name: "fast" });
    expect(Object.keys(cfg)).toEqual(["db", "server", "app"]);
  });

  it("resolves interpolations in the defaults list against the choices", () => {
    expect(job([], "interp").extra).toEqual({ mysql_apache: true });
  });

  it("reports a missing mandatory group choice with its options", () => {
    expect(messageOf(() => job([], "with_missing"))).toBe(
      "You must specify 'db', e.g, db=<OPTION>\nAvailable options:\n\tmysql\n\tpostgresql",
    );
    expect(job(["db=mysql"], "with_missing").db).toMatchObject({ driver: "mysql" });
  });

  it("names the experiment file and line whose `override` chose an option that does not exist", () => {
    let err: unknown;
    try {
      job(["+experiment=broken_option"]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MissingConfigError);
    const e = err as MissingConfigError;
    // Hydra's text first, unchanged, then where the choice was made.
    expect(e.message).toMatch(/^In 'config': Could not find 'db\/oracle'\n\nAvailable options in 'db':\n\tmysql\n\tpostgresql\nConfig search path:/);
    const file = path.join(APP, "experiment/broken_option.yaml");
    expect(e.message).toMatch(new RegExp(`\\n\\n'db/oracle' was chosen by 'override /db: oracle' in 'experiment/broken_option' \\(${file.replace(/[.]/g, "\\.")}:4:5\\)\\.$`));
    expect([e.file, e.line, e.column]).toEqual([file, 4, 5]);
    // Chosen on the command line instead: Hydra's text alone.
    expect(messageOf(() => job(["+experiment=broken_option", "db=oracle2"]))).not.toContain("was chosen by");
  });

  it("reports an unknown option with the available ones and the search path", () => {
    const msg = messageOf(() => job(["db=oracle"]));
    expect(msg).toContain("In 'config': Could not find 'db/oracle'\n\nAvailable options in 'db':\n\tmysql\n\tpostgresql\nConfig search path:");
    expect(msg).toContain(`provider=main, path=file://${APP}`);
    expect(() => job(["db=oracle"])).toThrow(MissingConfigError);
  });

  it("adds a did-you-mean under Hydra's message when a key is a typo of an existing one", () => {
    expect(messageOf(() => job(["db.usr=x"]))).toBe(
      "Could not override 'db.usr'.\nTo append to your config use +db.usr=x\nKey 'usr' is not in struct\n    full_key: db.usr\n    object_type=dict\nDid you mean 'db.user'?",
    );
    expect(messageOf(() => job(["dv.port=1"]))).toMatch(/\nDid you mean 'db\.port'\?$/);
    expect(messageOf(() => job(["db.zzzzzz=1"]))).not.toContain("Did you mean");
  });

  it("applies value overrides in struct mode with Hydra's messages", () => {
    expect(job(["db.port=1"]).db).toMatchObject({ port: 1 });
    expect(job(["+db.host=h"]).db).toMatchObject({ host: "h" });
    expect(job(["++db.user=u", "++db.extra=1"]).db).toMatchObject({ user: "u", extra: 1 });
    expect(messageOf(() => job(["db.nope=1"]))).toBe(
      "Could not override 'db.nope'.\nTo append to your config use +db.nope=1\nKey 'nope' is not in struct\n    full_key: db.nope\n    object_type=dict",
    );
    expect(messageOf(() => job(["+db.user=x"]))).toBe(
      "Could not append to config. An item is already at 'db.user'.\nEither remove + prefix: 'db.user=x'\nOr add a second + to add or override 'db.user': '++db.user=x'\n",
    );
    expect(job(["~db.port"]).db).toEqual({ driver: "mysql", user: "omry" });
    expect(messageOf(() => job(["~db.port=1"]))).toBe("Could not delete from config. The value of 'db.port' is 3306 and not 1.");
    expect(() => job(["db.nope=1"])).toThrow(OverrideApplyError);
  });

  it("reports defaults-list override errors like Hydra", () => {
    expect(messageOf(() => job(["db@x=mysql"]))).toBe(
      "Could not override 'db@x'.\nDid you mean to override db?\nTo append to your default list use +db@x=mysql",
    );
    expect(messageOf(() => job(["+db=postgresql"]))).toBe("Multiple values for db. To override a value use 'override db: postgresql'");
    expect(messageOf(() => job(["experiment=fast"]))).toBe(
      "Could not override 'experiment'. No match in the defaults list.\nTo append to your default list use +experiment=fast",
    );
    expect(() => job(["+db=postgresql"])).toThrow(ConfigCompositionError);
  });

  it("refuses a sweep in a single run", () => {
    expect(messageOf(() => job(["db.port=1,2"]))).toContain("Ambiguous value for argument 'db.port=1,2'");
    expect(() => composeConfig({ configDir: APP, configName: "config", overrides: ["db=mysql,postgresql"], runMode: "MULTIRUN" })).not.toThrow();
  });

  it("never reads outside the search path", () => {
    for (const bad of ["db=../secret_outside/x", "db=/etc/passwd", "db=..\\x"]) expect(() => job([bad])).toThrow(HydrantError);
    expect(() => job([], "../app/config")).toThrow(HydrantError);
    expect(() => job([], "/etc/passwd")).toThrow(HydrantError);
  });

  it("reads hydra.searchpath from the primary config", () => {
    const r = composeConfig({ configDir: APP, configName: "with_searchpath", cwd: APP });
    expect(plain(jobConfig(r)).plugin_group).toEqual({ loaded: "other" });
    expect(r.searchPath.map((s) => s.provider)).toEqual(["hydra", "main", "hydra.searchpath in main", "schema"]);
  });

  it("composes without a primary config", () => {
    expect(job(["+db=mysql"], null)).toEqual({ db: { driver: "mysql", user: "omry", port: 3306 } });
  });

  it("fails cleanly for a missing config dir or primary config", () => {
    expect(() => composeConfig({ configDir: path.join(APP, "nope"), configName: "config" })).toThrow(MissingConfigError);
    expect(messageOf(() => job([], "nope"))).toMatch(/^Cannot find primary config 'nope'/);
  });
});

describe("resolution helpers", () => {
  it("resolves the job config with ${hydra:...}", () => {
    const r = composeConfig({ configDir: APP, configName: "config", jobName: "my_app" });
    const resolved = plain(resolveJobConfig(r));
    expect(resolved.app).toEqual({ name: "demo", user: "omry", job: "my_app" });
    expect(resolved.hydra).toBeUndefined();
  });

  it("compose() returns plain data, hydra node on request", () => {
    const cfg = compose<{ app: { user: string } }>({ configDir: APP, configName: "config", resolve: true });
    expect(cfg.app.user).toBe("omry");
    const full = compose<Record<string, unknown>>({ configDir: APP, configName: "config", returnHydraConfig: true });
    expect(full.hydra).toBeDefined();
  });

  it("resolves ${now:...}", () => {
    const r = composeConfig({ configDir: APP, configName: "config", overrides: ["+stamp=${now:%Y}"] });
    expect(plain(resolveJobConfig(r)).stamp).toBe(String(new Date().getFullYear()));
  });
});

describe("config sources", () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "hydrant-compose-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("reads configs from an installed npm package (pkg://)", () => {
    const pkg = path.join(tmp, "node_modules", "my-configs");
    mkdirSync(path.join(pkg, "conf", "theme"), { recursive: true });
    writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "my-configs", version: "1.0.0" }));
    writeFileSync(path.join(pkg, "conf", "theme", "blue.yaml"), "color: blue\n");
    writeFileSync(path.join(pkg, "conf", "base.yaml"), "defaults:\n  - theme: blue\n  - _self_\ntitle: pkg\n");
    const r = composeConfig({ searchPath: ["pkg://my-configs/conf"], configName: "base", cwd: tmp });
    expect(plain(jobConfig(r))).toEqual({ theme: { color: "blue" }, title: "pkg" });
    expect(r.searchPath[1]).toEqual({ provider: "command-line", path: "pkg://my-configs/conf" });
  });

  it("serves ConfigStore registrations like files", () => {
    registerConfig({ group: "db", name: "memory", node: "driver: memory\n" });
    try {
      expect(job(["db=memory"]).db).toEqual({ driver: "memory" });
      expect(listOptions({ configDir: APP }, "db")).toEqual(["memory", "mysql", "postgresql"]);
    } finally {
      configStore.remove("db", "memory");
    }
  });

  it("indexes every group, hydra's included", () => {
    const index = loadConfigGroupsIndex({ configDir: APP });
    const groups = Object.fromEntries(index.map((g) => [g.group, g.options]));
    expect(groups.db).toEqual(["mysql", "postgresql"]);
    expect(groups["server/site"]).toEqual(["fb", "google"]);
    expect(groups["hydra/launcher"]).toContain("basic");
    expect(groups["hydra/job_logging"]).toContain("default");
  });

  it("composes a config file that is one plain scalar as {scalar: null}, as Hydra does", () => {
    const dir = path.join(tmp, "scalar-file");
    mkdirSync(path.join(dir, "group1"), { recursive: true });
    writeFileSync(path.join(dir, "config.yaml"), "defaults:\n  - group1: a.b\n  - _self_\nbar: 1\n");
    writeFileSync(path.join(dir, "group1", "a.b.yaml"), "# @package _global_\nabc=cde\n");
    expect(plain(jobConfig(composeConfig({ configDir: dir, configName: "config" })))).toEqual({ "abc=cde": null, bar: 1 });
  });

  it("checks interpolation syntax in override values and in the override text kept in hydra.overrides", () => {
    expect(messageOf(() => composeConfig({ configDir: APP, configName: "config", overrides: ["+v='${oops'"] }))).toMatch(
      /^Error merging override \+v='\$\{oops'\nSyntax error in '\$\{oops'/,
    );
    // The value parses (a quoted string), but the override's own text is not a valid interpolation.
    const line = "+v='${foo:\\'b,a,r\\'}'";
    const e = (() => {
      try {
        composeConfig({ configDir: APP, configName: "config", overrides: [line] });
      } catch (err) {
        return err as ConfigCompositionError;
      }
      throw new Error("expected an error");
    })();
    expect(e).toBeInstanceOf(ConfigCompositionError);
    expect(e.message).toContain(`The override ${line} cannot be recorded in hydra.overrides.task`);
    expect(e.override).toBe(line);
    const swapped = composeConfig({ configDir: APP, configName: "config", overrides: [`+v="\${foo:'b,a,r'}"`] });
    expect(plain(swapped.config).v).toBe("${foo:'b,a,r'}");
  });

  it("keeps the hydra node a dict", () => {
    expect(isDict(composeConfig({ configDir: APP, configName: "config" }).config.get("hydra"))).toBe(true);
  });
});

describe("defaults views", () => {
  it("formats the defaults tree and list like Hydra's --info", async () => {
    const { formatDefaultsTree, formatDefaultsList } = await import("../../src/compose/index.js");
    const r = composeConfig({ configDir: APP, configName: "config" });
    const tree = formatDefaultsTree(r.defaultsTree);
    expect(tree[0]).toBe("<root>:");
    expect(tree).toContain("  hydra/config:");
    expect(tree).toContain("    hydra/launcher: basic");
    expect(tree).toContain("  config:");
    expect(tree).toContain("    db: mysql");
    expect(tree).toContain("      server/site/fb");
    const table = formatDefaultsList(r.defaults);
    expect(table[1]).toMatch(/^\| Config path +\| Package +\| _self_ \| Parent +\|$/);
    expect(table.some((l) => /^\| db\/mysql +\| db +\| False +\| config +\|$/.test(l))).toBe(true);
  });
});

describe("errors carry locations", () => {
  it("names the file and line of a bad defaults item", () => {
    try {
      job([], "bad_defaults");
      throw new Error("expected an error");
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigCompositionError);
      const err = e as ConfigCompositionError;
      expect(err.message).toBe("Unsupported item value in defaults : int. Supported: string or list");
      expect(err.file).toBe(path.join(APP, "bad_defaults.yaml"));
      expect(err.line).toBe(3);
    }
  });

  it("rejects a missing extra search path dir", async () => {
    const { SearchPathError } = await import("../../src/errors.js");
    expect(() => composeConfig({ configDir: APP, searchPath: [path.join(APP, "nope")], configName: "config" })).toThrow(SearchPathError);
  });
});

describe("now", () => {
  it("answers the composition's instant", async () => {
    const { composeResolvers } = await import("../../src/compose/index.js");
    const { select } = await import("../../src/config/interpolation/index.js");
    const instant = new Date(2020, 0, 2, 3, 4, 5);
    const r = composeConfig({ configDir: APP, configName: "config", instant });
    expect(select(r.config, "hydra.run.dir", { extraResolvers: composeResolvers(r) })).toBe("outputs/2020-01-02/03-04-05");
  });
});
