// experiment.json has one schema, shipped as schemas/experiment.schema.json: what a multirun and an
// experiment write validates against it, and a manifest from before (camelCase fields, an
// experiment's snake_case copies) still reads, lists and resumes.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { readManifest } from "../../src/runs/manifest.js";
import { BASE, hydrant, RECORD_COMMAND, tmpDir, writeSpec } from "../experiment/helpers.js";

const REPO = path.resolve(import.meta.dirname, "../..");
const schema = JSON.parse(readFileSync(path.join(REPO, "schemas/experiment.schema.json"), "utf8")) as object;
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

function valid(file: string): Record<string, unknown> {
  const data = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const ok = validate(data);
  expect(ok ? [] : validate.errors).toEqual([]);
  return data;
}

describe("experiment.json schema", () => {
  it("is in the package's files and exports", () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { files: string[]; exports: Record<string, unknown> };
    expect(pkg.files).toContain("schemas");
    expect(pkg.exports["./schemas/experiment.schema.json"]).toBe("./schemas/experiment.schema.json");
  });

  it("a multirun's manifest validates, with the guide's field names and no camelCase copies", () => {
    const dir = tmpDir();
    mkdirSync(path.join(dir, "conf"));
    writeFileSync(path.join(dir, "conf/config.yaml"), "x: 0\n");
    const r = spawnSync(process.execPath, [path.join(REPO, "dist/cli.js"), "-cd", "conf", "-cn", "config", "-m", "x=1,2", "hydra.sweep.dir=sw", "--", "sh", "-c", "exit $0", "{job_num}"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(1);
    const m = valid(path.join(dir, "sw/experiment.json"));
    const jobs = m.jobs as Record<string, unknown>[];
    expect(jobs[0]).toMatchObject({ status: "completed", return_code: 0, job_dir: path.join(dir, "sw/0") });
    expect(jobs[1]).toMatchObject({ status: "failed", return_code: 1 });
    expect(Object.keys(jobs[1]!)).toEqual(expect.arrayContaining(["started_at", "completed_at", "duration_ms"]));
    expect(JSON.stringify(m)).not.toMatch(/"(startedAt|endedAt|exitCode|durationMs|jobDir|sweepDir|createdAt|configDir)"/);
  }, 60_000);

  it("an experiment's manifest validates; an older one with camelCase fields still lists, shows and resumes", async () => {
    const dir = tmpDir();
    const spec = writeSpec(dir, "spec.yaml", `name: old\nmode: training\nbase_config: ${BASE}\nsweep: { score: [1, 2, 3] }\n${RECORD_COMMAND}\n`);
    const root = path.join(dir, "experiments");
    expect((await hydrant(["run", spec, "--root", root, "--limit", "1"])).code).toBe(0);
    const exp = path.join(root, readdirSync(root)[0]!);
    const file = path.join(exp, "experiment.json");
    valid(file);

    // As hydrant 0.1 wrote it: the engine's camelCase names, the run's snake_case copies beside them.
    const m = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown> & { jobs: Record<string, unknown>[]; origin: Record<string, unknown> };
    const old = {
      ...m,
      sweepDir: m.sweep_dir, createdAt: m.created_at, updatedAt: m.updated_at,
      jobs: m.jobs.map(({ job_dir, completed_at, duration_ms, return_code, ...j }) => ({
        ...j,
        ...(job_dir !== undefined && { jobDir: job_dir, run_dir: job_dir, startedAt: j.started_at, endedAt: completed_at, completed_at, durationMs: duration_ms, exitCode: return_code, return_code }),
      })),
    };
    for (const k of ["sweep_dir", "created_at", "updated_at"]) delete (old as Record<string, unknown>)[k];
    writeFileSync(file, JSON.stringify(old));
    rmSync(path.join(exp, "experiment.journal.jsonl"));

    expect(readManifest(exp).jobs[0]).toMatchObject({ status: "completed", job_dir: path.join(exp, "runs/run_000"), completed_at: expect.any(String), return_code: 0 });
    expect((await hydrant(["list", "--root", root])).out).toMatch(/old_\S+\s+partial\s+1\/3/);
    expect((await hydrant(["show", exp])).out).toMatch(/\n0\s+1\s+completed/);
    const resumed = await hydrant(["run", exp, "--resume"]);
    expect(resumed.code).toBe(0);
    const after = valid(file) as { jobs: Record<string, unknown>[] };
    expect(after.jobs.map((j) => [j.status, j.return_code])).toEqual([["completed", 0], ["completed", 0], ["completed", 0]]);
    expect(JSON.stringify(after)).not.toMatch(/"(startedAt|endedAt|exitCode|durationMs|jobDir|sweepDir)"/);
  }, 60_000);
});
