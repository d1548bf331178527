// main({ schema }): the schema's defaults come first, the task gets the checked config, a wrong
// override fails before the task with OmegaConf's message.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { main } from "../../src/index.js";

const configPath = path.resolve(import.meta.dirname, "../fixtures/typed/main");
const Job = z.object({
  app: z.string(),
  epochs: z.number().int().default(3),
  db: z.object({ host: z.string(), port: z.number().int() }).passthrough(),
});

async function run(overrides: string[]): Promise<{ result: unknown; err: string }> {
  let err = "";
  const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-main-schema-"));
  const result = await main(
    { configPath, configName: "config", schema: Job, argv: [...overrides, `hydra.run.dir=${dir}`], stdout: () => {}, stderr: (t) => (err += t) },
    (cfg) => ({ epochs: cfg.epochs * 2, port: cfg.db.port }),
  );
  return { result, err };
}

describe("main({ schema })", { timeout: 60_000 }, () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it("runs the task with the schema's defaults and converted overrides", async () => {
    const { result, err } = await run(["epochs='5'"]);
    expect(err).toBe("");
    expect(result).toEqual({ epochs: 10, port: 3306 });
  });

  it("stops before the task on a value its field cannot take", async () => {
    const { result, err } = await run(["epochs=many"]);
    expect(result).toBeUndefined();
    expect(err).toContain("Error merging override epochs=many\nValue 'many' of type 'str' could not be converted to Integer\n    full_key: epochs");
    expect(process.exitCode).toBe(1);
  });
});
