/**
 * Parsed files and directory listings are cached across compositions; these tests change a config
 * tree between compositions (faster than any file system timestamp tick) and expect every change to
 * be seen, and check that a composed config never shares structure with the cache.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compose, composeConfig, listOptions } from "../../src/compose/index.js";
import { readConfigFile } from "../../src/compose/sources/file-source.js";
import { isDict, toPlainUnresolved } from "../../src/config/node.js";
import { MissingConfigError } from "../../src/errors.js";

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "hydrant-cache-"));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) write(root, name, text);
  return root;
}

function write(root: string, name: string, text: string): void {
  const file = path.join(root, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const job = (root: string, overrides: string[] = []) => compose({ configDir: root, configName: "config", overrides });

describe("file and listing caches", () => {
  it("sees a rewritten file of the same size at once", () => {
    const root = tree({ "config.yaml": "defaults:\n  - db: a\n  - _self_\nx: 1\n", "db/a.yaml": "port: 1\n" });
    expect(job(root)).toEqual({ db: { port: 1 }, x: 1 });
    write(root, "config.yaml", "defaults:\n  - db: a\n  - _self_\nx: 2\n");
    write(root, "db/a.yaml", "port: 2\n");
    expect(job(root)).toEqual({ db: { port: 2 }, x: 2 });
  });

  it("sees a rewrite even when the file keeps its old timestamps", () => {
    const root = tree({ "config.yaml": "x: 1\n" });
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(root, "config.yaml"), old, old);
    expect(job(root)).toEqual({ x: 1 });
    write(root, "config.yaml", "x: 3\n");
    utimesSync(path.join(root, "config.yaml"), old, old);
    // ctime still moves: the cache must not serve the old parse.
    expect(job(root)).toEqual({ x: 3 });
  });

  it("sees options added to and removed from a group", () => {
    const root = tree({ "config.yaml": "defaults:\n  - db: a\n", "db/a.yaml": "name: a\n" });
    expect(listOptions({ configDir: root, configName: "config" }, "db")).toEqual(["a"]);
    write(root, "db/b.yaml", "name: b\n");
    expect(listOptions({ configDir: root, configName: "config" }, "db")).toEqual(["a", "b"]);
    expect(job(root, ["db=b"])).toEqual({ db: { name: "b" } });
    rmSync(path.join(root, "db/b.yaml"));
    expect(() => job(root, ["db=b"])).toThrow(MissingConfigError);
  });

  it("sees a group appearing behind a symlink", () => {
    const root = tree({ "config.yaml": "x: 1\n", "real/one.yaml": "v: 1\n" });
    symlinkSync(path.join(root, "real"), path.join(root, "linked"));
    expect(job(root, ["+linked=one"])).toEqual({ x: 1, linked: { v: 1 } });
    write(root, "real/two.yaml", "v: 2\n");
    expect(job(root, ["+linked=two"])).toEqual({ x: 1, linked: { v: 2 } });
  });

  it("never hands out the cached tree", () => {
    const root = tree({ "config.yaml": "defaults:\n  - db: a\n  - _self_\nnested: {k: [1, 2]}\n", "db/a.yaml": "port: 1\n" });
    const first = composeConfig({ configDir: root, configName: "config" });
    const nested = first.config.get("nested");
    if (!isDict(nested)) throw new Error("expected a mapping");
    nested.set("k", "changed");
    first.config.set("db", null);
    expect(job(root)).toEqual({ db: { port: 1 }, nested: { k: [1, 2] } });

    const copy = readConfigFile(path.join(root, "config.yaml")).config;
    if (!isDict(copy)) throw new Error("expected a mapping");
    copy.delete("nested");
    expect(toPlainUnresolved(readConfigFile(path.join(root, "config.yaml")).config)).toHaveProperty("nested");
  });
});
