// Schemas in the ConfigStore, as Hydra's structured configs: defaults become the config, merges and
// overrides are converted or refused with OmegaConf's messages, unknown keys fail (did-you-mean),
// `+key=` still adds. The same cases with zod, valibot and a JSON Schema.
import path from "node:path";
import { toStandardJsonSchema } from "@valibot/to-json-schema";
import * as v from "valibot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { compose, composeConfig, configStore, HydrantError, MissingMandatoryValueError, type ConfigSchemaNode } from "../../src/index.js";
import { taskConfigWithMissing } from "../../src/job/task-config.js";
import { jobConfig } from "../../src/compose/helpers.js";

const configDir = path.resolve(import.meta.dirname, "../fixtures/typed/conf");

const jsonSchema: ConfigSchemaNode = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "MySQLConfig",
  type: "object",
  properties: {
    host: { type: "string", default: "localhost" },
    port: { type: "integer", default: 3306 },
    user: { type: "string" },
    verbose: { type: "boolean", default: false },
    timeout: { type: "number", default: 1.5 },
    driver: { enum: ["mysql", "mariadb"], default: "mysql" },
    tags: { type: "array", items: { type: "string" }, default: [] },
  },
  required: ["user"],
};

const zodSchema = z
  .object({
    host: z.string().default("localhost"),
    port: z.number().int().default(3306),
    user: z.string(),
    verbose: z.boolean().default(false),
    timeout: z.number().default(1.5),
    driver: z.enum(["mysql", "mariadb"]).default("mysql"),
    tags: z.array(z.string()).default([]),
  })
  .meta({ title: "MySQLConfig" });

const valibotSchema = toStandardJsonSchema(
  v.pipe(
    v.object({
      host: v.optional(v.string(), "localhost"),
      port: v.optional(v.pipe(v.number(), v.integer()), 3306),
      user: v.string(),
      verbose: v.optional(v.boolean(), false),
      timeout: v.optional(v.number(), 1.5),
      driver: v.optional(v.picklist(["mysql", "mariadb"]), "mysql"),
      tags: v.optional(v.array(v.string()), []),
    }),
    v.title("MySQLConfig"),
  ),
);

const flavours: [string, ConfigSchemaNode][] = [
  ["zod", zodSchema],
  ["valibot", valibotSchema],
  ["JSON Schema", jsonSchema],
];

function composeError(overrides: string[], configName = "config"): HydrantError {
  try {
    composeConfig({ configDir, configName, overrides });
  } catch (e) {
    if (e instanceof HydrantError) return e;
    throw e;
  }
  throw new Error("composition succeeded");
}

describe.each(flavours)("a %s schema in the ConfigStore", (_, schema) => {
  beforeEach(() => {
    configStore.store({ group: "schema/db", name: "mysql", node: schema });
    configStore.store({ group: "db", name: "base_mysql", node: schema });
    configStore.store({ group: "db", name: "typed", node: schema });
  });
  afterEach(() => {
    configStore.remove("schema/db", "mysql");
    configStore.remove("db", "base_mysql");
    configStore.remove("db", "typed");
  });

  it("gives its defaults as the config's values, ??? where a required field has none", () => {
    const cfg = compose({ configDir, configName: "config" });
    expect(cfg.db).toEqual({ host: "mysql.local", port: 3306, user: "???", verbose: false, timeout: 1.5, driver: "mysql", tags: [] });
  });

  it("serves as a base in a defaults list (`- base_mysql`) and as a group option (`db=typed`)", () => {
    expect(compose({ configDir, configName: "config", overrides: ["db=based"] }).db).toMatchObject({ host: "localhost", user: "admin", port: 3310 });
    expect(compose({ configDir, configName: "config", overrides: ["db=typed", "db.user=root"] }).db).toMatchObject({ host: "localhost", user: "root" });
  });

  it("serves as the primary config", () => {
    configStore.store({ name: "typed_primary", node: schema });
    try {
      expect(compose({ configDir, configName: "typed_primary", overrides: ["port=1"] })).toMatchObject({ host: "localhost", port: 1 });
      expect(composeError(["port=x"], "typed_primary").message).toContain("Value 'x' of type 'str' could not be converted to Integer\n    full_key: port");
    } finally {
      configStore.remove(undefined, "typed_primary");
    }
  });

  it("converts as OmegaConf does: text to int, yes/on/off to bool, int to float, a number to str", () => {
    const db = compose({ configDir, configName: "config", overrides: ["db.port='10'", "db.verbose=on", "db.timeout=3", "db.host=42"] }).db;
    expect(db).toMatchObject({ port: 10, verbose: true, timeout: 3, host: "42" });
    const result = composeConfig({ configDir, configName: "config", overrides: ["db=converted"] });
    const converted = jobConfig(result).get("db");
    expect(compose({ configDir, configName: "config", overrides: ["db=converted"] }).db).toMatchObject({ port: 3307, verbose: true });
    // An int set into a float field becomes a float (10.0), as FloatNode converts it.
    expect(String((converted as { get(k: string): unknown }).get("timeout"))).toBe("10.0");
  });

  it("rejects a wrong type from YAML, naming key, type, value and file:line", () => {
    const e = composeError(["db=bad_port"]);
    expect(e.message).toBe(
      "In 'db/bad_port': ValidationError raised while composing config:\n" +
        "Value 'not-a-port' of type 'str' could not be converted to Integer\n    full_key: db.port\n    object_type=MySQLConfig",
    );
    expect(e.key).toBe("db.port");
    expect(e.location).toBe(`${path.join(configDir, "db/bad_port.yaml")}:5:1`);
  });

  it("rejects a wrong type from an override, naming key, type, value and the override", () => {
    const e = composeError(["db.port=abc"]);
    expect(e.message).toBe(
      "Error merging override db.port=abc\nValue 'abc' of type 'str' could not be converted to Integer\n    full_key: db.port\n    object_type=MySQLConfig",
    );
    expect(e.override).toBe("db.port=abc");
    expect(e.key).toBe("db.port");
    expect(composeError(["db.verbose=maybe"]).message).toContain("Value 'maybe' is not a valid bool (type str)\n    full_key: db.verbose");
    expect(composeError(["db.timeout=true"]).message).toContain("Value 'True' of type 'bool' could not be converted to Float");
    expect(composeError(["db.port=null"]).message).toContain("Incompatible value 'None' for field of type 'int'\n    full_key: db.port");
    expect(composeError(["db.driver=postgres"]).message).toContain("Invalid value 'postgres', expected one of [mysql, mariadb]");
    expect(composeError(["db.tags=5"]).message).toContain("Invalid value assigned: int is not a ListConfig, list or tuple.");
  });

  it("rejects a wrong type from an experiment file, naming its line", () => {
    const e = composeError(["+experiment=bad"]);
    expect(e.message).toContain("In 'experiment/bad': ValidationError raised while composing config:\nValue 'many' of type 'str' could not be converted to Integer\n    full_key: db.port");
    expect(e.location).toBe(`${path.join(configDir, "experiment/bad.yaml")}:6:3`);
    expect(compose({ configDir, configName: "config", overrides: ["+experiment=fast"] }).db).toMatchObject({ port: 4000, verbose: false });
  });

  it("refuses keys it does not declare, with a did-you-mean; +key= still adds (Hydra opens the parent)", () => {
    const typo = composeError(["db=typo"]);
    expect(typo.message).toContain("Key 'prot' not in 'MySQLConfig'. Did you mean 'port'?\n    full_key: db.prot");
    expect(typo.location).toBe(`${path.join(configDir, "db/typo.yaml")}:5:1`);
    expect(composeError(["db.prot=1"]).message).toBe("Could not override 'db.prot'. Did you mean 'db.port'?\nTo append to your config use +db.prot=1");
    expect(compose({ configDir, configName: "config", overrides: ["+db.extra=1", "++db.more=2"] }).db).toMatchObject({ extra: 1, more: 2 });
  });

  it("leaves ??? to be filled: reading it in the task fails, an override fills it", () => {
    const result = composeConfig({ configDir, configName: "config" });
    const cfg = taskConfigWithMissing(jobConfig(result)) as { db: { user: string } };
    expect(() => cfg.db.user).toThrow(MissingMandatoryValueError);
    expect(compose({ configDir, configName: "config", overrides: ["db.user=root"] }).db).toMatchObject({ user: "root" });
  });

  it("types the job config through compose({ schema }) and main()'s schema option", () => {
    const Job = z.object({ db: z.object({ host: z.string(), port: z.number().int() }).passthrough(), app: z.string() });
    expect(compose({ configDir, configName: "config", schema: Job }).app).toBe("demo");
    const e = (() => {
      try {
        compose({ configDir, configName: "config", schema: Job, overrides: ["+nope=1", "app=x", "db.port=y"] });
      } catch (err) {
        return err as HydrantError;
      }
    })();
    expect(e?.message).toContain("Value 'y' of type 'str' could not be converted to Integer");
  });
});

describe("a schema without JSON Schema support", () => {
  it("is refused with what to do", () => {
    configStore.store({ group: "schema/db", name: "mysql", node: v.object({ port: v.number() }) as unknown as ConfigSchemaNode });
    try {
      expect(composeError([]).message).toContain("wrap a valibot schema with toStandardJsonSchema() from @valibot/to-json-schema");
    } finally {
      configStore.remove("schema/db", "mysql");
    }
  });
});

describe("composition without schemas", () => {
  it("keeps adding undeclared keys freely and converts nothing", () => {
    const cfg = compose({ configDir: path.resolve(import.meta.dirname, "../fixtures/typed/plain"), configName: "config", overrides: ["port='10'", "+extra=1"] });
    expect(cfg).toEqual({ port: "10", extra: 1 });
  });
});
