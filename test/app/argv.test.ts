import { describe, expect, it } from "vitest";
import { parseAppArgv } from "../../src/app/argv.js";

describe("parseAppArgv", () => {
  it("reads flags and overrides in any order", () => {
    const a = parseAppArgv(["db=mysql", "-m", "--config-name", "cfg", "-cp", "conf", "x=1,2", "--cfg", "job", "--resolve", "-p", "db"]);
    expect(a).toMatchObject({ overrides: ["db=mysql", "x=1,2"], multirun: true, configName: "cfg", configPath: "conf", cfg: "job", resolve: true, package: "db" });
  });

  it("accepts --long=value and short aliases", () => {
    expect(parseAppArgv(["--config-dir=/a", "-cn", "c", "-c", "hydra", "-r", "-h", "--hydra-help"])).toMatchObject({ configDir: "/a", configName: "c", cfg: "hydra", run: true, help: true, hydraHelp: true });
  });

  it("takes --info's topic only when it is one", () => {
    expect(parseAppArgv(["--info", "defaults", "a=1"])).toMatchObject({ info: "defaults", overrides: ["a=1"] });
    expect(parseAppArgv(["-i", "a=1"])).toMatchObject({ info: "all", overrides: ["a=1"] });
  });

  it("keeps everything after -- as the command", () => {
    expect(parseAppArgv(["a=1", "--", "node", "-e", "x", "--cfg"])).toMatchObject({ overrides: ["a=1"], command: ["node", "-e", "x", "--cfg"] });
  });

  it("reads --resume and --limit", () => {
    expect(parseAppArgv(["--resume", "multirun/x", "--limit", "3"])).toMatchObject({ resume: "multirun/x", limit: 3 });
  });

  it("keeps ~, + and ++ overrides, rejects unknown flags and bad values", () => {
    expect(parseAppArgv(["~a", "+b=1", "++c=2"]).overrides).toEqual(["~a", "+b=1", "++c=2"]);
    expect(() => parseAppArgv(["--nope"])).toThrow(/Unrecognized argument '--nope'/);
    expect(() => parseAppArgv(["--cfg", "jobs"])).toThrow(/job, hydra or all/);
    expect(() => parseAppArgv(["--config-name"])).toThrow(/needs a value/);
    expect(() => parseAppArgv(["--limit", "x"])).toThrow(/job count/);
  });
});
