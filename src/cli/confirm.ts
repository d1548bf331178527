/** A yes/no question on the terminal, when there is one to ask (stdin and stderr both a TTY). */
import { createInterface } from "node:readline/promises";

/** The prompt, or undefined off a terminal (a script, CI): the caller then needs `--yes`. */
export function terminalConfirm(): ((question: string) => Promise<boolean>) | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = await rl.question(`${question} [y/N] `);
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      rl.close();
    }
  };
}
