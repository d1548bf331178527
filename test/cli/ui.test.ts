// `hydrant ui` and `hydrant results --html` through the built bin.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isLoopback } from "../../src/dashboard/server.js";
import { tmpDir, writeSweep } from "../dashboard/fixtures.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(root, "dist/cli.js");

describe("hydrant ui", () => {
  it("prints its loopback URL, serves the sweeps found and stops on SIGTERM", async () => {
    const cwd = tmpDir();
    writeSweep(cwd).writer.close();
    const child = spawn(process.execPath, [BIN, "ui", "--port", "0"], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) resolve(m[0]);
      });
      child.once("exit", () => reject(new Error(`ui exited early: ${out}${err}`)));
    });
    const sweeps = (await (await fetch(`${url}api/sweeps`)).json()) as Array<{ name: string }>;
    expect(sweeps.map((s) => s.name)).toEqual(["multirun/2026-12-01/10-00-00"]);
    child.kill("SIGTERM");
    expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(0);
    expect(err).toBe("");
  }, 60_000);

  it("warns only for addresses beyond this machine", () => {
    for (const h of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]) expect(isLoopback(h)).toBe(true);
    for (const h of ["0.0.0.0", "::", "192.168.1.10", "example.org"]) expect(isLoopback(h)).toBe(false);
  });
});

describe("hydrant results DIR --html FILE", () => {
  it("writes one self-contained file", () => {
    const cwd = tmpDir();
    const { dir, writer } = writeSweep(cwd);
    writer.close();
    const r = spawnSync(process.execPath, [BIN, "results", dir, "--html", "out.html"], { cwd, encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Wrote out\.html \(\d+ KiB\)/);
    expect(readFileSync(path.join(cwd, "out.html"), "utf8")).toContain('id="hydrant-data"');
  }, 60_000);
});
