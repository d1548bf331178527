/**
 * A real one-node SLURM for tests, started by scripts/slurm-local.sh in a throw-away dir (its own munge
 * key and socket, free ports) and stopped by the pids that script recorded. Tests skip only when SLURM
 * is not installed (or not root) outside CI; in CI that is a failure.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const SCRIPT = path.resolve(import.meta.dirname, "../../scripts/slurm-local.sh");

export interface TestSlurm {
  dir: string;
  /** The environment that points sbatch/squeue/scancel (and hydrant) at this cluster. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

function installed(): boolean {
  return ["slurmctld", "slurmd", "munged", "sbatch"].every((b) => spawnSync("sh", ["-c", `command -v ${b}`], { stdio: "ignore" }).status === 0);
}

/** Why SLURM tests are skipped, or undefined when they run. Throws in CI when SLURM cannot run. */
export function slurmSkipReason(): string | undefined {
  const why = !installed() ? "slurm-wlm and munge are not installed (apt-get install slurm-wlm munge)" : process.getuid?.() !== 0 ? "the local SLURM cluster needs root" : undefined;
  if (why === undefined) return undefined;
  if (process.env.CI) throw new Error(`SLURM tests cannot run but CI is set: ${why}.`);
  return `${why}: skipping the tests that need a real SLURM.`;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(SCRIPT, args, { env }, (error, stdout, stderr) => (error ? reject(new Error(`${SCRIPT} ${args.join(" ")}: ${stderr || error.message}`)) : resolve(stdout)));
  });
}

export async function startSlurm(options: { cpus?: number } = {}): Promise<TestSlurm> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hydrant-slurm-"));
  const env = { ...process.env, ...(options.cpus && { SLURM_LOCAL_CPUS: String(options.cpus) }) };
  await run(["start", dir], env);
  return {
    dir,
    env: { ...process.env, SLURM_CONF: path.join(dir, "slurm.conf") },
    async stop() {
      await run(["stop", dir], process.env);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
