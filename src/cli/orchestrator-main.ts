/**
 * Source-tree entry of the experiment commands (the bundled bin reaches the same code through
 * `hydrant experiment …`): `node --import tsx src/cli/orchestrator-main.ts _orchestrate DIR`.
 * This file is a process entry point, so it may set the exit code and write to stdio.
 */
import { experimentCommand } from "./experiment-command.js";

const code = await experimentCommand(process.argv.slice(2), {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
});
process.exitCode = code;
